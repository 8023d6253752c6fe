import type { Client } from '../../../shared/client';
import { MlcycleError } from '../../../shared/contract/errors';
import type { AppState } from './types';

/** The engine client for slice actions; fails in words if the store is used before it connected. */
export function clientOf(get: () => AppState): Client {
  const client = get().client;
  if (!client) throw new MlcycleError('TRANSPORT', 'Not connected to the MLCycle engine yet');
  return client;
}

/**
 * Remembers which project an action started for; the returned check says whether it is still the
 * open one, so a late reply about the previous project never lands in the new one's state.
 */
export function projectGuard(get: () => AppState): () => boolean {
  const id = get().project?.id ?? null;
  return () => (get().project?.id ?? null) === id;
}
