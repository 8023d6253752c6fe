/**
 * Electron main (out/main/index.js): windows, menu, security policy, and the engine's utility
 * process. It only wires: every decision lives in a pure function under src/main/policy, and the
 * engine itself runs in src/main/utility/engine-process.ts, never here.
 */
import { app, dialog, ipcMain, type BrowserWindow } from 'electron';
import { IPC_CONNECT } from '../../preload/channels';
import { buildCsp, isTrustedSender, type PolicyContext } from '../policy';
import { EngineHost } from './engine-host';
import { installMenu } from './menu';
import { paths } from './paths';
import { applyDevServerCsp, registerAppScheme, serveAppScheme } from './protocol';
import { hardenApp } from './security';
import { createMainWindow } from './window';

const log = (line: string) => console.log(`[mlcycle] ${line}`);
const isDev = !app.isPackaged;
const devServerUrl = isDev && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : null;
const policy: PolicyContext = { devServerUrl };

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.setName('MLCycle');
  if (process.platform === 'win32') app.setAppUserModelId('dev.mlcycle.app');
  app.enableSandbox();
  registerAppScheme();
  void main();
}

async function main(): Promise<void> {
  let window: BrowserWindow | null = null;
  const engine = new EngineHost({
    modulePath: paths.engineProcess,
    env: engineEnv(),
    log,
    onGiveUp: (reason) => {
      const options = {
        type: 'error' as const,
        title: 'MLCycle engine stopped',
        message: 'The MLCycle engine keeps stopping.',
        detail: `${reason}. Details are in the log (run MLCycle from a terminal to see it).`,
        buttons: ['Retry', 'Quit'],
        defaultId: 0,
        cancelId: 1,
      };
      const shown = window && !window.isDestroyed() ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options);
      void shown.then(({ response }) => (response === 0 ? engine.retry() : app.quit()));
    },
  });

  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  await app.whenReady();
  hardenApp(policy, log);
  serveAppScheme(paths.rendererDir, buildCsp());
  if (devServerUrl) applyDevServerCsp(devServerUrl, buildCsp({ devServerUrl }));
  installMenu({ isMac: process.platform === 'darwin', isDev, appName: 'MLCycle' });

  ipcMain.on(IPC_CONNECT, (event) => {
    const frame = event.senderFrame;
    const trusted = frame !== null && isTrustedSender(frame.url, { ...policy, isMainFrame: frame === event.sender.mainFrame });
    if (!frame || !trusted) {
      log(`refused an engine connection from ${frame?.url ?? 'a destroyed frame'}`);
      return;
    }
    engine.connect(frame);
  });

  engine.start();
  const openWindow = () => {
    window = createMainWindow({ preload: paths.preload, devServerUrl, isDev, icon: paths.icon, log });
    window.on('closed', () => (window = null));
  };
  openWindow();

  app.on('activate', () => {
    if (!window) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    event.preventDefault();
    quitting = true;
    void engine.stop().finally(() => app.quit());
  });
}

/** The engine's environment: ours, plus the Electron-ABI better-sqlite3 binary that `npm start` built. */
function engineEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}
