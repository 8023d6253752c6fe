import type { ApiError } from '../../../shared/contract/errors';

/** Messages between the job manager (main thread) and a task's worker thread. */
export interface WorkerInput {
  kind: string;
  params: unknown;
  /** One Int32 set to 1 on cancel: readable by a busy worker without yielding to its event loop. */
  cancelFlag: SharedArrayBuffer;
}

export type ToWorker = { type: 'cancel' };

export type FromWorker =
  | { type: 'progress'; fraction: number; phase: string | null }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string }
  /** A point on a live curve (loss per epoch, metric per iteration), relayed to the UI as it happens. */
  | { type: 'point'; point: unknown }
  | { type: 'done'; result: unknown }
  | { type: 'cancelled'; message: string }
  | { type: 'failed'; error: ApiError };
