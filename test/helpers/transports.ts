import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { channelBridge, typedClient, type Client, type MlcycleBridge } from '../../src/shared/client';
import { webSocketChannel, whenOpen, type WebSocketLike } from '../../src/shared/transports/websocket';
import { createEngine, type Engine } from '../../src/main/engine/engine';
import { inProcessBridge } from '../../src/main/engine/in-process';
import { startHeadlessHost } from '../../src/main/host/headless';
import { tempDir } from './temp';

export interface Connected {
  name: string;
  engine: Engine;
  bridge: MlcycleBridge;
  client: Client;
  close(): Promise<void>;
}

export type TransportFactory = (homeDir: string) => Promise<Connected>;

function engineFor(homeDir: string): Engine {
  return createEngine({ host: 'in-process', homeDir, identity: 'test-user' });
}

export const inProcess: TransportFactory = async (homeDir) => {
  const engine = engineFor(homeDir);
  const bridge = inProcessBridge(engine);
  return { name: 'in-process', engine, bridge, client: typedClient(bridge), close: () => engine.dispose() };
};

/** A real headless host on a loopback port, reached through a real WebSocket. */
export const overWebSocket: TransportFactory = async (homeDir) => {
  const engine = engineFor(homeDir);
  const renderer = tempDir('mlcycle-renderer-');
  fs.writeFileSync(path.join(renderer.dir, 'index.html'), '<!doctype html><title>MLCycle</title>');
  const host = await startHeadlessHost({ engine, host: '127.0.0.1', port: 0, rendererDir: renderer.dir });
  const socket = new WebSocket(`ws://127.0.0.1:${host.port}/api/ws?token=${host.token}`);
  const like = socket as unknown as WebSocketLike;
  await whenOpen(like);
  const bridge = channelBridge(webSocketChannel(like));
  return {
    name: 'websocket',
    engine,
    bridge,
    client: typedClient(bridge),
    async close() {
      bridge.dispose();
      socket.close();
      await host.close();
      await engine.dispose();
      renderer.cleanup();
    },
  };
};

export const TRANSPORTS: Array<[string, TransportFactory]> = [
  ['in-process', inProcess],
  ['websocket', overWebSocket],
];
