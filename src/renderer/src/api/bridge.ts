import { channelBridge, typedClient, type Client } from '../../../shared/client';
import { webSocketChannel, whenOpen, type WebSocketLike } from '../../../shared/transports/websocket';

/**
 * The only module that knows where the engine lives. Inside Electron the preload exposes
 * `window.mlcycle`; in a browser (the headless `mlcycle ui` host) we open a WebSocket to the page's
 * own origin, authenticated by the token the host printed in the URL.
 */
export interface Connection {
  client: Client;
  /** Registers a listener for a lost connection; returns its unsubscribe function. */
  onClose(listener: (reason: string) => void): () => void;
}

const TOKEN_KEY = 'mlcycle.token';
const CONNECT_TIMEOUT_MS = 15_000;

/** Rejects if `promise` has not settled in time (calling `onTimeout` first), so the page never waits forever. */
function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      onTimeout();
      reject(new Error(`no answer within ${ms / 1000} s`));
    }, ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** Reads `?token=` once, keeps it for reloads in this tab, and takes it out of the address bar. */
export function takeToken(): string | null {
  const params = new URLSearchParams(window.location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    try {
      window.sessionStorage.setItem(TOKEN_KEY, fromUrl);
      params.delete('token');
      const query = params.toString();
      const clean = `${window.location.pathname}${query ? `?${query}` : ''}${window.location.hash}`;
      window.history.replaceState(window.history.state, '', clean);
    } catch {
      // Storage can be disabled; the token still works for this page load.
    }
    return fromUrl;
  }
  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function socketUrl(token: string | null): string {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  return `${scheme}://${window.location.host}/api/ws${query}`;
}

async function connectWebSocket(): Promise<Connection> {
  const token = takeToken();
  const url = socketUrl(token);
  const where = `${window.location.host}`;
  const socket = new WebSocket(url);
  const like: WebSocketLike = socket;
  try {
    await withTimeout(whenOpen(like), CONNECT_TIMEOUT_MS, () => socket.close());
  } catch (error) {
    const hint = token
      ? 'If the engine was restarted, open the new address it printed (the access token changes on every start).'
      : 'This page needs the address printed by `mlcycle ui`, including its ?token=… part.';
    throw new Error(`Could not connect to the MLCycle engine at ${where}. ${hint} (${(error as Error).message})`);
  }
  const bridge = channelBridge(webSocketChannel(like));
  return {
    client: typedClient(bridge),
    onClose(listener) {
      const handler = (event: CloseEvent) => listener(`code ${event.code}${event.reason ? `: ${event.reason}` : ''}`);
      socket.addEventListener('close', handler);
      return () => socket.removeEventListener('close', handler);
    },
  };
}

/** Connects to the engine through whichever host this page runs in. */
export async function connectToEngine(): Promise<Connection> {
  const preload = window.mlcycle;
  if (preload) {
    return { client: typedClient(preload), onClose: () => () => undefined };
  }
  return connectWebSocket();
}
