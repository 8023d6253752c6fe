import { DuckDBInstance } from '../duckdb';
import { MlcycleError } from '../../../shared/contract/errors';
import type { ExplanationMethod, RowExplanation } from '../../../shared/train/models';
import { lit } from '../data/sql';
import type { Task } from '../jobs/tasks/types';
import { TreeEnsembleModel } from './gbdt';
import { treeShapOfRow } from './gbdt/treeshap';
import type { FeatureMatrix, TrainedModel } from './learner';
import { loadEncoded } from './load';
import { readModelFile, restoreModel, type ModelFile } from './model-file';
import { transform, type Encoding, type FittedPipeline } from './pipeline';

export interface ExplainRowParams {
  modelFile: string;
  versionFile: string;
  row: number;
}

/** How the contributions were found and on what scale, one number per raw column (pipeline order). */
interface Attribution {
  scale: string;
  output: number;
  baselineOutput: number;
  baseValue: number;
  method: string;
  methodKind: ExplanationMethod;
  contributions: number[];
}

/** For each model feature, the raw column (pipeline input) it comes from: one-hot spreads a categorical column over its levels and "other". */
export function rawColumnOfFeature(p: FittedPipeline, encoding: Encoding): number[] {
  const owners = p.numeric.map((_c, j) => j);
  p.categorical.forEach((c, k) => owners.push(...new Array<number>(encoding === 'ordinal' ? 1 : c.levels.length + 1).fill(p.numeric.length + k)));
  return owners;
}

/** The training baseline of raw column j: the mean for numbers, the most frequent level (code 0) for categories. */
const baselineOf = (p: FittedPipeline, j: number) => (j < p.numeric.length ? p.numeric[j]!.mean : 0);

/** What occlusion measures: log-odds of the predicted class for classifiers (additive for linear models), the value for regression. */
function logOdds(p: FittedPipeline, probabilities: Float64Array, cls: number): number {
  if (p.task === 'regression') return probabilities[0]!;
  const q = Math.min(1 - 1e-12, Math.max(1e-12, probabilities[cls]!));
  return Math.log(q / (1 - q));
}

/**
 * Per-column contributions by occlusion: the output with the column's real value minus the output
 * with the column set to its training baseline. For linear and logistic regression this is exact
 * and additive in log-odds (each column's term w·(x − baseline)); for the MLP (and trees saved
 * without node covers) it is an approximation that ignores interactions between columns, and the
 * contributions need not add up to the difference from the baseline row.
 */
function occlusion(p: FittedPipeline, model: TrainedModel, file: ModelFile, inputs: Float64Array[], cls: number): Attribution {
  const predict = (columns: Float64Array[]) => model.predict(transform(p, columns, 1, file.encoding)).values;
  const output = logOdds(p, predict(inputs), cls);
  const baselineOutput = logOdds(p, predict(inputs.map((_c, j) => Float64Array.of(baselineOf(p, j)))), cls);
  const linear = file.model === 'logistic' || file.model === 'linear';
  const trees = file.model === 'gbdt' || file.model === 'random_forest';
  return {
    scale: p.task === 'regression' ? 'value' : `log-odds of ${p.target.classes![cls]}`,
    output,
    baselineOutput,
    baseValue: baselineOutput,
    method: linear ? 'exact (linear model)' : `occlusion (approximate: interactions ignored${trees ? '; this saved model has no node covers for TreeSHAP' : ''})`,
    methodKind: linear ? 'exact-linear' : 'occlusion',
    contributions: inputs.map((_c, j) => output - logOdds(p, predict(inputs.map((c, q) => (q === j ? Float64Array.of(baselineOf(p, j)) : c))), cls)),
  };
}

/**
 * The score TreeSHAP explains for class `cls`, as output = offset + sign · (raw score column `slot`).
 * Boosting: the margin, i.e. log-odds for binary (negated for class 0) and the softmax logit for
 * multiclass. Forest: it averages class frequencies, so probability (1 − p for class 0); multiclass
 * ones are renormalised over the classes only afterwards.
 */
function treeScore(model: TreeEnsembleModel, p: FittedPipeline, cls: number) {
  const name = p.target.classes?.[cls];
  if (model.task === 'regression') return { slot: 0, sign: 1, offset: 0, scale: 'value' };
  if (model.task === 'binary') {
    const sign = cls === 1 ? 1 : -1;
    return model.average ? { slot: 0, sign, offset: cls === 1 ? 0 : 1, scale: `probability of ${name} (average of the trees)` } : { slot: 0, sign, offset: 0, scale: `log-odds of ${name}` };
  }
  return { slot: cls, sign: 1, offset: 0, scale: model.average ? `probability of ${name} (average of the trees, before renormalising)` : `raw score (softmax logit) of ${name}` };
}

/** Exact contributions of a tree ensemble (TreeSHAP), summed over each raw column's features; null when the model has no usable node covers. */
function treeShap(p: FittedPipeline, model: TreeEnsembleModel, encoding: Encoding, inputs: Float64Array[], cls: number): Attribution | null {
  const t = treeScore(model, p, cls);
  const x: FeatureMatrix = transform(p, inputs, 1, encoding);
  const shap = treeShapOfRow(model, x.columns.map((c) => c[0]!), t.slot);
  if (!shap) return null;
  const onScale = (score: number) => t.offset + t.sign * score;
  const perColumn = new Array<number>(inputs.length).fill(0);
  rawColumnOfFeature(p, encoding).forEach((column, j) => (perColumn[column]! += t.sign * shap.contributions[j]!));
  const baseline = transform(p, inputs.map((_c, j) => Float64Array.of(baselineOf(p, j))), 1, encoding);
  return {
    scale: t.scale,
    output: onScale(model.scores(x)[t.slot]!),
    baselineOutput: onScale(model.scores(baseline)[t.slot]!),
    baseValue: onScale(shap.base),
    method: 'TreeSHAP (exact Shapley values, path-dependent on the training cover)',
    methodKind: 'treeshap',
    contributions: perColumn,
  };
}

/**
 * Per-column contributions to one prediction, for the predicted class: TreeSHAP for tree
 * ensembles (exact, additive: base value + contributions = output), the model's own terms for
 * linear models, occlusion otherwise (see `occlusion`).
 */
export const explainRowTask: Task<ExplainRowParams, RowExplanation> = async (params, ctx) => {
  const file = readModelFile(params.modelFile);
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
    const model = await restoreModel(file);
    const actual = model.predict(transform(p, rows.inputs, 1, file.encoding));
    let cls = 0;
    for (let k = 1; k < actual.width; k++) if (actual.values[k]! > actual.values[cls]!) cls = k;
    const names = [...p.numeric.map((c) => c.name), ...p.categorical.map((c) => c.name)];
    const attribution = (model instanceof TreeEnsembleModel ? treeShap(p, model, file.encoding, rows.inputs, cls) : null) ?? occlusion(p, model, file, rows.inputs, cls);
    const contributions = names.map((column, j) => ({ column, value: raw[column] === undefined ? null : (raw[column] as RowExplanation['values'][string]), contribution: attribution.contributions[j]! }));
    ctx.progress(1, 'done');
    return {
      row: params.row,
      values: raw as RowExplanation['values'],
      prediction: p.task === 'regression' ? String(actual.values[0]) : p.target.classes![cls]!,
      probabilities: p.task === 'regression' ? null : Object.fromEntries(p.target.classes!.map((c, k) => [c, actual.values[k]!])),
      ...attribution,
      contributions: contributions.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution)),
    };
  } finally {
    con.closeSync();
    instance.closeSync();
  }
};
