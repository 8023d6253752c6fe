import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../../src/main/electron/menu-template';

function roles(template: MenuItemConstructorOptions[]): string[] {
  return template.flatMap((item) => [
    ...(item.role ? [item.role] : []),
    ...(Array.isArray(item.submenu) ? roles(item.submenu) : []),
  ]);
}

describe('application menu', () => {
  it('has no reload or developer tools in a packaged app', () => {
    for (const isMac of [true, false]) {
      const r = roles(buildMenuTemplate({ isMac, isDev: false, appName: 'MLCycle' }));
      expect(r).not.toContain('toggleDevTools');
      expect(r).not.toContain('reload');
      expect(r).not.toContain('forceReload');
      expect(r).toEqual(expect.arrayContaining(['copy', 'paste', 'undo', 'quit']));
    }
  });

  it('adds reload and developer tools in development', () => {
    const r = roles(buildMenuTemplate({ isMac: false, isDev: true, appName: 'MLCycle' }));
    expect(r).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('puts the app menu first on macOS only', () => {
    expect(buildMenuTemplate({ isMac: true, isDev: false, appName: 'MLCycle' })[0]?.label).toBe('MLCycle');
    expect(buildMenuTemplate({ isMac: false, isDev: false, appName: 'MLCycle' })[0]?.label).toBe('File');
  });
});
