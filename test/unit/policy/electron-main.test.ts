import { describe, expect, it, vi } from 'vitest';
import type * as FakeElectron from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electron);

type Fakes = typeof FakeElectron;

/**
 * Electron main's wiring (src/main/electron/main.ts) against the fake electron module. Every test
 * loads main afresh (it acts on import), with a fresh fake that `setup` may adjust first.
 */
async function loadMain(setup: (fakes: Fakes) => void = () => {}): Promise<Fakes> {
  vi.resetModules();
  const fakes = await import('./fake-electron');
  fakes.reset();
  setup(fakes);
  await import('../../../src/main/electron/main');
  await new Promise((resolve) => setImmediate(resolve)); // let main() pass app.whenReady()
  return fakes;
}

describe('Electron main', () => {
  it('quits at once when another instance holds the lock', async () => {
    const { electron, FakeBrowserWindow, FakeUtilityProcess } = await loadMain((f) => f.electron.app.requestSingleInstanceLock.mockReturnValueOnce(false));
    expect(electron.app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(FakeUtilityProcess.instances).toHaveLength(0);
  });

  it('sandboxes every renderer, registers app://, forks the engine and opens one window', async () => {
    const { electron, FakeBrowserWindow, FakeUtilityProcess, protocolHandlers } = await loadMain();
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
    expect(protocolHandlers.has('app')).toBe(true);
    expect(FakeUtilityProcess.instances).toHaveLength(1);
    expect(FakeUtilityProcess.instances[0]!.modulePath).toMatch(/engine-process\.js$/);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('connects only the app’s own top frame to the engine', async () => {
    const { electron, FakeFrame, FakeUtilityProcess } = await loadMain();
    const child = FakeUtilityProcess.instances[0]!;
    const ask = (frame: InstanceType<Fakes['FakeFrame']> | null, isMain = true) => {
      const sender = { mainFrame: isMain ? frame : {} };
      electron.ipcMain.emit('mlcycle:connect', { senderFrame: frame, sender });
    };
    const trusted = new FakeFrame('app://mlcycle/index.html');
    ask(trusted);
    expect(trusted.posted.map((p) => p.channel)).toEqual(['mlcycle:port']);
    expect(child.sent.filter((m) => (m.message as { type: string }).type === 'connect')).toHaveLength(1);

    for (const frame of [new FakeFrame('https://evil.example/'), new FakeFrame('app://mlcycle.evil/'), new FakeFrame('file:///tmp/x.html')]) {
      ask(frame);
      expect(frame.posted).toEqual([]);
    }
    const iframe = new FakeFrame('app://mlcycle/index.html');
    ask(iframe, false);
    expect(iframe.posted).toEqual([]);
    ask(null);
    expect(child.sent.filter((m) => (m.message as { type: string }).type === 'connect')).toHaveLength(1);
  });

  it('shuts the engine down before quitting', async () => {
    const { electron, FakeUtilityProcess } = await loadMain();
    const child = FakeUtilityProcess.instances[0]!;
    const event = { preventDefault: vi.fn() };
    electron.app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(child.sent.at(-1)!.message).toEqual({ type: 'shutdown' });
    expect(electron.app.quit).not.toHaveBeenCalled();
    child.emit('exit', 0);
    await vi.waitFor(() => expect(electron.app.quit).toHaveBeenCalled());
    const again = { preventDefault: vi.fn() };
    electron.app.emit('before-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });

  it('focuses the existing window when a second instance starts', async () => {
    const { electron, FakeBrowserWindow } = await loadMain();
    electron.app.emit('second-instance');
    expect(FakeBrowserWindow.instances[0]!.focus).toHaveBeenCalled();
  });
});
