import { Menu } from 'electron';
import { buildMenuTemplate, type MenuOptions } from './menu-template';

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)));
}
