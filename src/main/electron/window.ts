import { BrowserWindow } from 'electron';
import fs from 'node:fs';
import { APP_ENTRY_URL } from '../policy/origin';

export interface WindowOptions {
  preload: string;
  /** electron-vite's dev server in development; the app:// scheme otherwise. */
  devServerUrl: string | null;
  isDev: boolean;
  icon: string;
  log(line: string): void;
}

/**
 * The main window with the checklist's webPreferences spelled out (items 2–4, 6, 8–11), even where
 * they are Electron's defaults, so a reader (and a future default change) cannot miss them.
 */
export function createMainWindow(options: WindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'MLCycle',
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#111418',
    ...(fs.existsSync(options.icon) ? { icon: options.icon } : {}),
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: options.isDev,
    },
  });
  window.once('ready-to-show', () => window.show());
  let lastReload = 0;
  window.webContents.on('render-process-gone', (_event, details) => {
    options.log(`renderer gone (${details.reason}, exit code ${details.exitCode})`);
    // Reload after a crash, but not in a loop: at most once every 10 s.
    if (details.reason === 'clean-exit' || window.isDestroyed() || Date.now() - lastReload < 10_000) return;
    lastReload = Date.now();
    window.webContents.reload();
  });
  const url = options.devServerUrl ?? APP_ENTRY_URL;
  window.loadURL(url).catch((error: unknown) => options.log(`could not load ${url}: ${(error as Error).message}`));
  return window;
}
