import { MlcycleError } from '../../../../shared/contract/errors';
import type { Task } from './types';

export interface DemoParams {
  steps: number;
  stepMs: number;
  failAtStep?: number;
}

/** Keeps one core busy for `ms` (real CPU work, not a timer), so tests see a genuinely blocked thread. */
function burn(ms: number, isCancelled: () => boolean): number {
  const until = performance.now() + ms;
  let x = 0;
  while (performance.now() < until && !isCancelled()) {
    for (let i = 0; i < 10_000; i++) x = (x * 1_664_525 + 1_013_904_223) % 4_294_967_296;
  }
  return x;
}

/** A CPU-bound job with progress, logs and an optional failure, used to exercise the job machinery. */
export const demoTask: Task<DemoParams, { steps: number; checksum: number }> = async (params, ctx) => {
  let checksum = 0;
  ctx.log(`Starting ${params.steps} steps of ${params.stepMs} ms CPU work`);
  for (let step = 1; step <= params.steps; step++) {
    if (ctx.isCancelled()) throw new MlcycleError('CANCELLED', `Cancelled at step ${step} of ${params.steps}`);
    if (params.failAtStep === step) {
      throw new MlcycleError('INTERNAL', `Demo failure requested at step ${step}`, { step });
    }
    checksum = (checksum + burn(params.stepMs, ctx.isCancelled)) % 4_294_967_296;
    ctx.progress(step / params.steps, `step ${step}/${params.steps}`);
    if (step % Math.max(1, Math.floor(params.steps / 5)) === 0) ctx.log(`Finished step ${step}`);
  }
  return { steps: params.steps, checksum };
};
