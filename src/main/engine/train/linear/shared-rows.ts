/**
 * What a logistic-regression worker thread is started with: the training rows in shared memory and
 * the buffers through which it is handed the weights and returns its sums. Plain data: the worker
 * (worker.ts) and the learner's side (parallel.ts) both import it.
 */
export interface RangeSetup {
  /** Feature columns, each a Float64Array over its own SharedArrayBuffer (all rows). */
  columns: SharedArrayBuffer[];
  y: SharedArrayBuffer;
  /** The rows this worker sums over. */
  start: number;
  end: number;
  outputs: number;
  /** Weights in, written by the learner before each round. */
  w: SharedArrayBuffer;
  /** [loss, raw gradient…] out. */
  result: SharedArrayBuffer;
  /** Int32 [round asked, round done]; round −1 asks the worker to stop. */
  sync: SharedArrayBuffer;
}

/** Float64 views over shared columns (already shared, or copied once into shared memory). */
export function sharedColumn(c: Float64Array): SharedArrayBuffer {
  if (c.buffer instanceof SharedArrayBuffer && c.byteOffset === 0 && c.byteLength === c.buffer.byteLength) return c.buffer;
  const shared = new SharedArrayBuffer(c.byteLength);
  new Float64Array(shared).set(c);
  return shared;
}
