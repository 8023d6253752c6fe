import { parentPort, workerData } from 'node:worker_threads';
import { rawSums, rowRange } from './logistic-kernels';
import type { RangeSetup } from './shared-rows';

/**
 * A logistic-regression helper thread: waits for a round, sums the loss and raw gradient over its
 * rows with the weights the learner wrote, publishes them, and waits again. Blocking Atomics.wait
 * is fine here: this thread does nothing else.
 */
const setup = workerData as RangeSetup;
const columns = setup.columns.map((b) => new Float64Array(b));
const all = { rows: columns[0]?.length ?? 0, names: [], columns };
const x = rowRange(all, setup.start, setup.end);
const y = new Float64Array(setup.y).subarray(setup.start, setup.end);
const w = new Float64Array(setup.w);
const result = new Float64Array(setup.result);
const grad = result.subarray(1);
const scratch = new Float64Array(x.rows * setup.outputs);
const sync = new Int32Array(setup.sync);

parentPort!.postMessage('ready');
let round = 0;
for (;;) {
  Atomics.wait(sync, 0, round);
  round = Atomics.load(sync, 0);
  if (round < 0) break;
  result[0] = rawSums(x, y, setup.outputs, w, grad, scratch);
  Atomics.store(sync, 1, round);
  Atomics.notify(sync, 1);
}
