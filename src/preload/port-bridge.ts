import { channelBridge, type MlcycleBridge } from '../shared/client';
import type { ServerMessage } from '../shared/contract/envelope';
import { MlcycleError, toApiError, type ApiError } from '../shared/contract/errors';

/**
 * The preload's engine connection, without Electron: a bridge over whichever MessagePort main last
 * handed over. Calls made before a port arrives wait in a queue; when the port closes (the engine
 * process died and main is restarting it, or main was reloaded) it asks for a new one, and event
 * subscriptions carry over. Only `src/shared/client.ts` and the error helpers are imported, so the
 * sandboxed preload bundle stays small and zod-free.
 */

/** The DOM MessagePort as the preload uses it (Electron adds the `close` event). */
export interface PortLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: () => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'close', listener: () => void): void;
  start(): void;
  close(): void;
}

/**
 * Pushed locally (not by the engine) after the connection was lost and re-established, e.g. when
 * the engine process crashed and was restarted: any open project was closed by the restart.
 */
export const ENGINE_RESTARTED_EVENT = 'engine.restarted';

export type PortBridgeState = 'idle' | 'connecting' | 'connected' | 'unavailable';

export interface PortBridge extends MlcycleBridge {
  readonly state: PortBridgeState;
  /** Asks main for a port unless one is attached or already on its way. */
  connect(): void;
  /** Main handed over a port: start talking on it (replacing any previous one). */
  attach(port: PortLike): void;
  /** Main says no engine is available: queued calls fail with a TRANSPORT error. */
  fail(reason: string): void;
  dispose(): void;
}

export interface PortBridgeOptions {
  /** Sends the connection request to main (`ipcRenderer.send('mlcycle:connect')`). */
  requestPort(): void;
  /** How long queued calls wait for a port before failing; default 30 s. */
  connectTimeoutMs?: number;
  /** Where listener exceptions go; default console.error. */
  reportError?(error: unknown): void;
}

