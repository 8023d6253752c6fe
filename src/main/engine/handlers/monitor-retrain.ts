import { MlcycleError } from '../../../shared/contract/errors';
import type { HandlerMap } from '../context';
import { LabelsRepo } from '../monitor/labels-repo';
import { liveVersion } from '../monitor/live-version';

export const monitorRetrainHandlers = {
  /**
   * Checks at once what would make the job fail at its first step (nothing deployed, nothing
   * collected, no labels, a champion without a model, a retrain already running for the target),
   * then starts the retrain job. It runs on the engine's thread because it writes the store between
   * its steps; each step's heavy work is a worker job of its own (see monitor/retrain.ts).
   */
  'monitor.retrain': (args, ctx) => {
    const { store, jobs } = ctx.session.require();
    const live = liveVersion(store, args.target);
    const run = store.runs.get(live.version.runId);
    if (run.status !== 'succeeded' || !run.modelSha256) throw new MlcycleError('CONFLICT', `${live.version.model} v${live.version.version}'s run ${run.name} is ${run.status} and has no model to re-run.`, { field: 'target' });
    if (!live.files.length) throw new MlcycleError('NOT_FOUND', `Nothing collected from ${live.target.name} yet: pull its prediction log first (monitor pull), then add labels.`, { field: 'target' });
    if (!new LabelsRepo(store.db).count(live.target.id)) throw new MlcycleError('NOT_FOUND', `No labels for ${live.target.name}'s predictions yet: add ground truth (monitor.labels.add, or mlcycle labels add FILE --target ${live.target.name}), then retrain.`, { field: 'target' });
    const running = jobs.list(200).find((j) => j.kind === 'monitor.retrain' && j.status === 'running' && (j.params as { target?: string }).target === live.target.name);
    if (running) throw new MlcycleError('CONFLICT', `A retrain of ${live.target.name} is already running (job ${running.id.slice(0, 8)}); wait for it or cancel it.`, { field: 'target', job: running.id });
    const title = `Retrain ${live.version.model} v${live.version.version} on ${live.target.name}'s labels`;
    return jobs.startOnEngine('monitor.retrain', { ...args, target: live.target.name }, title, async (task, job) => {
      // Loaded on first use: the retrain path reaches the ONNX graph code.
      const { retrain } = await import('../monitor/retrain');
      return retrain(ctx, { ...args, target: live.target.name }, task, job.id);
    });
  },
} satisfies Partial<HandlerMap>;
