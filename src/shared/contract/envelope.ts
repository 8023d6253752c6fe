import type { ApiError } from './errors';

/**
 * Every transport (in-process, MessagePort, WebSocket) carries these three messages and nothing else.
 * A transport is a thin adapter: it moves envelopes, it never interprets methods.
 */
export interface RequestEnvelope {
  id: number | string;
  method: string;
  args?: unknown;
}

export type ReplyEnvelope =
  | { id: number | string; result: unknown }
  | { id: number | string; error: ApiError };

export interface PushEnvelope {
  event: string;
  payload: unknown;
}

export type ServerMessage = ReplyEnvelope | PushEnvelope;

export function isPush(message: ServerMessage): message is PushEnvelope {
  return 'event' in message;
}
