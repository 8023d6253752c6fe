import { modelCard } from '../../../shared/train/model-card';
import { MlcycleError } from '../../../shared/contract/errors';
import type { HandlerMap } from '../context';
import { MODEL_KINDS, MODEL_LABELS, TRAIN_TASKS, type ModelKind, type SearchDimension } from '../../../shared/train/models';
import type { LearnerInfo } from '../../../shared/train/learners';
import { AUTO_LEARNERS, requireValidation, startAuto, startSearch } from '../train/search';
import { DEFAULT_SPACES } from '../train/search-space';
import { isAvailable, learnerFor } from '../train/learners';
import { LEARNER_ABOUT } from '../train/learner-specs';
import { prepare, startRun } from '../train/start-run';

/** What the UI needs to offer a learner: its words and parameter specs (the ones `parameters()` reads), tasks and default search space. */
function learnerInfo(kind: ModelKind): LearnerInfo {
  return { kind, label: MODEL_LABELS[kind], ...LEARNER_ABOUT[kind], available: isAvailable(kind), tasks: TRAIN_TASKS.filter((t) => AUTO_LEARNERS[t].includes(kind)), searchSpace: DEFAULT_SPACES[kind] };
}

/**
 * A search space's every bound and value must be one the learner takes, checked now so a typo or an
 * impossible range is refused at once (naming it) rather than failing every trial.
 */
function checkSpace(model: ModelKind, space: Record<string, SearchDimension> | undefined): void {
  const { learner } = learnerFor(model);
  const known = Object.keys(learner.parameters({}) as object);
  for (const [name, dim] of Object.entries(space ?? {})) {
    if (!known.includes(name)) throw new MlcycleError('INVALID_ARGUMENT', `The ${model} learner has no parameter ${name} to search; it takes ${known.join(', ')}.`, { field: `space.${name}` });
    const values = 'values' in dim ? dim.values : [dim.min, dim.max];
    for (const value of values) {
      try {
        learner.parameters({ [name]: value });
      } catch (e) {
        throw new MlcycleError('INVALID_ARGUMENT', `Search space of ${name}: ${e instanceof Error ? e.message : String(e)}`, { field: `space.${name}` });
      }
    }
  }
}

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
    checkSpace(args.model, args.space);
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
  'train.learners': () => MODEL_KINDS.map(learnerInfo),
  'runs.list': (args, ctx) => {
    const { store } = ctx.session.require();
    const versionIds = args.dataset ? [store.datasets.resolve(args.dataset).version.id] : undefined;
    // A parent named by id or name, as runs.get takes it; an unknown one is refused rather than listing nothing.
    const parentRunId = args.parent ? store.runs.get(args.parent).id : undefined;
    return store.runs.list({ versionIds, parentRunId, limit: args.limit });
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
