import { MlcycleError } from '../../../../shared/contract/errors';
import type { FeatureMatrix, Learner, Predictions, Target, TrainedModel } from '../learner';
import { LOGISTIC_SPECS, specNumber } from '../learner-specs';
import { lbfgs } from './lbfgs';

export interface LogisticParams {
  /** λ in mean log loss + λ/2·‖w‖² (intercepts are not penalised). */
  l2: number;
  maxIterations: number;
  tolerance: number;
}

/**
 * Scores z = W·x + b: one row of weights for binary (the positive class), one per class otherwise.
 * Four feature columns per pass over the rows: a quarter of the read-modify-writes of `into`,
 * measured 1.7× faster than one column at a time on 800,000 × 51.
 */
function scores(x: FeatureMatrix, w: Float64Array, outputs: number, into: Float64Array): void {
  const d = x.columns.length;
  const n = x.rows;
  const cols = x.columns;
  for (let k = 0; k < outputs; k++) {
    const base = k * (d + 1);
    const b = w[base + d]!;
    for (let i = 0; i < n; i++) into[i * outputs + k] = b;
    let j = 0;
    for (; j + 4 <= d; j += 4) {
      const [c0, c1, c2, c3] = [cols[j]!, cols[j + 1]!, cols[j + 2]!, cols[j + 3]!];
      const [w0, w1, w2, w3] = [w[base + j]!, w[base + j + 1]!, w[base + j + 2]!, w[base + j + 3]!];
      for (let i = 0; i < n; i++) into[i * outputs + k]! += w0 * c0[i]! + w1 * c1[i]! + w2 * c2[i]! + w3 * c3[i]!;
    }
    for (; j < d; j++) {
      const wj = w[base + j]!;
      const col = cols[j]!;
      for (let i = 0; i < n; i++) into[i * outputs + k]! += wj * col[i]!;
    }
  }
}

/** grad[base + j] = Σᵢ r[i·outputs + k] · x[j][i] for every feature j: four columns per pass, as in scores. */
function residualProducts(x: FeatureMatrix, r: Float64Array, outputs: number, k: number, grad: Float64Array, base: number): void {
  const d = x.columns.length;
  const n = x.rows;
  const cols = x.columns;
  let j = 0;
  for (; j + 4 <= d; j += 4) {
    const [c0, c1, c2, c3] = [cols[j]!, cols[j + 1]!, cols[j + 2]!, cols[j + 3]!];
    let [s0, s1, s2, s3] = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      const ri = r[i * outputs + k]!;
      s0 += ri * c0[i]!;
      s1 += ri * c1[i]!;
      s2 += ri * c2[i]!;
      s3 += ri * c3[i]!;
    }
    grad[base + j] = s0;
    grad[base + j + 1] = s1;
    grad[base + j + 2] = s2;
    grad[base + j + 3] = s3;
  }
  for (; j < d; j++) {
    const col = cols[j]!;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += r[i * outputs + k]! * col[i]!;
    grad[base + j] = sum;
  }
}

/** Turns scores into probabilities in place: sigmoid for one output, softmax otherwise. */
function toProbabilities(z: Float64Array, n: number, outputs: number): void {
  if (outputs === 1) {
    for (let i = 0; i < n; i++) z[i] = 1 / (1 + Math.exp(-z[i]!));
    return;
  }
  for (let i = 0; i < n; i++) {
    let max = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < outputs; k++) max = Math.max(max, z[i * outputs + k]!);
    let sum = 0;
    for (let k = 0; k < outputs; k++) sum += z[i * outputs + k] = Math.exp(z[i * outputs + k]! - max);
    for (let k = 0; k < outputs; k++) z[i * outputs + k]! /= sum;
  }
}

/** Mean log loss + λ/2‖w‖² and its gradient, for L-BFGS. */
function objective(x: FeatureMatrix, y: Target, outputs: number, l2: number) {
  const n = x.rows;
  const d = x.columns.length;
  const p = new Float64Array(n * outputs);
  return (w: Float64Array, grad: Float64Array): number => {
    scores(x, w, outputs, p);
    let loss = 0;
    if (outputs === 1) {
      for (let i = 0; i < n; i++) {
        const z = p[i]!;
        const t = y.values[i]!;
        // log(1 + e^z) − t·z and σ(z) − t from one exponential, without overflow for large |z|
        const e = Math.exp(-Math.abs(z));
        loss += (z > 0 ? z : 0) + Math.log1p(e) - t * z;
        p[i] = (z >= 0 ? 1 / (1 + e) : e / (1 + e)) - t;
      }
    } else {
      toProbabilities(p, n, outputs);
      for (let i = 0; i < n; i++) {
        const t = y.values[i]!;
        loss -= Math.log(Math.max(p[i * outputs + t]!, 1e-300));
        p[i * outputs + t]! -= 1;
      }
    }
    // p now holds the residuals (probability − indicator): the gradient is Xᵀ·residual / n.
    grad.fill(0);
    for (let k = 0; k < outputs; k++) {
      const base = k * (d + 1);
      let gb = 0;
      for (let i = 0; i < n; i++) gb += p[i * outputs + k]!;
      grad[base + d] = gb / n;
      residualProducts(x, p, outputs, k, grad, base);
      for (let j = 0; j < d; j++) grad[base + j] = grad[base + j]! / n + l2 * w[base + j]!;
    }
    let penalty = 0;
    for (let k = 0; k < outputs; k++) for (let j = 0; j < d; j++) penalty += w[k * (d + 1) + j]! ** 2;
    return loss / n + (l2 / 2) * penalty;
  };
}

