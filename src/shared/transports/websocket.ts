import type { Channel } from '../client';
import type { ServerMessage } from '../contract/envelope';

/** The part of the WebSocket API shared by browsers and the `ws` package. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (event: { code: number; reason: string }) => void): void;
  addEventListener(type: 'open' | 'error', listener: (event: unknown) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  removeEventListener(type: 'close', listener: (event: { code: number; reason: string }) => void): void;
  removeEventListener(type: 'open' | 'error', listener: (event: unknown) => void): void;
}

const OPEN = 1;

/** Waits for an opening socket; rejects with a message a person can act on if it never opens. */
export function whenOpen(socket: WebSocketLike): Promise<void> {
  if (socket.readyState === OPEN) return Promise.resolve();
  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve());
    socket.addEventListener('close', (event) =>
      reject(new Error(`WebSocket closed before it opened (code ${event.code}${event.reason ? `: ${event.reason}` : ''})`)),
    );
  });
}

export function webSocketChannel(socket: WebSocketLike): Channel {
  return {
    send(message) {
      socket.send(JSON.stringify(message));
    },
    onMessage(listener) {
      const handler = (event: { data: unknown }) => {
        if (typeof event.data !== 'string') return;
        listener(JSON.parse(event.data) as ServerMessage);
      };
      socket.addEventListener('message', handler);
      return () => socket.removeEventListener('message', handler);
    },
    onClose(listener) {
      const handler = (event: { code: number; reason: string }) =>
        listener(`code ${event.code}${event.reason ? ` (${event.reason})` : ''}`);
      socket.addEventListener('close', handler);
      return () => socket.removeEventListener('close', handler);
    },
  };
}
