import type { Engine } from '../engine/engine';
import { serveEngine } from '../host/serve-engine';
import { isMainToEngine, type EngineToMain } from './protocol';

/**
 * The parts of Electron's `process.parentPort` and `MessagePortMain` the engine process uses,
 * typed locally so this code never imports `electron` and runs (and is tested) under plain Node.
 */
export interface PortMainLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  off(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  off(event: 'close', listener: () => void): unknown;
  postMessage(message: unknown): void;
  start(): void;
  close(): void;
}

export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown; ports: PortMainLike[] }) => void): unknown;
  off(event: 'message', listener: (event: { data: unknown; ports: PortMainLike[] }) => void): unknown;
  postMessage(message: EngineToMain): void;
}

export interface EngineService {
  /** Number of renderer ports currently served. */
  readonly connections: number;
  /** Resolves once main asked for a shutdown and every port is closed and the engine disposed. */
  readonly shutdown: Promise<void>;
  dispose(): Promise<void>;
}

/**
 * Serves the engine to every MessagePort main hands over: one `serveEngine` per renderer window,
 * torn down when that port closes. A `shutdown` message disposes everything.
 */
export function serveOverParentPort(engine: Engine, parent: ParentPortLike, log: (line: string) => void = () => {}): EngineService {
  const clients = new Map<PortMainLike, () => void>();
  let disposed: Promise<void> | null = null;
  let resolveShutdown!: () => void;
  let rejectShutdown!: (error: unknown) => void;
  const shutdown = new Promise<void>((resolve, reject) => {
    resolveShutdown = resolve;
    rejectShutdown = reject;
  });

  const connect = (client: string, port: PortMainLike) => {
    let onMessage: ((event: { data: unknown }) => void) | null = null;
    const stopServing = serveEngine(engine, {
      send: (message) => {
        try {
          port.postMessage(message);
        } catch (error) {
          log(`could not post to ${client}: ${(error as Error).message}`);
        }
      },
      onRequest: (listener) => {
        onMessage = (event) => listener(event.data);
        port.on('message', onMessage);
        return () => {
          if (onMessage) port.off('message', onMessage);
        };
      },
    });
    const close = () => {
      port.off('close', close);
      stopServing();
      clients.delete(port);
      parent.postMessage({ type: 'disconnected', client });
    };
    clients.set(port, () => {
      port.off('close', close);
      stopServing();
      port.close();
    });
    port.on('close', close);
    port.start();
    parent.postMessage({ type: 'connected', client });
  };

  const onParentMessage = (event: { data: unknown; ports: PortMainLike[] }) => {
    const message = event.data;
    if (!isMainToEngine(message)) {
      log(`ignored an unknown message from main: ${JSON.stringify(message)}`);
      return;
    }
    if (message.type === 'shutdown') {
      service.dispose().then(resolveShutdown, rejectShutdown);
      return;
    }
    const port = event.ports[0];
    if (!port) {
      log(`connect for ${message.client} arrived without a port`);
      return;
    }
    if (disposed) {
      port.close();
      return;
    }
    connect(message.client, port);
  };
  parent.on('message', onParentMessage);

  const service: EngineService = {
    get connections() {
      return clients.size;
    },
    shutdown,
    dispose() {
      disposed ??= (async () => {
        parent.off('message', onParentMessage);
        for (const stop of clients.values()) stop();
        clients.clear();
        await engine.dispose();
      })();
      return disposed;
    },
  };
  return service;
}
