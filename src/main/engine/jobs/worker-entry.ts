import { parentPort, workerData } from 'node:worker_threads';
import { toApiError } from '../../../shared/contract/errors';
import type { FromWorker, ToWorker, WorkerInput } from './protocol';
import { TASKS } from './tasks';

/** Worker-thread side of a job: runs one task and reports back over the parent port. */
const port = parentPort!;
const input = workerData as WorkerInput;
const controller = new AbortController();
const cancelFlag = new Int32Array(input.cancelFlag);
const post = (message: FromWorker) => port.postMessage(message);

function isCancelled(): boolean {
  if (!controller.signal.aborted && Atomics.load(cancelFlag, 0) === 1) controller.abort();
  return controller.signal.aborted;
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'cancel') controller.abort();
});

async function main() {
  const task = TASKS[input.kind as keyof typeof TASKS];
  if (!task) {
    post({ type: 'failed', error: { code: 'INTERNAL', message: `No task named '${input.kind}' in this build` } });
    return;
  }
  try {
    const result = await task(input.params, {
      progress: (fraction, phase) => post({ type: 'progress', fraction: Math.min(1, Math.max(0, fraction)), phase: phase ?? null }),
      log: (message, level = 'info') => post({ type: 'log', level, message }),
      point: (point) => post({ type: 'point', point }),
      signal: controller.signal,
      isCancelled,
    });
    post({ type: 'done', result: result ?? null });
  } catch (error) {
    if (isCancelled()) post({ type: 'cancelled', message: (error as Error).message || 'Cancelled' });
    else post({ type: 'failed', error: toApiError(error) });
  } finally {
    port.close();
  }
}

void main();
