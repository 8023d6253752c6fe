import type { ServerMessage } from '../../shared/contract/envelope';
import type { Engine } from '../engine/engine';

/** One connected client as the engine sees it: somewhere to send envelopes, and requests coming in. */
export interface ClientPort {
  send(message: ServerMessage): void;
  onRequest(listener: (request: unknown) => void): () => void;
}

/**
 * Connects one client to the engine over any message pipe (WebSocket, Electron MessagePort):
 * requests are answered with replies, engine events are pushed. Returns the disconnect function.
 */
export function serveEngine(engine: Engine, port: ClientPort): () => void {
  const stopEvents = engine.onEvent((event, payload) => port.send({ event, payload }));
  const stopRequests = port.onRequest((request) => {
    void engine.dispatch(request).then((reply) => port.send(reply));
  });
  return () => {
    stopEvents();
    stopRequests();
  };
}
