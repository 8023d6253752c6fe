/**
 * Messages between Electron main and the engine's utility process (over `process.parentPort`).
 * Envelopes never travel here: each renderer gets its own MessagePort, and the engine answers on it.
 */
export type MainToEngine =
  /** Carries one MessagePort (in `ports[0]`) that a renderer window talks to. */
  | { type: 'connect'; client: string }
  /** Close projects and exit cleanly (WAL checkpoint), before main quits. */
  | { type: 'shutdown' };

export type EngineToMain = { type: 'ready'; pid: number } | { type: 'connected'; client: string } | { type: 'disconnected'; client: string };

export function isMainToEngine(value: unknown): value is MainToEngine {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (v.type === 'connect' && typeof v.client === 'string') || v.type === 'shutdown';
}

export function isEngineToMain(value: unknown): value is EngineToMain {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    (v.type === 'ready' && typeof v.pid === 'number') ||
    ((v.type === 'connected' || v.type === 'disconnected') && typeof v.client === 'string')
  );
}
