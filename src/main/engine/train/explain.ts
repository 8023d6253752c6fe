import { metricInfo } from '../../../shared/ml';
import type { Evaluation } from '../../../shared/train/models';
import { seededRandom } from '../data/analysis/rng';
import { evaluate } from './evaluate';
import type { Predictions, TrainedModel } from './learner';
import type { EncodedRows } from './load';
import { transform, type Encoding, type FittedPipeline } from './pipeline';

/** Importance on at most this many rows, partial dependence on fewer: enough for stable averages, cheap for every learner. */
const IMPORTANCE_ROWS = 10_000;
const PD_ROWS = 2_000;
const PD_POINTS = 20;

const DEFAULT_METRIC = { binary: 'roc_auc', multiclass: 'accuracy', regression: 'rmse' } as const;

function head(rows: EncodedRows, n: number): EncodedRows {
  const k = Math.min(n, rows.rows);
  return { rows: k, inputs: rows.inputs.map((c) => c.slice(0, k)), target: rows.target.slice(0, k), rowNumbers: rows.rowNumbers.slice(0, k) };
}

/** Names of the pipeline's raw inputs, in the order of EncodedRows.inputs. */
const inputNames = (p: FittedPipeline) => [...p.numeric.map((c) => c.name), ...p.categorical.map((c) => c.name)];

/**
 * Permutation importance (Breiman; scikit-learn's permutation_importance): how much the metric gets
 * worse when one raw column's values are shuffled across rows, breaking its link to the target.
 * Repeated with seeded shuffles; the mean and standard deviation of the drop are reported.
 */
export function permutationImportance(model: TrainedModel, p: FittedPipeline, rows: EncodedRows, encoding: Encoding, seed: number, repeats = 5): NonNullable<Evaluation['importance']> {
  const sample = head(rows, IMPORTANCE_ROWS);
  const metric = DEFAULT_METRIC[p.task];
  const higher = metricInfo(metric)?.higherIsBetter ?? true;
  const score = (inputs: Float64Array[]) => evaluate(p, sample.target, model.predict(transform(p, inputs, sample.rows, encoding)))[metric] ?? Number.NaN;
  const baseline = score(sample.inputs);
  const random = seededRandom(seed);
  const out = inputNames(p).map((column, j) => {
    const drops: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const shuffled = Float64Array.from(sample.inputs[j]!);
      for (let i = shuffled.length - 1; i > 0; i--) {
        const k = Math.floor(random() * (i + 1));
        [shuffled[i], shuffled[k]] = [shuffled[k]!, shuffled[i]!];
      }
      const inputs = sample.inputs.map((c, q) => (q === j ? shuffled : c));
      const s = score(inputs);
      drops.push(higher ? baseline - s : s - baseline);
    }
    const mean = drops.reduce((a, b) => a + b, 0) / repeats;
    const std = Math.sqrt(drops.reduce((a, d) => a + (d - mean) ** 2, 0) / Math.max(1, repeats - 1));
    return { column, mean, std };
  });
  return { metric, rows: sample.rows, repeats, columns: out.sort((a, b) => b.mean - a.mean) };
}

/** The output a partial-dependence curve follows: P(positive class), the predicted value, or each class's probability. */
function averageOutputs(pred: Predictions, task: FittedPipeline['task']): number[] {
  const width = pred.width;
  const sums = new Array<number>(width).fill(0);
  for (let i = 0; i < pred.rows; i++) for (let k = 0; k < width; k++) sums[k]! += pred.values[i * width + k]!;
  const means = sums.map((s) => s / Math.max(1, pred.rows));
  return task === 'binary' ? [means[1]!] : means;
}

/**
 * Partial dependence (Friedman 2001) for the given columns: every sampled row gets the same value
 * of the column, and the predictions are averaged. Numeric columns on up to 20 quantiles of their
 * values, categorical columns on each level (and "other").
 */
export function partialDependence(model: TrainedModel, p: FittedPipeline, rows: EncodedRows, encoding: Encoding, columns: string[]): NonNullable<Evaluation['partialDependence']> {
  const sample = head(rows, PD_ROWS);
  const names = inputNames(p);
  return columns.map((column) => {
    const j = names.indexOf(column);
    const categorical = j >= p.numeric.length;
    let grid: number[];
    let labels: string[];
    if (categorical) {
      const levels = p.categorical[j - p.numeric.length]!.levels;
      grid = [...levels.keys(), levels.length];
      labels = [...levels, '(other)'];
    } else {
      const values = Float64Array.from(sample.inputs[j]!.filter((v) => !Number.isNaN(v))).sort();
      grid = [...new Set(Array.from({ length: PD_POINTS }, (_, k) => values[Math.round((k / (PD_POINTS - 1)) * (values.length - 1))]!))].filter((v) => v !== undefined);
      labels = grid.map(String);
    }
    const outputs = grid.map((value) => {
      const inputs = sample.inputs.map((c, q) => (q === j ? new Float64Array(sample.rows).fill(value) : c));
      return averageOutputs(model.predict(transform(p, inputs, sample.rows, encoding)), p.task);
    });
    return { column, kind: categorical ? ('categorical' as const) : ('numeric' as const), grid: labels, values: outputs };
  });
}
