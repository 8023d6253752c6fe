import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A stand-in for the parts of the `electron` module the desktop shell uses, so its wiring
 * (src/main/electron) is tested under plain Node without launching Electron. Each test file that
 * uses it does `vi.mock('electron', async () => (await import('./fake-electron')).electron)`.
 */
function create() {
  class FakeWebContents extends EventEmitter {
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    mainFrame = { url: 'app://mlcycle/index.html' };
    reload = vi.fn();
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
  }

  class FakeBrowserWindow extends EventEmitter {
    static instances: FakeBrowserWindow[] = [];
    webContents = new FakeWebContents();
    loadURL = vi.fn(async (_url: string) => {});
    show = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    isMinimized = () => false;
    isDestroyed = () => false;
    constructor(public options: Record<string, unknown>) {
      super();
      FakeBrowserWindow.instances.push(this);
    }
  }

  class FakeUtilityProcess extends EventEmitter {
    static instances: FakeUtilityProcess[] = [];
    sent: { message: unknown; transfer?: unknown[] }[] = [];
    kill = vi.fn(() => true);
    constructor(
      public modulePath: string,
      public args: string[],
      public options: Record<string, unknown>,
    ) {
      super();
      FakeUtilityProcess.instances.push(this);
    }
    postMessage(message: unknown, transfer?: unknown[]) {
      this.sent.push({ message, transfer });
    }
  }

  let portIds = 0;
  class FakeMessageChannelMain {
    port1 = { name: `port-${++portIds}` };
    port2 = { name: `port-${++portIds}` };
  }

  class FakeFrame {
    posted: { channel: string; message: unknown; transfer?: unknown[] }[] = [];
    sent: { channel: string; args: unknown[] }[] = [];
    detached = false;
    constructor(public url = 'app://mlcycle/index.html') {}
    isDestroyed() {
      return false;
    }
    postMessage(channel: string, message: unknown, transfer?: unknown[]) {
      this.posted.push({ channel, message, transfer });
    }
    send(channel: string, ...args: unknown[]) {
      this.sent.push({ channel, args });
    }
  }

  const session = {
    defaultSession: Object.assign(new EventEmitter(), {
      permissionRequestHandler: null as null | ((...args: unknown[]) => void),
      permissionCheckHandler: null as null | ((...args: unknown[]) => boolean),
      deviceHandler: null as null | (() => boolean),
      headersListener: null as null | ((...args: unknown[]) => void),
      setPermissionRequestHandler(handler: (...args: unknown[]) => void) {
        this.permissionRequestHandler = handler;
      },
      setPermissionCheckHandler(handler: (...args: unknown[]) => boolean) {
        this.permissionCheckHandler = handler;
      },
      setDevicePermissionHandler(handler: () => boolean) {
        this.deviceHandler = handler;
      },
      webRequest: {
        onHeadersReceived(_filter: unknown, listener: (...args: unknown[]) => void) {
          session.defaultSession.headersListener = listener;
        },
      },
    }),
  };

  const protocolHandlers = new Map<string, (request: { url: string; method: string }) => Promise<Response>>();

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => true),
    whenReady: vi.fn(async () => {}),
    quit: vi.fn(),
    setName: vi.fn(),
    setAppUserModelId: vi.fn(),
    enableSandbox: vi.fn(),
  });

  const electron = {
    app,
    session,
    shell: { openExternal: vi.fn(async (_url: string) => {}) },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: (scheme: string, handler: (request: { url: string; method: string }) => Promise<Response>) => protocolHandlers.set(scheme, handler),
    },
    ipcMain: new EventEmitter(),
    dialog: { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })) },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((t: unknown) => t) },
    BrowserWindow: FakeBrowserWindow,
    MessageChannelMain: FakeMessageChannelMain,
    utilityProcess: { fork: vi.fn((modulePath: string, args: string[], options: Record<string, unknown>) => new FakeUtilityProcess(modulePath, args, options)) },
  };

  /** Forget everything a previous test did (listeners, instances, handlers, mock calls). */
  function reset() {
    app.removeAllListeners();
    electron.ipcMain.removeAllListeners();
    session.defaultSession.removeAllListeners();
    FakeBrowserWindow.instances.length = 0;
    FakeUtilityProcess.instances.length = 0;
    protocolHandlers.clear();
    vi.clearAllMocks();
  }

  return { FakeWebContents, FakeBrowserWindow, FakeUtilityProcess, FakeMessageChannelMain, FakeFrame, session, protocolHandlers, app, electron, reset };
}

// One fake per test file, shared across vi.resetModules() (vitest keeps the mocked module itself).
const store = globalThis as { __mlcycleFakeElectron?: ReturnType<typeof create> };
const fakes = (store.__mlcycleFakeElectron ??= create());

export const { FakeWebContents, FakeBrowserWindow, FakeUtilityProcess, FakeMessageChannelMain, FakeFrame, session, protocolHandlers, app, electron, reset } = fakes;
export type FakeFrame = InstanceType<typeof FakeFrame>;
export type FakeBrowserWindow = InstanceType<typeof FakeBrowserWindow>;
