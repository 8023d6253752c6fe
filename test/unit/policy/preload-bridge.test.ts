import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isApiError } from '../../../src/shared/contract/errors';
import { createPortBridge, ENGINE_RESTARTED_EVENT, exposedApi, type PortLike } from '../../../src/preload/port-bridge';

/**
 * The preload's bridge (what `window.mlcycle` wraps) over real MessagePorts, with a tiny fake engine
 * on the far end. Node's MessagePort has the DOM-style addEventListener and a 'close' event, like
 * Electron's renderer ports.
 */
function fakeEngine(port: MessagePort) {
  port.on('message', (request: { id: number; method: string; args: unknown }) => {
    if (request.method === 'echo') port.postMessage({ id: request.id, result: request.args });
    else if (request.method === 'push') {
      port.postMessage({ event: 'job.updated', payload: request.args });
      port.postMessage({ id: request.id, result: null });
    }
    else port.postMessage({ id: request.id, error: { code: 'UNKNOWN_METHOD', message: `Unknown method '${request.method}'.`, details: { method: request.method } } });
  });
}

const open: MessagePort[] = [];
function channel(): { engineSide: MessagePort; preloadSide: PortLike } {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  fakeEngine(port1);
  return { engineSide: port1, preloadSide: port2 as unknown as PortLike };
}

afterEach(() => {
  for (const port of open.splice(0)) port.close();
});

describe('preload port bridge', () => {
  it('queues calls made before the port arrives and asks main for a port once', async () => {
    const requestPort = vi.fn();
    const bridge = createPortBridge({ requestPort });
    const first = bridge.call('echo', { a: 1 });
    const second = bridge.call('echo', { b: 2 });
    expect(requestPort).toHaveBeenCalledTimes(1);
    expect(bridge.state).toBe('connecting');
    bridge.attach(channel().preloadSide);
    await expect(first).resolves.toEqual({ a: 1 });
    await expect(second).resolves.toEqual({ b: 2 });
    expect(bridge.state).toBe('connected');
    bridge.dispose();
  });

  it('delivers events and unsubscribes', async () => {
    const bridge = createPortBridge({ requestPort: () => {} });
    bridge.attach(channel().preloadSide);
    const seen: unknown[] = [];
    const off = bridge.on('job.updated', (p) => seen.push(p));
    await bridge.call('push', { id: 'j1' });
    await vi.waitFor(() => expect(seen).toEqual([{ id: 'j1' }]));
    off();
    await bridge.call('push', { id: 'j2' });
    expect(seen).toEqual([{ id: 'j1' }]);
    bridge.dispose();
  });

  it('reconnects when the port closes, keeps subscriptions and announces the restart', async () => {
    const requestPort = vi.fn();
    const bridge = createPortBridge({ requestPort });
    const first = channel();
    bridge.attach(first.preloadSide);
    const events: unknown[] = [];
    const restarts: unknown[] = [];
    bridge.on('job.updated', (p) => events.push(p));
    bridge.on(ENGINE_RESTARTED_EVENT, (p) => restarts.push(p));
    await expect(bridge.call('echo', 1)).resolves.toBe(1);

    first.engineSide.close(); // the engine process died
    await vi.waitFor(() => expect(requestPort).toHaveBeenCalledTimes(1));
    expect(bridge.state).toBe('connecting');
    const queued = bridge.call('echo', 'after');

    bridge.attach(channel().preloadSide); // main handed over a port to the restarted engine
    await expect(queued).resolves.toBe('after');
    expect(restarts).toEqual([{ reason: 'the engine connection closed' }]);
    await bridge.call('push', { id: 'again' });
    await vi.waitFor(() => expect(events).toEqual([{ id: 'again' }]));
    bridge.dispose();
  });

  it('fails queued calls when main says the engine is unavailable, and retries on the next call', async () => {
    const requestPort = vi.fn();
    const bridge = createPortBridge({ requestPort });
    const call = bridge.call('echo', 1);
    bridge.fail('the engine keeps crashing');
    await expect(call).rejects.toMatchObject({ code: 'TRANSPORT', message: expect.stringContaining('keeps crashing') });
    expect(bridge.state).toBe('unavailable');
    const retry = bridge.call('echo', 2);
    expect(requestPort).toHaveBeenCalledTimes(2);
    bridge.attach(channel().preloadSide);
    await expect(retry).resolves.toBe(2);
    bridge.dispose();
  });

  it('fails queued calls when no port arrives in time', async () => {
    vi.useFakeTimers();
    try {
      const bridge = createPortBridge({ requestPort: () => {}, connectTimeoutMs: 1000 });
      const call = bridge.call('echo', 1);
      const check = expect(call).rejects.toMatchObject({ code: 'TRANSPORT' });
      vi.advanceTimersByTime(1001);
      await check;
      bridge.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps going when a listener throws', async () => {
    const reportError = vi.fn();
    const bridge = createPortBridge({ requestPort: () => {}, reportError });
    bridge.attach(channel().preloadSide);
    const seen: unknown[] = [];
    bridge.on('job.updated', () => {
      throw new Error('listener bug');
    });
    bridge.on('job.updated', (p) => seen.push(p));
    await bridge.call('push', 1);
    await vi.waitFor(() => expect(seen).toEqual([1]));
    expect(reportError).toHaveBeenCalledOnce();
    bridge.dispose();
  });
});

describe('exposedApi (window.mlcycle)', () => {
  it('is exactly two functions, frozen', () => {
    const api = exposedApi(createPortBridge({ requestPort: () => {} }));
    expect(Object.keys(api).sort()).toEqual(['call', 'on']);
    expect(typeof api.call).toBe('function');
    expect(typeof api.on).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('rejects with a plain {code, message, details} object, which survives the context bridge', async () => {
    const bridge = createPortBridge({ requestPort: () => {} });
    bridge.attach(channel().preloadSide);
    const api = exposedApi(bridge);
    const error = await api.call('nope', {}).catch((e: unknown) => e);
    expect(isApiError(error)).toBe(true);
    expect(error).toEqual({ code: 'UNKNOWN_METHOD', message: "Unknown method 'nope'.", details: { method: 'nope' } });
    expect(Object.getPrototypeOf(error)).toBe(Object.prototype);
    bridge.dispose();
  });

  it('checks its arguments', async () => {
    const api = exposedApi(createPortBridge({ requestPort: () => {} }));
    await expect(api.call(42 as unknown as string)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(() => api.on('x', 'not a function' as unknown as () => void)).toThrow(TypeError);
    const off = api.on('x', () => {});
    expect(typeof off).toBe('function');
    off();
  });
});
