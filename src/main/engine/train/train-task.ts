import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '../duckdb';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MlcycleError } from '../../../shared/contract/errors';
import type { ColumnInfo } from '../../../shared/data/models';
import type { SplitStrategy } from '../../../shared/data/split';
import type { CrossValidation, CurvePoint, Evaluation, MetricSet, ModelKind, TrainTask } from '../../../shared/train/models';
import { assignmentSql } from '../data/split-task';
import { ident, lit } from '../data/sql';
import { timedPhases } from '../jobs/tasks/phases';
import type { Task } from '../jobs/tasks/types';
import { sha256File, temporaryName } from '../store/artifacts';
import { crossValidate } from './cross-validate';
import { evaluate } from './evaluate';
import { evaluationOf } from './evaluation';
import { partialDependence, permutationImportance } from './explain';
import { fairnessOf, type FairnessBound } from './fairness';
import type { FeatureMatrix, Target, TrainedModel } from './learner';
import { learnerFor } from './learners';
import { loadEncoded, type EncodedRows } from './load';
import { fitPipeline, transform, type FittedPipeline } from './pipeline';

export interface TrainParams {
  versionFile: string;
  /** A saved split's assignment file, or how to make one (then saved with the run). */
  split: { file: string } | { strategy: SplitStrategy; column: string | null; ratios: number[]; seed: number };
  target: string;
  task: TrainTask;
  features: ColumnInfo[];
  model: ModelKind;
  params: Record<string, unknown>;
  seed: number;
  /** Folds of cross-validation before the final fit, if any. */
  cv: number | null;
  /** Share of the training rows to fit on, chosen by a seeded hash (1: all). */
  trainFraction: number;
  /** Columns to report fairness for (binary tasks), and the objective's bound if it has one. */
  sensitive: string[];
  fairness: FairnessBound | null;
  tempDir: string;
}

export interface TrainResult {
  modelFile: string;
  modelSha256: string;
  modelBytes: number;
  /** A split made for this run, to be saved with it. */
  newSplit: { file: string; sha256: string; counts: Record<string, number> } | null;
  backend: string;
  rows: Record<string, number>;
  metrics: { train: MetricSet | null; validation: MetricSet | null; test: MetricSet | null };
  curves: CurvePoint[];
  evaluation: Evaluation;
  crossValidation: CrossValidation | null;
  latencyMsPerRow: number;
  durationSeconds: number;
}

const SETS = ['train', 'validation', 'test'] as const;

async function assignment(con: DuckDBConnection, params: TrainParams, tempFile: string): Promise<TrainResult['newSplit']> {
  if ('file' in params.split) {
    await con.run(`CREATE VIEW a AS SELECT * FROM read_parquet(${lit(params.split.file)})`);
    return null;
  }
  const spec = { ...params.split, file: params.versionFile, tempDir: params.tempDir };
  await con.run(`COPY (SELECT row, set FROM (${assignmentSql(spec)}) ORDER BY row) TO ${lit(tempFile)} (FORMAT parquet, COMPRESSION zstd)`);
  await con.run(`CREATE VIEW a AS SELECT * FROM read_parquet(${lit(tempFile)})`);
  const counts = Object.fromEntries((await con.runAndReadAll('SELECT set, COUNT(*) FROM a GROUP BY set')).getRows().map(([set, n]) => [String(set), Number(n)]));
  return { file: tempFile, sha256: await sha256File(tempFile), counts };
}

const targetOf = (rows: EncodedRows, p: FittedPipeline): Target => ({ kind: p.task, classes: p.target.classes?.length ?? 0, values: rows.target });

/** Milliseconds per row to transform and score, on up to 10,000 test rows, best of three. */
function latency(model: TrainedModel, p: FittedPipeline, rows: EncodedRows, encoding: 'onehot' | 'ordinal'): number {
  const n = Math.min(rows.rows, 10_000);
  if (n === 0) return 0;
  const inputs = rows.inputs.map((c) => c.subarray(0, n));
  let best = Number.POSITIVE_INFINITY;
  for (let k = 0; k < 3; k++) {
    const started = performance.now();
    model.predict(transform(p, inputs, n, encoding));
    best = Math.min(best, (performance.now() - started) / n);
  }
  return best;
}

/**
 * Worker task: fits the preprocessing on the training rows, trains the learner (streaming its
 * curve), scores every split, and writes the model (pipeline + learner state) as one JSON artifact.
 */