interface Queued {
  method: string;
  args: unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export function createPortBridge(options: PortBridgeOptions): PortBridge {
  const connectTimeoutMs = options.connectTimeoutMs ?? 30_000;
  const reportError = options.reportError ?? ((error: unknown) => console.error('[mlcycle]', error));
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let queue: Queued[] = [];
  let state: PortBridgeState = 'idle';
  let lostReason: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let current: { bridge: ReturnType<typeof channelBridge>; port: PortLike; forwards: Map<string, () => void>; detach(): void } | null =
    null;
  let disposed = false;

  const emit = (event: string, payload: unknown) => {
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        reportError(error);
      }
    }
  };

  const clearTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const rejectQueue = (reason: string) => {
    const waiting = queue;
    queue = [];
    for (const q of waiting) q.reject(new MlcycleError('TRANSPORT', `The MLCycle engine is not available: ${reason}`));
  };

  const connect = () => {
    if (disposed || current || state === 'connecting') return;
    state = 'connecting';
    clearTimer();
    timer = setTimeout(() => {
      timer = null;
      if (state === 'connecting') {
        state = 'unavailable';
        rejectQueue(`no answer from the desktop shell within ${Math.round(connectTimeoutMs / 1000)} s`);
      }
    }, connectTimeoutMs);
    options.requestPort();
  };

  const forward = (bridge: ReturnType<typeof channelBridge>, event: string) => bridge.on(event, (payload) => emit(event, payload));

  const lose = (reason: string) => {
    if (!current) return;
    current.detach();
    current = null;
    lostReason = reason;
    state = 'idle';
    connect();
  };

  const attach = (port: PortLike) => {
    if (disposed) {
      port.close();
      return;
    }
    if (current) {
      const old = current;
      current = null;
      old.detach();
      old.port.close();
    }
    const messageHandlers = new Set<(event: { data: unknown }) => void>();
    const closeHandlers = new Set<() => void>();
    const bridge = channelBridge({
      send: (message) => port.postMessage(message),
      onMessage: (listener) => {
        const handler = (event: { data: unknown }) => listener(event.data as ServerMessage);
        messageHandlers.add(handler);
        port.addEventListener('message', handler);
        return () => {
          messageHandlers.delete(handler);
          port.removeEventListener('message', handler);
        };
      },
      onClose: (listener) => {
        const handler = () => listener('the engine connection closed');
        closeHandlers.add(handler);
        port.addEventListener('close', handler);
        return () => {
          closeHandlers.delete(handler);
          port.removeEventListener('close', handler);
        };
      },
    });
    const onClose = () => lose('the engine connection closed');
    const forwards = new Map<string, () => void>();
    for (const event of listeners.keys()) forwards.set(event, forward(bridge, event));
    const entry = {
      bridge,
      port,
      forwards,
      detach() {
        port.removeEventListener('close', onClose);
        for (const stop of forwards.values()) stop();
        forwards.clear();
        bridge.dispose();
      },
    };
    current = entry;
    // Registered after the bridge's own close handler, so pending calls fail before reconnecting.
    port.addEventListener('close', onClose);
    port.start();
    clearTimer();
    state = 'connected';
    const waiting = queue;
    queue = [];
    for (const q of waiting) bridge.call(q.method, q.args).then(q.resolve, q.reject);
    if (lostReason !== null) {
      const reason = lostReason;
      lostReason = null;
      emit(ENGINE_RESTARTED_EVENT, { reason });
    }
  };

  return {
    get state() {
      return state;
    },
    connect,
    attach,
    fail(reason) {
      clearTimer();
      if (current) return; // a live port wins over a stale refusal
      state = 'unavailable';
      rejectQueue(reason);
    },
    call(method, args) {
      if (disposed) return Promise.reject(new MlcycleError('TRANSPORT', 'The MLCycle client was disposed.'));
      if (current) return current.bridge.call(method, args);
      return new Promise((resolve, reject) => {
        queue.push({ method, args: args ?? {}, resolve, reject });
        connect();
      });
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) {
        listeners.set(event, (set = new Set()));
        if (current) current.forwards.set(event, forward(current.bridge, event));
      }
      set.add(listener);
      return () => {
        const s = listeners.get(event);
        if (!s?.delete(listener) || s.size > 0) return;
        listeners.delete(event);
        const stop = current?.forwards.get(event);
        if (stop) {
          stop();
          current?.forwards.delete(event);
        }
      };
    },
    dispose() {
      disposed = true;
      clearTimer();
      rejectQueue('the client was disposed');
      if (current) {
        const old = current;
        current = null;
        old.detach();
        old.port.close();
      }
      listeners.clear();
    },
  };
}

/** What `window.mlcycle` is: exactly two functions. */
export interface ExposedApi {
  call(method: string, args?: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/**
 * The object handed to `contextBridge.exposeInMainWorld`: two functions, arguments checked, and
 * errors turned into plain `{code, message, details}` objects, because the context bridge keeps
 * only the message of an Error and drops its `code`.
 */
export function exposedApi(bridge: MlcycleBridge): ExposedApi {
  return Object.freeze({
    call(method: string, args?: unknown): Promise<unknown> {
      if (typeof method !== 'string' || method.length === 0) {
        return Promise.reject(plainError(new MlcycleError('BAD_REQUEST', 'mlcycle.call needs a method name.')));
      }
      return bridge.call(method, args ?? {}).catch((error: unknown) => {
        throw plainError(error);
      });
    },
    on(event: string, listener: (payload: unknown) => void): () => void {
      if (typeof event !== 'string' || typeof listener !== 'function') {
        throw new TypeError('mlcycle.on needs an event name and a listener function.');
      }
      const off = bridge.on(event, (payload) => listener(payload));
      return () => off();
    },
  });
}

function plainError(error: unknown): ApiError {
  return toApiError(error);
}
