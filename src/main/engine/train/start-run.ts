import fs from 'node:fs';
import { MlcycleError } from '../../../shared/contract/errors';
import type { Job } from '../../../shared/contract/models';
import type { ColumnInfo, DatasetVersion } from '../../../shared/data/models';
import type { Split, SplitStrategy } from '../../../shared/data/split';
import type { Run, TrainRequest, TrainTask } from '../../../shared/train/models';
import type { OpenProject } from '../session';
import type { SplitParams, SplitResult } from '../data/split-task';
import type { FairnessBound } from './fairness';
import type { TrainParams, TrainResult } from './train-task';

/** What every run of one request shares: the version, target, task, features and the split to use. */
export interface Prepared {
  version: DatasetVersion;
  target: string;
  task: TrainTask;
  features: ColumnInfo[];
  /** Columns to report fairness for, and the objective's bound. */
  sensitive: string[];
  fairness: FairnessBound | null;
  /** A saved split, or null: then the default one is made (and saved) by the first run. */
  split: Split | null;
  defaultSplit: { strategy: SplitStrategy; column: string | null; ratios: number[]; seed: number };
}

/** Two classes → binary; a text, categorical or boolean target → multiclass unless it has two; else regression. */
function inferTask(target: ColumnInfo, distinct: number | null): TrainTask {
  if (target.semantic === 'boolean') return 'binary';
  if (target.semantic === 'categorical' || target.semantic === 'text') return distinct === 2 ? 'binary' : 'multiclass';
  return distinct === 2 ? 'binary' : 'regression';
}

function featureColumns(version: DatasetVersion, args: TrainRequest, target: string): ColumnInfo[] {
  const unknown = [...(args.features ?? []), ...args.exclude].find((name) => !version.columns.some((c) => c.name === name));
  if (unknown) throw new MlcycleError('INVALID_ARGUMENT', `${version.datasetName}@${version.version} has no column '${unknown}'. Columns: ${version.columns.map((c) => c.name).join(', ')}.`, { field: 'features' });
  const chosen = version.columns.filter((c) => c.name !== target && !args.exclude.includes(c.name) && (!args.features || args.features.includes(c.name)));
  // Free text and timestamps need feature engineering first; a model would only memorise them.
  const usable = chosen.filter((c) => c.semantic !== 'text' && c.semantic !== 'datetime');
  if (!usable.length) throw new MlcycleError('INVALID_ARGUMENT', 'No usable feature columns are left (text and date columns are not used directly).', { field: 'features' });
  return usable;
}

/** Checks the request against the data and settles everything the runs will share. */
export async function prepare(project: OpenProject, args: TrainRequest, ratios: number[]): Promise<Prepared> {
  const { store } = project;
  const { version } = store.datasets.resolve(args.dataset);
  const target = args.target ?? version.target;
  if (!target) throw new MlcycleError('INVALID_ARGUMENT', `Choose what to predict: pass a target column, or set ${version.datasetName}'s target in the Data workspace (Schema).`, { field: 'target' });
  const column = version.columns.find((c) => c.name === target);
  if (!column) throw new MlcycleError('INVALID_ARGUMENT', `${version.datasetName}@${version.version} has no column '${target}'.`, { field: 'target' });
  const distinct = store.datasets.profile(version.id)?.columns.find((c) => c.name === target)?.distinct ?? (await project.duck.distinctCount(store.artifacts.pathOf(version.sha256), target));
  const task = args.task ?? inferTask(column, distinct);
  const strategy: SplitStrategy = task === 'regression' ? 'random' : 'stratified';
  const defaultSplit = { strategy, column: strategy === 'stratified' ? target : null, ratios, seed: args.seed };
  // Without a named split, the default one for this seed: reused when it exists, so runs with the
  // same seed see the same rows and the split list does not fill with copies.
  const split = args.split
    ? store.splits.resolve(args.split)
    : (store.splits.list(version.id).find((s) => s.strategy === strategy && s.column === defaultSplit.column && s.seed === args.seed && s.ratios.join() === ratios.join()) ?? null);
  if (split && split.versionId !== version.id) throw new MlcycleError('INVALID_ARGUMENT', `Split '${args.split}' belongs to ${split.dataset}, not ${version.datasetName}@${version.version}.`, { field: 'split' });
  // Sensitive columns: those asked for, else those the objective's fairness constraint names.
  const bound = store.objective.current().value.constraints.fairness;
  const sensitive = args.sensitive ?? bound?.sensitiveColumns.filter((c) => version.columns.some((v) => v.name === c)) ?? [];
  const missing = sensitive.find((c) => !version.columns.some((v) => v.name === c));
  if (missing) throw new MlcycleError('INVALID_ARGUMENT', `${version.datasetName}@${version.version} has no column '${missing}' to judge fairness by.`, { field: 'sensitive' });
  const fairness = bound ? { metric: bound.metric, bound: bound.bound, columns: bound.sensitiveColumns } : null;
  return { version, target, task, features: featureColumns(version, args, target), sensitive, fairness, split, defaultSplit };
}

