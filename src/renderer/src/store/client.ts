import type { Client } from '../../../shared/client';
import { MlcycleError } from '../../../shared/contract/errors';
import type { AppState } from './types';

/** The engine client for slice actions; fails in words if the store is used before it connected. */
export function clientOf(get: () => AppState): Client {
  const client = get().client;
  if (!client) throw new MlcycleError('TRANSPORT', 'Not connected to the MLCycle engine yet');
  return client;
}
