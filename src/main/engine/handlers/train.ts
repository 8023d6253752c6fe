import fs from 'node:fs';
import { MlcycleError } from '../../../shared/contract/errors';
import type { ColumnInfo, DatasetVersion } from '../../../shared/data/models';
import type { TrainRequest, TrainTask } from '../../../shared/train/models';
import type { EngineContext, HandlerMap } from '../context';
import type { TrainParams, TrainResult } from '../train/train-task';

/** Two classes → binary; a text, categorical or boolean target, or a few whole numbers → multiclass; else regression. */
function inferTask(version: DatasetVersion, target: ColumnInfo, distinct: number | null): TrainTask {
  if (target.semantic === 'boolean') return 'binary';
  if (target.semantic === 'categorical' || target.semantic === 'text') return distinct === 2 ? 'binary' : 'multiclass';
  if (distinct !== null && distinct === 2) return 'binary';
  void version;
  return 'regression';
}

function features(version: DatasetVersion, args: TrainRequest, target: string): ColumnInfo[] {
  const unknown = [...(args.features ?? []), ...args.exclude].find((name) => !version.columns.some((c) => c.name === name));
  if (unknown) throw new MlcycleError('INVALID_ARGUMENT', `${version.datasetName}@${version.version} has no column '${unknown}'. Columns: ${version.columns.map((c) => c.name).join(', ')}.`, { field: 'features' });
  const chosen = version.columns.filter((c) => c.name !== target && !args.exclude.includes(c.name) && (!args.features || args.features.includes(c.name)));
  // Free text and timestamps need feature engineering first; a model would only memorise them.
  const usable = chosen.filter((c) => c.semantic !== 'text' && c.semantic !== 'datetime');
  if (!usable.length) throw new MlcycleError('INVALID_ARGUMENT', 'No usable feature columns are left (text and date columns are not used directly).', { field: 'features' });
  return usable;
}

export const trainHandlers = {
  'train.start': async (args, ctx: EngineContext) => {
    const project = ctx.session.require();
    const { store, jobs } = project;
    const { version } = store.datasets.resolve(args.dataset);
    const targetName = args.target ?? version.target;
    if (!targetName) throw new MlcycleError('INVALID_ARGUMENT', `Choose what to predict: pass a target column, or set ${version.datasetName}'s target in the Data workspace (Schema).`, { field: 'target' });
    const target = version.columns.find((c) => c.name === targetName);
    if (!target) throw new MlcycleError('INVALID_ARGUMENT', `${version.datasetName}@${version.version} has no column '${targetName}'.`, { field: 'target' });
    const distinct = store.datasets.profile(version.id)?.columns.find((c) => c.name === targetName)?.distinct ?? (await project.duck.distinctCount(store.artifacts.pathOf(version.sha256), targetName));
    const task = args.task ?? inferTask(version, target, distinct);
    const strategy = task === 'regression' ? 'random' : 'stratified';
    const column = strategy === 'stratified' ? targetName : null;
    // Without a named split, the default one for this seed: reused when it exists, so runs with the
    // same seed see the same rows and the split list does not fill with copies.
    const split = args.split
      ? store.splits.resolve(args.split)
      : (store.splits.list(version.id).find((s) => s.strategy === strategy && s.column === column && s.seed === args.seed && s.ratios.length === 2 && s.ratios[0] === 0.8) ?? null);
    if (split && split.versionId !== version.id) throw new MlcycleError('INVALID_ARGUMENT', `Split '${args.split}' belongs to ${split.dataset}, not ${version.datasetName}@${version.version}.`, { field: 'split' });
    const params: TrainParams = {
      versionFile: store.artifacts.pathOf(version.sha256),
      split: split ? { file: store.artifacts.pathOf(split.sha256) } : { strategy, column, ratios: [0.8, 0.2], seed: args.seed },
      target: targetName,
      task,
      features: features(version, args, targetName),
      model: args.model,
      params: args.params,
      seed: args.seed,
      cv: args.cv ?? null,
      tempDir: store.artifacts.root,
    };
    const run = store.runs.create({
      name: args.name ?? `${args.model} on ${version.datasetName}@${version.version}`,
      model: args.model,
      task,
      params: args.params,
      versionId: version.id,
      splitId: split?.id ?? null,
      target: targetName,
      features: params.features.map((c) => c.name),
      seed: args.seed,
      createdBy: ctx.identity,
      parentRunId: null,
    });
    const job = jobs.start(
      'train',
      params,
      `Train ${run.name}`,
      (raw) => {
        const r = raw as TrainResult;
        try {
          store.artifacts.adoptFile(r.modelFile, r.modelSha256, 'application/json');
          let splitId = split?.id ?? null;
          if (r.newSplit) {
            store.artifacts.adoptFile(r.newSplit.file, r.newSplit.sha256, 'application/vnd.apache.parquet');
            splitId = store.splits.add({ name: `${version.datasetName}@${version.version} ${strategy} 0.8/0.2 seed ${args.seed}`, versionId: version.id, strategy, column, ratios: [0.8, 0.2], seed: args.seed, counts: r.newSplit.counts, sha256: r.newSplit.sha256, createdBy: ctx.identity }).id;
          }
          const done = store.runs.complete(run.id, { ...r, splitId });
          return { runId: done.id, metrics: done.metrics.test ?? done.metrics.validation, seconds: r.durationSeconds };
        } finally {
          fs.rmSync(r.modelFile, { force: true });
          if (r.newSplit) fs.rmSync(r.newSplit.file, { force: true });
        }
      },
      (ended) => {
        if (ended.status === 'failed' || ended.status === 'cancelled' || ended.status === 'interrupted') store.runs.end(run.id, ended.status === 'cancelled' ? 'cancelled' : 'failed', ended.error?.message ?? ended.status);
      },
    );
    store.runs.attachJob(run.id, job.id);
    return { run: store.runs.get(run.id), job };
  },
  'runs.list': (args, ctx) => {
    const { store } = ctx.session.require();
    const versionIds = args.dataset ? [store.datasets.resolve(args.dataset).version.id] : undefined;
    return store.runs.list({ versionIds, limit: args.limit });
  },
  'runs.get': (args, ctx) => ctx.session.require().store.runs.get(args.id),
  'runs.evaluation': (args, ctx) => {
    const { runs } = ctx.session.require().store;
    return { run: runs.get(args.id), evaluation: runs.evaluation(args.id) };
  },
} satisfies Partial<HandlerMap>;