export interface RunOptions {
  model: Run['model'];
  params: Record<string, string | number | boolean>;
  name: string;
  seed: number;
  cv: number | null;
  parentRunId: string | null;
  /** Share of the training rows to fit on (successive halving's budget). */
  trainFraction?: number;
  onEnd?(run: Run): void;
}

/** Creates the run (status running) and its training job; the job's end completes or fails the run. */
export function startRun(project: OpenProject, identity: string, p: Prepared, o: RunOptions): { run: Run; job: Job } {
  const { store, jobs } = project;
  const { version } = p;
  const params: TrainParams = {
    versionFile: store.artifacts.pathOf(version.sha256),
    split: p.split ? { file: store.artifacts.pathOf(p.split.sha256) } : p.defaultSplit,
    target: p.target,
    task: p.task,
    features: p.features,
    model: o.model,
    params: o.params,
    seed: o.seed,
    cv: o.cv,
    trainFraction: o.trainFraction ?? 1,
    sensitive: p.sensitive,
    fairness: p.fairness,
    tempDir: store.artifacts.root,
  };
  const run = store.runs.create({ name: o.name, model: o.model, task: p.task, params: o.params, versionId: version.id, splitId: p.split?.id ?? null, target: p.target, features: p.features.map((c) => c.name), seed: o.seed, createdBy: identity, parentRunId: o.parentRunId });
  const commit = (raw: unknown) => {
    const r = raw as TrainResult;
    try {
      store.artifacts.adoptFile(r.modelFile, r.modelSha256, 'application/json');
      let splitId = p.split?.id ?? null;
      if (r.newSplit) {
        store.artifacts.adoptFile(r.newSplit.file, r.newSplit.sha256, 'application/vnd.apache.parquet');
        const d = p.defaultSplit;
        splitId = store.splits.add({ name: `${version.datasetName}@${version.version} ${d.strategy} ${d.ratios.join('/')} seed ${d.seed}`, versionId: version.id, strategy: d.strategy, column: d.column, ratios: d.ratios, seed: d.seed, counts: r.newSplit.counts, sha256: r.newSplit.sha256, createdBy: identity }).id;
      }
      const done = store.runs.complete(run.id, { ...r, splitId });
      return { runId: done.id, metrics: done.metrics.test ?? done.metrics.validation, seconds: r.durationSeconds };
    } finally {
      fs.rmSync(r.modelFile, { force: true });
      if (r.newSplit) fs.rmSync(r.newSplit.file, { force: true });
    }
  };
  const job = jobs.start('train', params, `Train ${run.name}`, commit, (ended) => {
    if (ended.status !== 'succeeded') store.runs.end(run.id, ended.status === 'cancelled' ? 'cancelled' : 'failed', ended.error?.message ?? ended.status);
    o.onEnd?.(store.runs.get(run.id));
  });
  store.runs.attachJob(run.id, job.id);
  return { run: store.runs.get(run.id), job };
}

/**
 * Calls `then` with a prepared request that has a saved split: the one it names, or the default
 * one made now by a split job (so parallel trials share one split instead of each making its own).
 */
export function ensureSplit(project: OpenProject, identity: string, p: Prepared, then: (prepared: Prepared, error?: string) => void): void {
  if (p.split) return then(p);
  const { store, jobs } = project;
  const d = p.defaultSplit;
  const params: SplitParams = { file: store.artifacts.pathOf(p.version.sha256), strategy: d.strategy, column: d.column, ratios: d.ratios, seed: d.seed, tempDir: store.artifacts.root };
  let saved: Split | null = null;
  jobs.start(
    'data.split',
    params,
    `Split ${p.version.datasetName}@${p.version.version} (${d.strategy})`,
    (raw) => {
      const r = raw as SplitResult;
      try {
        store.artifacts.adoptFile(r.tempFile, r.sha256, 'application/vnd.apache.parquet');
        saved = store.splits.add({ name: `${p.version.datasetName}@${p.version.version} ${d.strategy} ${d.ratios.join('/')} seed ${d.seed}`, versionId: p.version.id, strategy: d.strategy, column: d.column, ratios: d.ratios, seed: d.seed, counts: r.counts, sha256: r.sha256, createdBy: identity });
        return saved;
      } finally {
        fs.rmSync(r.tempFile, { force: true });
      }
    },
    (ended) => (saved ? then({ ...p, split: saved }) : then(p, ended.error?.message ?? ended.status)),
  );
}