export const trainTask: Task<TrainParams, TrainResult> = async (params, ctx) => {
  const started = performance.now();
  const instance = await DuckDBInstance.create(':memory:', { threads: String(Math.max(1, os.availableParallelism())) });
  const con = await instance.connect();
  const splitFile = path.join(params.tempDir, temporaryName('split', '.parquet'));
  const modelFile = path.join(params.tempDir, temporaryName('model', '.json'));
  const phases = timedPhases(ctx);
  try {
    phases.phase(0.01, 'splitting');
    const newSplit = await assignment(con, params, splitFile);
    // Materialised once with just the columns in use: every later query (statistics, levels, three
    // loads) would otherwise re-read the Parquet file and redo the join (9 s instead of 1 s on 1M rows).
    const used = [...new Set([...params.features.map((c) => c.name), params.target, ...params.sensitive])].map((c) => `v.${ident(c)}`).join(', ');
    await con.run(`CREATE TABLE d AS SELECT ${used}, a.row, a.set FROM read_parquet(${lit(params.versionFile)}, file_row_number = true) v JOIN a ON a.row = v.file_row_number`);
    // A smaller budget (successive halving) fits on a seeded share of the training rows only.
    if (params.trainFraction < 1) await con.run(`DELETE FROM d WHERE set = 'train' AND hash(row, ${params.seed} + 7919) % 1000000 >= ${Math.round(params.trainFraction * 1e6)}`);
    const spec = { target: params.target, task: params.task, features: params.features };
    const { learner, encoding } = learnerFor(params.model);
    const hyper = learner.parameters(params.params);
    let crossValidation: CrossValidation | null = null;
    if (params.cv) {
      phases.phase(0.02, `cross-validation (${params.cv} folds)`);
      crossValidation = await crossValidate(con, params.cv, spec, learner, hyper, encoding, { seed: params.seed, isCancelled: ctx.isCancelled, log: (m) => ctx.log(m), progress: (f, phase) => ctx.progress(0.02 + 0.5 * f, phase) });
    }
    // Cross-validation takes the first half of the progress bar; the final fit the rest.
    const at = (f: number) => (params.cv ? 0.52 + 0.48 * f : f);
    phases.phase(at(0.03), 'fitting preprocessing on the training rows');
    const pipeline = await fitPipeline(con, `(SELECT * FROM d WHERE set = 'train')`, 'd', spec);
    phases.phase(at(0.06), 'loading rows');
    const loaded = new Map<string, EncodedRows>();
    for (const set of SETS) loaded.set(set, await loadEncoded(con, `(SELECT * FROM d WHERE set = '${set}')`, pipeline));
    // Evaluated on the test rows, or the closest thing there is; its sensitive groups read now, in the same row order.
    const evaluatedOn = ([...SETS].reverse().find((s) => loaded.get(s)!.rows > 0) ?? 'train') as Evaluation['set'];
    const groups = new Map<string, string[]>();
    if (params.task === 'binary') {
      for (const column of params.sensitive) {
        const rows = await con.runAndReadAll(`SELECT COALESCE(${ident(column)}::VARCHAR, '(missing)') FROM d WHERE set = '${evaluatedOn}' AND ${ident(params.target)} IS NOT NULL ORDER BY row`);
        groups.set(column, rows.getRows().map((r) => String(r[0])));
      }
    }
    con.closeSync();
    const train = loaded.get('train')!;
    if (train.rows === 0) throw new MlcycleError('INVALID_ARGUMENT', `No training rows have a value in ${params.target}.`, { field: 'target' });
    const matrix = (rows: EncodedRows): FeatureMatrix => transform(pipeline, rows.inputs, rows.rows, encoding);
    const validationRows = loaded.get('validation')!;
    const curves: CurvePoint[] = [];
    // Encoding is timed apart from the fit, so "training" compares with other tools' fit time.
    phases.phase(at(0.08), 'encoding features');
    const trainSet = { x: matrix(train), y: targetOf(train, pipeline) };
    const validationSet = validationRows.rows ? { x: matrix(validationRows), y: targetOf(validationRows, pipeline) } : null;
    phases.phase(at(0.1), 'training');
    const model = await learner.fit(
      trainSet,
      validationSet,
      hyper,
      {
        seed: params.seed,
        progress: (f, phase) => ctx.progress(at(0.1 + 0.8 * f), phase),
        curve: (point) => {
          curves.push(point);
          ctx.point(point);
        },
        isCancelled: ctx.isCancelled,
        log: (m) => ctx.log(m),
      },
    );
    phases.phase(at(0.92), 'scoring');
    const metrics: TrainResult['metrics'] = { train: null, validation: null, test: null };
    const predictions = new Map<string, ReturnType<TrainedModel['predict']>>();
    for (const set of SETS) {
      const rows = loaded.get(set)!;
      if (!rows.rows) continue;
      predictions.set(set, model.predict(matrix(rows)));
      metrics[set] = evaluate(pipeline, rows.target, predictions.get(set)!);
    }
    const evaluated = loaded.get(evaluatedOn)!;
    const evaluation = evaluationOf(pipeline, evaluatedOn, evaluated.target, predictions.get(evaluatedOn)!, metrics);
    phases.phase(at(0.94), 'explaining: permutation importance and partial dependence');
    evaluation.importance = permutationImportance(model, pipeline, evaluated, encoding, params.seed);
    evaluation.partialDependence = partialDependence(model, pipeline, evaluated, encoding, evaluation.importance.columns.slice(0, 3).map((c) => c.column));
    if (groups.size) evaluation.fairness = fairnessOf(evaluated.target, predictions.get(evaluatedOn)!, groups, params.fairness);
    phases.phase(at(0.97), 'measuring latency');
    const latencyMsPerRow = latency(model, pipeline, loaded.get('test')!.rows ? loaded.get('test')! : train, encoding);
    phases.end();
    fs.writeFileSync(modelFile, JSON.stringify({ format: 'mlcycle-model/1', model: params.model, pipeline, encoding, params: hyper, state: model.serialise() }));
    return {
      modelFile,
      modelSha256: await sha256File(modelFile),
      modelBytes: fs.statSync(modelFile).size,
      newSplit,
      backend: model.backend ?? 'JavaScript (1 thread)',
      rows: Object.fromEntries(SETS.map((s) => [s, loaded.get(s)!.rows])),
      metrics,
      curves,
      evaluation,
      crossValidation,
      latencyMsPerRow,
      durationSeconds: (performance.now() - started) / 1000,
    };
  } catch (error) {
    fs.rmSync(splitFile, { force: true });
    fs.rmSync(modelFile, { force: true });
    if (ctx.isCancelled()) throw new MlcycleError('CANCELLED', 'Training cancelled; nothing was saved.');
    throw error;
  } finally {
    instance.closeSync();
  }
};
