import type { RequestEnvelope, ServerMessage } from './contract/envelope';
import { isPush } from './contract/envelope';
import { MlcycleError, fromApiError } from './contract/errors';
import type { EventName, PayloadOf } from './contract/events';
import type { ArgsOf, MethodName, ResultOf } from './contract/methods';

/**
 * The untyped two-function surface every host offers: exactly what the Electron preload exposes
 * as `window.mlcycle`, and what the WebSocket and in-process transports build from envelopes.
 */
export interface MlcycleBridge {
  call(method: string, args?: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

/** Arguments may be left out when every field is optional. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type OptionalIfEmpty<A> = {} extends A ? [args?: A] : [args: A];

/** The typed view of a bridge that application code uses. */
export interface Client {
  call<M extends MethodName>(method: M, ...args: OptionalIfEmpty<ArgsOf<M>>): Promise<ResultOf<M>>;
  on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void;
}

export function typedClient(bridge: MlcycleBridge): Client {
  return {
    call: (method, ...rest) => bridge.call(method, rest[0] ?? {}) as never,
    on: (event, listener) => bridge.on(event, listener as (payload: unknown) => void),
  };
}

/** A message pipe that carries envelopes: a WebSocket, a MessagePort, or an in-memory pair. */
export interface Channel {
  send(message: RequestEnvelope): void;
  onMessage(listener: (message: ServerMessage) => void): () => void;
  /** Called once when the pipe closes; pending calls then fail with a TRANSPORT error. */
  onClose(listener: (reason: string) => void): () => void;
}

/** Builds a bridge over a channel: numbers requests, matches replies, fans out pushed events. */
export function channelBridge(channel: Channel): MlcycleBridge & { dispose(): void } {
  let nextId = 1;
  let closedReason: string | null = null;
  const pending = new Map<number | string, { resolve(v: unknown): void; reject(e: unknown): void }>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();

  const stopMessages = channel.onMessage((message) => {
    if (isPush(message)) {
      for (const listener of listeners.get(message.event) ?? []) listener(message.payload);
      return;
    }
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if ('error' in message) waiter.reject(fromApiError(message.error));
    else waiter.resolve(message.result);
  });

  const failAll = (reason: string) => {
    closedReason = reason;
    for (const waiter of pending.values()) {
      waiter.reject(new MlcycleError('TRANSPORT', `Connection to the MLCycle engine closed: ${reason}`));
    }
    pending.clear();
  };
  const stopClose = channel.onClose(failAll);

  return {
    call(method, args) {
      if (closedReason !== null) {
        return Promise.reject(new MlcycleError('TRANSPORT', `Connection to the MLCycle engine closed: ${closedReason}`));
      }
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        try {
          channel.send({ id, method, args: args ?? {} });
        } catch (error) {
          pending.delete(id);
          reject(new MlcycleError('TRANSPORT', `Could not send '${method}': ${(error as Error).message}`));
        }
      });
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    dispose() {
      stopMessages();
      stopClose();
      failAll('client disposed');
    },
  };
}
