import { parentPort, workerData } from 'node:worker_threads';
import { binFeature } from './binning';
import { execute, type Memory, threadOn } from './kernels';
import { objectiveFor } from './objective';
import type { FromWorker, ToWorker, WorkerSetup } from './threads';

/**
 * A training worker: it sees the binned rows, order, gradients and scores through shared memory
 * and runs the tasks it is sent (pool.ts), or bins features. The Atomics on `sync` make the main thread's writes
 * visible before it reads and its own visible before the main thread goes on.
 */
const setup = workerData as WorkerSetup;
const b = setup.buffers;
const wasmBuffer = setup.wasm.buffer as unknown as SharedArrayBuffer;
const memory: Memory = {
  rows: setup.rows,
  features: setup.features,
  stride: setup.stride,
  wasm: setup.wasm,
  at: setup.at,
  byColumn: new Uint8Array(wasmBuffer, setup.at.byColumn, setup.features * setup.rows),
  byRow: new Uint8Array(wasmBuffer, setup.at.byRow, setup.stride * setup.rows),
  gh: new Float64Array(wasmBuffer, setup.at.gh, 2 * setup.rows),
  order: new Uint32Array(wasmBuffer, setup.at.order, setup.rows),
  scratch: new Uint32Array(wasmBuffer, setup.at.scratch, setup.rows),
  outputs: setup.outputs,
  scores: new Float64Array(wasmBuffer, setup.at.scores, setup.rows * setup.outputs),
  prob: new Float64Array(b.prob),
  y: new Float64Array(b.y),
  results: new Float64Array(b.results),
  arena: new Float64Array(b.arena),
};
const thread = threadOn(memory, setup.index, setup.objective ? objectiveFor(setup.objective) : null);
const sync = new Int32Array(b.sync);

parentPort!.on('message', (message: ToWorker) => {
  if (message.type === 'arena') {
    memory.arena = new Float64Array(message.arena);
    return;
  }
  Atomics.load(sync, 0);
  const reply: FromWorker = {};
  if (message.type === 'bin') {
    const { rows, byColumn } = memory;
    reply.cuts = message.features.map((f, k) => binFeature(message.columns[k]!, message.sample, message.maxBins, byColumn.subarray(f * rows, (f + 1) * rows)));
  } else execute(memory, thread, message.tasks);
  Atomics.add(sync, setup.index, 1);
  parentPort!.postMessage(reply);
});
parentPort!.postMessage('ready');
