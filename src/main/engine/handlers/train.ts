import { modelCard } from '../../../shared/train/model-card';
import { MlcycleError } from '../../../shared/contract/errors';
import type { HandlerMap } from '../context';
import { requireValidation, startAuto, startSearch } from '../train/search';
import { isAvailable, learnerFor } from '../train/learners';
import { prepare, startRun } from '../train/start-run';

export const trainHandlers = {
  'train.start': async (args, ctx) => {
    const project = ctx.session.require();
    // A bad hyperparameter is refused now, naming it, rather than after the data has loaded.
    learnerFor(args.model).learner.parameters(args.params);
    const prepared = await prepare(project, args, [0.8, 0.2]);
    const name = args.name ?? `${args.model} on ${prepared.version.datasetName}@${prepared.version.version}`;
    return startRun(project, ctx.identity, prepared, { model: args.model, params: args.params, name, seed: args.seed, cv: args.cv ?? null, parentRunId: null });
  },
  'train.search': async (args, ctx) => {
    const project = ctx.session.require();
    // Trials are ranked on validation rows, so the default split for a search has three sets.
    const prepared = await prepare(project, { ...args, params: {}, exclude: args.exclude }, [0.7, 0.15, 0.15]);
    requireValidation(prepared);
    learnerFor(args.model).learner.parameters(args.fixed);
    return startSearch(project, ctx.identity, prepared, args);
  },
  'train.auto': async (args, ctx) => {
    const project = ctx.session.require();
    const prepared = await prepare(project, { ...args, model: 'logistic', params: {} }, [0.7, 0.15, 0.15]);
    requireValidation(prepared);
    return startAuto(project, ctx.identity, prepared, args, isAvailable);
  },
  'runs.cancel': (args, ctx) => {
    const { store, jobs } = ctx.session.require();
    const run = store.runs.get(args.id);
    if (run.status !== 'running') return run;
    store.runs.end(run.id, 'cancelled', 'cancelled by the user');
    for (const r of [run, ...store.runs.children(run.id)]) {
      if (r.jobId && r.status === 'running') jobs.cancel(r.jobId);
    }
    return store.runs.get(run.id);
  },
  'runs.list': (args, ctx) => {
    const { store } = ctx.session.require();
    const versionIds = args.dataset ? [store.datasets.resolve(args.dataset).version.id] : undefined;
    return store.runs.list({ versionIds, limit: args.limit });
  },
  'runs.get': (args, ctx) => ctx.session.require().store.runs.get(args.id),
  'runs.explain': (args, ctx) => {
    const { store, jobs } = ctx.session.require();
    const run = store.runs.get(args.id);
    if (run.status !== 'succeeded' || !run.modelSha256) throw new MlcycleError('INVALID_ARGUMENT', `Run ${run.name} is ${run.status}; only a finished run can explain its predictions.`, { field: 'id' });
    const version = store.datasets.resolve(run.versionId).version;
    if (args.row >= version.rows) throw new MlcycleError('INVALID_ARGUMENT', `Row ${args.row} is past the last row of ${run.dataset} (${version.rows - 1}).`, { field: 'row' });
    return jobs.start('train.explain', { modelFile: store.artifacts.pathOf(run.modelSha256), versionFile: store.artifacts.pathOf(version.sha256), row: args.row }, `Explain row ${args.row} of ${run.name}`);
  },
  'runs.card': (args, ctx) => {
    const { runs, objective } = ctx.session.require().store;
    return { markdown: modelCard(runs.get(args.id), runs.evaluation(args.id), objective.current().value) };
  },
  'runs.evaluation': (args, ctx) => {
    const { runs } = ctx.session.require().store;
    return { run: runs.get(args.id), evaluation: runs.evaluation(args.id) };
  },
} satisfies Partial<HandlerMap>;
