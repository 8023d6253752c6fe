import { ERROR_CODES, MlcycleError, toApiError, type ErrorCode } from '../../../shared/contract/errors';
import { methods, type MethodName, type ResultOf } from '../../../shared/contract/methods';
import { FINISHED_JOB_STATUSES, type Job } from '../../../shared/contract/models';
import type { EngineContext, Handler, HandlerMap } from '../context';
import { dataHandlers } from '../handlers/data';
import { deployHandlers } from '../handlers/deploy';
import { registryHandlers } from '../handlers/registry';
import { trainHandlers } from '../handlers/train';
import type { TaskContext } from '../jobs/tasks/types';
import { parseArgs } from '../validate';

/** The methods a retrain goes through: the same handlers a person's calls reach. */
const STEPS: Partial<HandlerMap> = { ...dataHandlers, ...trainHandlers, ...registryHandlers, ...deployHandlers };

/**
 * Calls a method as a client's call would — arguments parsed at the boundary (defaults filled in),
 * the mutation written to the audit log with its outcome — so a retrain's split, training,
 * registration, promotion and deploy are the ones a person starts by hand. `via` names the job.
 */
export async function callMethod<M extends MethodName>(ctx: EngineContext, method: M, raw: unknown, via: string): Promise<ResultOf<M>> {
  const args = parseArgs(method, methods[method].args, raw);
  const handler = STEPS[method] as Handler<M> | undefined;
  if (!handler) throw new MlcycleError('INTERNAL', `Retraining does not go through ${method}.`);
  const audit = (outcome: 'ok' | 'error', extra: Record<string, unknown> = {}) => {
    const entry = ctx.session.project?.store.audit.record({ actor: ctx.identity, action: method, target: via, details: { args, ...extra }, outcome });
    if (entry) ctx.bus.emit('audit.recorded', entry);
  };
  try {
    const result = await handler(args as never, ctx);
    if (methods[method].mutates) audit('ok');
    return result;
  } catch (error) {
    if (methods[method].mutates) audit('error', { error: toApiError(error) });
    throw error;
  }
}

/**
 * Waits for a job started by a step to end, showing its progress inside the retrain job's range
 * ([from, to] of the whole) and phase; cancelling the retrain cancels it.
 */
export function awaitJob(ctx: EngineContext, job: Job, task: TaskContext, range: [number, number], label: string): Promise<Job> {
  const { jobs } = ctx.session.require();
  return new Promise((resolve) => {
    const report = (j: Job) => task.progress(range[0] + (range[1] - range[0]) * j.progress, `${label}${j.phase ? `: ${j.phase}` : ''}`);
    const done = (j: Job) => {
      stop();
      task.signal.removeEventListener('abort', cancel);
      resolve(j);
    };
    const seen = (j: Job) => (FINISHED_JOB_STATUSES.includes(j.status) ? done(j) : report(j));
    const stop = ctx.bus.on((event, payload) => {
      if (event === 'job.updated' && (payload as Job).id === job.id) seen(payload as Job);
    });
    const cancel = () => {
      try {
        jobs.cancel(job.id);
      } catch {
        // It ended meanwhile: its final update resolves the wait.
      }
    };
    task.signal.addEventListener('abort', cancel);
    // It may have ended before the listener was added.
    seen(jobs.get(job.id));
    if (task.signal.aborted) cancel();
  });
}

/** The job's result when it succeeded; otherwise its error, named after the step. */
export function resultOf<T>(job: Job, step: string): T {
  if (job.status === 'succeeded') return job.result as T;
  if (job.status === 'cancelled') throw new MlcycleError('CANCELLED', `Retraining was cancelled during ${step}.`);
  const code = (ERROR_CODES as readonly string[]).includes(job.error?.code ?? '') ? (job.error!.code as ErrorCode) : 'INTERNAL';
  throw new MlcycleError(code, `${step} failed: ${job.error?.message ?? job.status}`, { job: job.id });
}
