import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngine, type Engine } from '../../../src/main/engine/engine';
import { serveOverParentPort, type ParentPortLike, type PortMainLike } from '../../../src/main/utility/engine-service';
import type { EngineToMain } from '../../../src/main/utility/protocol';
import { createPortBridge, type PortLike } from '../../../src/preload/port-bridge';

/**
 * The Electron wiring without Electron: the engine-process service (utility side) and the preload
 * bridge (renderer side) joined by a real MessageChannel, as main joins them with MessageChannelMain.
 */

/** Adapts a Node MessagePort to the MessagePortMain surface ({data} events, on/off). */
function asPortMain(port: MessagePort): PortMainLike {
  const wrapped = new Map<unknown, (data: unknown) => void>();
  return {
    on(event: 'message' | 'close', listener: ((e: { data: unknown }) => void) | (() => void)) {
      if (event === 'close') port.on('close', listener as () => void);
      else {
        const h = (data: unknown) => (listener as (e: { data: unknown }) => void)({ data });
        wrapped.set(listener, h);
        port.on('message', h);
      }
    },
    off(event: 'message' | 'close', listener: unknown) {
      port.off(event, (wrapped.get(listener) ?? listener) as () => void);
    },
    postMessage: (m) => port.postMessage(m),
    start: () => port.start(),
    close: () => port.close(),
  } as PortMainLike;
}

class FakeParent extends EventEmitter {
  sent: EngineToMain[] = [];
  postMessage(message: EngineToMain) {
    this.sent.push(message);
  }
  connect(client: string): PortLike {
    const { port1, port2 } = new MessageChannel();
    this.emit('message', { data: { type: 'connect', client }, ports: [asPortMain(port1)] });
    return port2 as unknown as PortLike;
  }
}

let home: string;
let engine: Engine;
let parent: FakeParent;

beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'mlcycle-engine-service-'));
  engine = createEngine({ host: 'electron', homeDir: home, identity: 'tester' });
  parent = new FakeParent();
});

afterEach(async () => {
  await engine.dispose();
  fs.rmSync(home, { recursive: true, force: true });
});

describe('engine process service', () => {
  it('answers a renderer over its MessagePort', async () => {
    const service = serveOverParentPort(engine, parent as unknown as ParentPortLike);
    const bridge = createPortBridge({ requestPort: () => {} });
    bridge.attach(parent.connect('window-1'));
    const info = (await bridge.call('system.info', {})) as { host: string; identity: string };
    expect(info.host).toBe('electron');
    expect(info.identity).toBe('tester');
    expect(service.connections).toBe(1);
    expect(parent.sent).toContainEqual({ type: 'connected', client: 'window-1' });
    await expect(bridge.call('no.such.method', {})).rejects.toMatchObject({ code: 'UNKNOWN_METHOD' });
    bridge.dispose();
    await service.dispose();
  });

  it('pushes engine events to every connected window', async () => {
    const service = serveOverParentPort(engine, parent as unknown as ParentPortLike);
    const a = createPortBridge({ requestPort: () => {} });
    const b = createPortBridge({ requestPort: () => {} });
    a.attach(parent.connect('a'));
    b.attach(parent.connect('b'));
    const seenA: unknown[] = [];
    const seenB: unknown[] = [];
    a.on('project.changed', (p) => seenA.push(p));
    b.on('project.changed', (p) => seenB.push(p));
    const dir = path.join(home, 'proj');
    await a.call('project.create', { dir, name: 'Demo' });
    await vi.waitFor(() => {
      expect(seenA.length).toBeGreaterThan(0);
      expect(seenB.length).toBeGreaterThan(0);
    });
    expect(seenB.at(-1)).toMatchObject({ name: 'Demo' });
    a.dispose();
    b.dispose();
    await service.dispose();
  });

  it('stops serving a window whose port closed', async () => {
    const service = serveOverParentPort(engine, parent as unknown as ParentPortLike);
    const port = parent.connect('window-1');
    expect(service.connections).toBe(1);
    port.close();
    await vi.waitFor(() => expect(service.connections).toBe(0));
    expect(parent.sent).toContainEqual({ type: 'disconnected', client: 'window-1' });
    await service.dispose();
  });

  it('shuts down on request: ports closed, engine disposed, listener removed', async () => {
    const dispose = vi.spyOn(engine, 'dispose');
    const service = serveOverParentPort(engine, parent as unknown as ParentPortLike);
    const port = parent.connect('window-1');
    const closed = new Promise<void>((resolve) => port.addEventListener('close', () => resolve()));
    parent.emit('message', { data: { type: 'shutdown' }, ports: [] });
    await service.shutdown;
    await closed;
    expect(dispose).toHaveBeenCalledOnce();
    expect(service.connections).toBe(0);
    expect(parent.listenerCount('message')).toBe(0);
  });

  it('ignores unknown messages and connects without a port', async () => {
    const log = vi.fn();
    const service = serveOverParentPort(engine, parent as unknown as ParentPortLike, log);
    parent.emit('message', { data: { type: 'format-disk' }, ports: [] });
    parent.emit('message', { data: { type: 'connect', client: 'x' }, ports: [] });
    expect(service.connections).toBe(0);
    expect(log).toHaveBeenCalledTimes(2);
    await service.dispose();
  });
});
