import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import { MlcycleError } from '../../../shared/contract/errors';
import type { RowExplanation } from '../../../shared/train/models';
import { lit } from '../data/sql';
import type { Task } from '../jobs/tasks/types';
import type { TrainedModel } from './learner';
import { learnerFor } from './learners';
import { loadEncoded } from './load';
import { restoreMlp } from './mlp/learner';
import { transform, type Encoding, type FittedPipeline } from './pipeline';

export interface ExplainRowParams {
  modelFile: string;
  versionFile: string;
  row: number;
}

interface ModelFile {
  model: 'logistic' | 'linear' | 'mlp' | 'gbdt' | 'random_forest';
  pipeline: FittedPipeline;
  encoding: Encoding;
  state: unknown;
}

async function restore(file: ModelFile): Promise<TrainedModel> {
  if (file.model === 'mlp') return restoreMlp(file.state as Parameters<typeof restoreMlp>[0]);
  return learnerFor(file.model).learner.restore(file.state);
}

/** What the contribution is measured in: log-odds of the predicted class for classifiers (additive for linear models), the value for regression. */
function output(p: FittedPipeline, probabilities: Float64Array, cls: number): number {
  if (p.task === 'regression') return probabilities[0]!;
  const q = Math.min(1 - 1e-12, Math.max(1e-12, probabilities[cls]!));
  return Math.log(q / (1 - q));
}

/**
 * Per-column contributions to one prediction by occlusion: the output with the column's real value
 * minus the output with the column set to its training baseline (mean for numbers, the most frequent
 * level for categories). For linear and logistic regression this is exact and additive in log-odds
 * (each column's term w·(x − baseline)); for the MLP and trees it is an approximation that ignores
 * interactions between columns, and the contributions need not add up to the difference from the baseline row.
 */
export const explainRowTask: Task<ExplainRowParams, RowExplanation> = async (params, ctx) => {
  const file = JSON.parse(fs.readFileSync(params.modelFile, 'utf8')) as ModelFile;
  const p = file.pipeline;
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    ctx.progress(0.1, 'reading the row');
    const relation = `(SELECT *, file_row_number AS row FROM read_parquet(${lit(params.versionFile)}, file_row_number = true) WHERE file_row_number = ${params.row})`;
    const raw = (await con.runAndReadAll(`SELECT * EXCLUDE (file_row_number, row) FROM ${relation}`)).getRowObjectsJson()[0];
    if (!raw) throw new MlcycleError('NOT_FOUND', `There is no row ${params.row} in this dataset version.`, { field: 'row' });
    // The target may be empty on the row being explained: encode it with a stand-in so the row loads.
    const rows = await loadEncoded(con, `(SELECT * REPLACE (COALESCE("${p.target.name.replace(/"/g, '""')}", ${p.target.classes ? lit(p.target.classes[0]!) : '0'}) AS "${p.target.name.replace(/"/g, '""')}") FROM ${relation})`, p);
    ctx.progress(0.4, 'scoring');
    const model = await restore(file);
    const predict = (inputs: Float64Array[]) => model.predict(transform(p, inputs, 1, file.encoding));
    const actual = predict(rows.inputs);
    const width = actual.width;
    let cls = 0;
    for (let k = 1; k < width; k++) if (actual.values[k]! > actual.values[cls]!) cls = k;
    const base = output(p, actual.values, cls);
    const names = [...p.numeric.map((c) => c.name), ...p.categorical.map((c) => c.name)];
    const baselineOf = (j: number) => (j < p.numeric.length ? p.numeric[j]!.mean : 0);
    const contributions = names.map((column, j) => {
      const inputs = rows.inputs.map((c, q) => (q === j ? Float64Array.of(baselineOf(j)) : c));
      return { column, value: raw[column] === undefined ? null : (raw[column] as RowExplanation['values'][string]), contribution: base - output(p, predict(inputs).values, cls) };
    });
    const everyBaseline = predict(rows.inputs.map((_c, j) => Float64Array.of(baselineOf(j))));
    ctx.progress(1, 'done');
    return {
      row: params.row,
      values: raw as RowExplanation['values'],
      prediction: p.task === 'regression' ? String(actual.values[0]) : p.target.classes![cls]!,
      probabilities: p.task === 'regression' ? null : Object.fromEntries(p.target.classes!.map((c, k) => [c, actual.values[k]!])),
      scale: p.task === 'regression' ? 'value' : `log-odds of ${p.target.classes![cls]}`,
      output: base,
      baselineOutput: output(p, everyBaseline.values, cls),
      method: file.model === 'logistic' || file.model === 'linear' ? 'exact (linear model)' : 'occlusion (approximate: interactions ignored)',
      contributions: contributions.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution)),
    };
  } finally {
    con.closeSync();
    instance.closeSync();
  }
};
