import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { FeatureMatrix, Target } from '../learner';
import { entryOf, spawn } from '../gbdt/threads';
import { finish, rawSums, rowRange } from './logistic-kernels';
import { sharedColumn, type RangeSetup } from './shared-rows';

/** Below this many rows a second thread costs more (start, copies) than it saves. */
export const PARALLEL_ABOVE = 200_000;

export interface SplitObjective {
  (w: Float64Array, grad: Float64Array): number;
  /** Threads summing rows, this one included. */
  threads: number;
  close(): Promise<void>;
}

/**
 * The logistic objective with the rows split between this thread and one helper thread per extra
 * core: each sums its own rows (logistic-kernels.ts rawSums), this thread adds the sums in a fixed
 * order, so the result depends only on the core count, never on timing. Null when no worker can
 * start (the caller falls back to one thread).
 */
export async function splitObjective(x: FeatureMatrix, y: Target, outputs: number, l2: number, log: (m: string) => void): Promise<SplitObjective | null> {
  const threads = Math.min(os.availableParallelism(), 4);
  if (threads < 2 || x.rows < PARALLEL_ABOVE) return null;
  // In a build the chunk sits beside linear-worker.js; from source (tests) it is worker.ts.
  const entry = entryOf(new URL('./linear-worker.js', import.meta.url), new URL('./worker.ts', import.meta.url));
  if (!entry) {
    log('logistic worker file not found beside the engine; fitting on one thread');
    return null;
  }
  const n = x.rows;
  const d = x.columns.length;
  const size = outputs * (d + 1);
  const columns = x.columns.map(sharedColumn);
  const ys = sharedColumn(y.values);
  const bounds = Array.from({ length: threads + 1 }, (_, t) => Math.round((t * n) / threads));
  const w = new SharedArrayBuffer(size * 8);
  const parts = Array.from({ length: threads - 1 }, () => ({ result: new SharedArrayBuffer((size + 1) * 8), sync: new SharedArrayBuffer(8) }));
  let workers: Worker[] = [];
  try {
    workers = parts.map((part, t) => spawn(entry, { columns, y: ys, start: bounds[t + 1]!, end: bounds[t + 2]!, outputs, w, result: part.result, sync: part.sync } satisfies RangeSetup));
    await Promise.all(workers.map((wk) => new Promise<void>((resolve, reject) => wk.once('message', () => resolve()).once('error', reject))));
  } catch (error) {
    await Promise.all(workers.map((wk) => wk.terminate()));
    log(`logistic workers failed to start (${(error as Error).message}); fitting on one thread`);
    return null;
  }
  const shared = { w: new Float64Array(w), results: parts.map((p) => new Float64Array(p.result)), syncs: parts.map((p) => new Int32Array(p.sync)) };
  const mine = rowRange({ rows: n, names: x.names, columns: columns.map((b) => new Float64Array(b)) }, 0, bounds[1]!);
  const myY = new Float64Array(ys).subarray(0, bounds[1]!);
  const scratch = new Float64Array(mine.rows * outputs);
  let round = 0;
  const evaluate = ((weights: Float64Array, grad: Float64Array): number => {
    round++;
    shared.w.set(weights);
    for (const sync of shared.syncs) {
      Atomics.store(sync, 0, round);
      Atomics.notify(sync, 0);
    }
    let loss = rawSums(mine, myY, outputs, weights, grad, scratch);
    shared.syncs.forEach((sync, t) => {
      while (Atomics.load(sync, 1) !== round) Atomics.wait(sync, 1, Atomics.load(sync, 1));
      const result = shared.results[t]!;
      loss += result[0]!;
      for (let i = 0; i < size; i++) grad[i]! += result[i + 1]!;
    });
    return finish(loss, grad, weights, n, d, outputs, l2);
  }) as SplitObjective;
  evaluate.threads = threads;
  evaluate.close = async () => {
    for (const sync of shared.syncs) {
      Atomics.store(sync, 0, -1);
      Atomics.notify(sync, 0);
    }
    await Promise.all(workers.map((wk) => wk.terminate()));
  };
  return evaluate;
}