class LogisticModel implements TrainedModel {
  readonly kind = 'logistic';
  constructor(
    readonly task: 'binary' | 'multiclass',
    readonly classes: number,
    readonly features: number,
    readonly weights: Float64Array,
    readonly iterations: number,
  ) {}

  predict(x: FeatureMatrix): Predictions {
    const outputs = this.classes === 2 ? 1 : this.classes;
    const z = new Float64Array(x.rows * outputs);
    scores(x, this.weights, outputs, z);
    toProbabilities(z, x.rows, outputs);
    if (outputs > 1) return { rows: x.rows, width: outputs, values: z };
    const values = new Float64Array(x.rows * 2);
    for (let i = 0; i < x.rows; i++) {
      values[2 * i] = 1 - z[i]!;
      values[2 * i + 1] = z[i]!;
    }
    return { rows: x.rows, width: 2, values };
  }

  serialise() {
    return { kind: this.kind, task: this.task, classes: this.classes, features: this.features, weights: [...this.weights], iterations: this.iterations };
  }
}

/** Past this many rows, the solution on every 20th row (and its curvature pairs) is the full fit's starting point. */
const WARM_START_ABOVE = 200_000;

/** Every k-th row: a deterministic, evenly spread subsample of about `rows` rows. */
function everyKthRow(x: FeatureMatrix, y: Target, rows: number): { x: FeatureMatrix; y: Target } {
  const k = Math.ceil(x.rows / rows);
  const n = Math.ceil(x.rows / k);
  const pick = (c: Float64Array) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = c[i * k]!;
    return out;
  };
  return { x: { rows: n, names: x.names, columns: x.columns.map(pick) }, y: { ...y, values: pick(y.values) } };
}

/** L2-regularised logistic regression by L-BFGS: binary with one weight vector, multinomial (softmax) otherwise. */
export const logisticLearner: Learner<LogisticParams> = {
  kind: 'logistic',
  parameters(raw) {
    return {
      l2: specNumber(raw, LOGISTIC_SPECS.l2),
      maxIterations: specNumber(raw, LOGISTIC_SPECS.maxIterations),
      tolerance: specNumber(raw, LOGISTIC_SPECS.tolerance),
    };
  },
  async fit(train, validation, params, ctx) {
    if (train.y.kind === 'regression') throw new MlcycleError('INVALID_ARGUMENT', 'Logistic regression classifies; for a numeric target use linear regression.', { field: 'model' });
    const outputs = train.y.classes === 2 ? 1 : train.y.classes;
    const d = train.x.columns.length;
    const f = objective(train.x, train.y, outputs, params.l2);
    const validLoss = validation ? objective(validation.x, validation.y, outputs, 0) : null;
    const scratch = new Float64Array(outputs * (d + 1));
    // On many rows, most L-BFGS iterations only walk towards the optimum's neighbourhood, which a
    // twentieth of the rows finds as well at a twentieth of the cost; with that point and its
    // curvature pairs the full data needs few steps (5 instead of 11 on the 800,000-row bench).
    let start: Float64Array = new Float64Array(outputs * (d + 1));
    let history: { s: Float64Array[]; y: Float64Array[] } | undefined;
    if (train.x.rows > WARM_START_ABOVE) {
      const sample = everyKthRow(train.x, train.y, Math.ceil(train.x.rows / 20));
      const warm = lbfgs(objective(sample.x, sample.y, outputs, params.l2), start, { maxIterations: params.maxIterations, gradientTolerance: 1e-6, valueTolerance: params.tolerance, onIteration: () => !ctx.isCancelled() });
      ctx.log(`warm start: ${warm.iterations} L-BFGS iterations on ${sample.x.rows.toLocaleString('en')} of ${train.x.rows.toLocaleString('en')} rows`);
      start = warm.w;
      history = warm.history;
    }
    const result = lbfgs(f, start, {
      maxIterations: params.maxIterations,
      history,
      gradientTolerance: 1e-6,
      valueTolerance: params.tolerance,
      onIteration(iteration, value, w) {
        const values: Record<string, number> = { train_loss: value };
        if (validLoss) values.validation_loss = validLoss(w, scratch);
        ctx.curve({ step: iteration, values });
        ctx.progress(Math.min(0.99, iteration / params.maxIterations), `iteration ${iteration}`);
        return !ctx.isCancelled();
      },
    });
    if (ctx.isCancelled()) throw new MlcycleError('CANCELLED', 'Training cancelled');
    ctx.log(`L-BFGS ${result.converged ? 'converged' : 'stopped'} after ${result.iterations} iterations; objective ${result.value.toFixed(6)}`);
    return new LogisticModel(train.y.kind, train.y.classes, d, result.w, result.iterations);
  },
  restore(data) {
    const m = data as ReturnType<LogisticModel['serialise']>;
    return new LogisticModel(m.task, m.classes, m.features, Float64Array.from(m.weights), m.iterations);
  },
};
