import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_CSP } from '../../../src/main/policy/csp';
import { electron, FakeFrame, FakeUtilityProcess, FakeWebContents, protocolHandlers, type FakeBrowserWindow } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

const { hardenApp } = await import('../../../src/main/electron/security');
const { serveAppScheme } = await import('../../../src/main/electron/protocol');
const { createMainWindow } = await import('../../../src/main/electron/window');
const { EngineHost } = await import('../../../src/main/electron/engine-host');

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('hardenApp (navigation, windows, webviews, permissions)', () => {
  const contents = new FakeWebContents();
  const log = vi.fn();
  beforeAll(() => {
    hardenApp({ devServerUrl: null }, log);
    electron.app.emit('web-contents-created', {}, contents);
  });
  afterEach(() => electron.shell.openExternal.mockClear());

  const navigate = (event: string, url: string, extra: Record<string, unknown> = {}) => {
    const e = { url, preventDefault: vi.fn(), ...extra };
    contents.emit(event, e);
    return e.preventDefault;
  };

  it('lets the app navigate within itself', () => {
    expect(navigate('will-navigate', 'app://mlcycle/index.html')).not.toHaveBeenCalled();
  });

  it('blocks navigation away and opens web links in the browser instead', async () => {
    expect(navigate('will-navigate', 'https://example.com/docs')).toHaveBeenCalled();
    await flush();
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://example.com/docs');
  });

  it('blocks file:, javascript: and local navigation without opening anything', async () => {
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'http://127.0.0.1:7311/', 'app://mlcycle.evil/']) {
      expect(navigate('will-navigate', url)).toHaveBeenCalled();
    }
    await flush();
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('blocks sub-frame navigation and redirects', () => {
    expect(navigate('will-frame-navigate', 'https://evil.example/', { isMainFrame: false })).toHaveBeenCalled();
    expect(navigate('will-redirect', 'https://evil.example/')).toHaveBeenCalled();
    expect(navigate('will-redirect', 'app://mlcycle/index.html')).not.toHaveBeenCalled();
  });

  it('never creates a window; web links go to the browser', async () => {
    expect(contents.windowOpenHandler!({ url: 'https://onnx.ai/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'app://mlcycle/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    await flush();
    expect(electron.shell.openExternal.mock.calls).toEqual([['https://onnx.ai/']]);
  });

  it('refuses <webview>', () => {
    const e = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', e, {}, { src: 'https://example.com' });
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it('decides permissions through the policy', () => {
    const ses = electron.session.defaultSession;
    const decide = (permission: string, requestingUrl: string) => {
      let granted: boolean | null = null;
      ses.permissionRequestHandler!(contents, permission, (g: boolean) => (granted = g), { requestingUrl });
      return granted;
    };
    expect(decide('clipboard-sanitized-write', 'app://mlcycle/index.html')).toBe(true);
    expect(decide('media', 'app://mlcycle/index.html')).toBe(false);
    expect(decide('clipboard-sanitized-write', 'https://example.com/')).toBe(false);
    expect(ses.permissionCheckHandler!(contents, 'clipboard-sanitized-write', 'app://mlcycle', {})).toBe(true);
    expect(ses.permissionCheckHandler!(contents, 'geolocation', 'app://mlcycle', {})).toBe(false);
    expect(ses.permissionCheckHandler!(null, 'clipboard-sanitized-write', 'app://mlcycle', {})).toBe(false);
    expect(ses.deviceHandler!()).toBe(false);
  });
});

describe('the app:// protocol handler', () => {
  let root: string;
  let handler: (request: { url: string; method: string }) => Promise<Response>;
  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'mlcycle-renderer-'));
    fs.mkdirSync(path.join(root, 'assets'));
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>MLCycle</title>');
    fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(os.tmpdir(), 'mlcycle-secret.txt'), 'secret');
    serveAppScheme(root, APP_CSP);
    handler = protocolHandlers.get('app')!;
  });

  const get = (url: string, method = 'GET') => handler({ url, method });

  it('serves the page with the CSP header', async () => {
    const response = await get('app://mlcycle/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>MLCycle</title>');
  });

  it('serves assets with their type, and answers HEAD without a body', async () => {
    const js = await get('app://mlcycle/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
    const head = await get('app://mlcycle/assets/app.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers client routes with the page, and missing files with 404', async () => {
    expect(await (await get('app://mlcycle/runs/42')).text()).toContain('MLCycle');
    expect((await get('app://mlcycle/assets/missing.js')).status).toBe(404);
  });

  it('refuses traversal and other hosts, still with the CSP', async () => {
    const traversal = await get('app://mlcycle/assets/..%2F..%2Fmlcycle-secret.txt');
    expect(traversal.status).toBe(403);
    expect(traversal.headers.get('content-security-policy')).toBe(APP_CSP);
    expect((await get('app://mlcycle/../mlcycle-secret.txt')).status).toBe(404); // normalised to <root>/mlcycle-secret.txt
    expect((await get('app://evil/index.html')).status).toBe(403);
    expect((await get('app://mlcycle/index.html', 'POST')).status).toBe(405);
  });
});

describe('the main window', () => {
  it('is created with the checklist’s webPreferences and loads the app scheme', () => {
    const window = createMainWindow({ preload: '/app/out/preload/index.cjs', devServerUrl: null, isDev: false, icon: '/nonexistent.png', log: () => {} });
    const options = (window as unknown as FakeBrowserWindow).options as { webPreferences: Record<string, unknown>; icon?: string };
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
    });
    expect(options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(options.icon).toBeUndefined();
    expect((window as unknown as FakeBrowserWindow).loadURL).toHaveBeenCalledWith('app://mlcycle/index.html');
  });

  it('loads the dev server in development, with devtools', () => {
    const window = createMainWindow({ preload: '/p.cjs', devServerUrl: 'http://localhost:5173', isDev: true, icon: '/x.png', log: () => {} });
    const fake = window as unknown as FakeBrowserWindow;
    expect(fake.loadURL).toHaveBeenCalledWith('http://localhost:5173');
    expect((fake.options.webPreferences as Record<string, unknown>).devTools).toBe(true);
  });

  it('reloads after a renderer crash, but not in a loop', () => {
    const fake = createMainWindow({ preload: '/p.cjs', devServerUrl: null, isDev: false, icon: '/x.png', log: () => {} }) as unknown as FakeBrowserWindow;
    fake.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    fake.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    expect(fake.webContents.reload).toHaveBeenCalledTimes(1);
  });
});

describe('EngineHost (the utility process)', () => {
  afterEach(() => {
    vi.useRealTimers();
    FakeUtilityProcess.instances.length = 0;
  });

  const make = (onGiveUp = vi.fn()) =>
    new EngineHost({ modulePath: '/app/out/main/engine-process.js', env: { MLCYCLE_SQLITE_BINDING: '/cache/b.node' }, log: () => {}, onGiveUp });

  it('forks the engine with its environment and hands each frame its own port', () => {
    const host = make();
    host.start();
    const child = FakeUtilityProcess.instances[0]!;
    expect(child.modulePath).toBe('/app/out/main/engine-process.js');
    expect(child.options).toMatchObject({ serviceName: 'MLCycle Engine', env: { MLCYCLE_SQLITE_BINDING: '/cache/b.node' } });
    const frame = new FakeFrame();
    host.connect(frame as never);
    expect(child.sent[0]!.message).toEqual({ type: 'connect', client: 'window-1' });
    expect(child.sent[0]!.transfer).toHaveLength(1);
    expect(frame.posted).toHaveLength(1);
    expect(frame.posted[0]!.channel).toBe('mlcycle:port');
    expect(frame.posted[0]!.transfer![0]).not.toBe(child.sent[0]!.transfer![0]);
  });

  it('restarts a crashed engine and connects frames that asked meanwhile', () => {
    vi.useFakeTimers();
    const host = make();
    host.start();
    FakeUtilityProcess.instances[0]!.emit('exit', 1);
    const frame = new FakeFrame();
    host.connect(frame as never);
    expect(frame.posted).toHaveLength(0);
    vi.advanceTimersByTime(250);
    expect(FakeUtilityProcess.instances).toHaveLength(2);
    expect(frame.posted).toHaveLength(1);
    expect(FakeUtilityProcess.instances[1]!.sent[0]!.message).toMatchObject({ type: 'connect' });
  });

  it('gives up on a crash loop, refuses reconnects, and reconnects everyone on retry', () => {
    vi.useFakeTimers();
    const onGiveUp = vi.fn();
    const host = make(onGiveUp);
    host.start();
    const frame = new FakeFrame();
    host.connect(frame as never);
    for (let i = 0; i < 5; i++) {
      FakeUtilityProcess.instances.at(-1)!.emit('exit', 1);
      vi.advanceTimersByTime(10_000);
    }
    expect(FakeUtilityProcess.instances).toHaveLength(6);
    FakeUtilityProcess.instances.at(-1)!.emit('exit', 1); // the sixth crash within a minute
    vi.advanceTimersByTime(60_000);
    expect(FakeUtilityProcess.instances).toHaveLength(6);
    expect(onGiveUp).toHaveBeenCalledOnce();

    // The renderer's port closed, so its preload asks again: it is told, and nothing restarts.
    host.connect(frame as never);
    expect(frame.sent).toEqual([{ channel: 'mlcycle:unavailable', args: [expect.stringContaining('6 times')] }]);
    expect(FakeUtilityProcess.instances).toHaveLength(6);

    // The user chose "Retry": a fresh engine, and the refused frame gets a port without asking.
    const portsBefore = frame.posted.length;
    host.retry();
    expect(FakeUtilityProcess.instances).toHaveLength(7);
    expect(frame.posted).toHaveLength(portsBefore + 1);
    expect(FakeUtilityProcess.instances[6]!.sent[0]!.message).toMatchObject({ type: 'connect' });
  });

  it('stops cleanly on quit without restarting', async () => {
    const host = make();
    host.start();
    const child = FakeUtilityProcess.instances[0]!;
    const stopped = host.stop(1000);
    expect(child.sent.at(-1)!.message).toEqual({ type: 'shutdown' });
    child.emit('exit', 0);
    await stopped;
    expect(FakeUtilityProcess.instances).toHaveLength(1);
    expect(child.kill).not.toHaveBeenCalled();
  });

  it('kills an engine that does not exit in time', async () => {
    const host = make();
    host.start();
    const child = FakeUtilityProcess.instances[0]!;
    child.kill.mockImplementation(() => {
      setImmediate(() => child.emit('exit', 137));
      return true;
    });
    await host.stop(20);
    expect(child.kill).toHaveBeenCalled();
  });
});
