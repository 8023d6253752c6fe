import WebSocket from 'ws';
import { channelBridge, typedClient, type Client } from '../../src/shared/client';
import { webSocketChannel, whenOpen, type WebSocketLike } from '../../src/shared/transports/websocket';

/** A typed client over a real WebSocket to a running headless host. */
export async function connectClient(port: number, token: string): Promise<{ client: Client; close(): void }> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/api/ws?token=${token}`);
  await whenOpen(socket as unknown as WebSocketLike);
  const bridge = channelBridge(webSocketChannel(socket as unknown as WebSocketLike));
  return {
    client: typedClient(bridge),
    close: () => {
      bridge.dispose();
      socket.close();
    },
  };
}
