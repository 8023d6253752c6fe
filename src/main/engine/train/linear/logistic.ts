import { MlcycleError } from '../../../../shared/contract/errors';
import type { FeatureMatrix, Learner, Predictions, Target, TrainedModel } from '../learner';
import { numberParam } from '../params';
import { lbfgs } from './lbfgs';

export interface LogisticParams {
  /** λ in mean log loss + λ/2·‖w‖² (intercepts are not penalised). */
  l2: number;
  maxIterations: number;
  tolerance: number;
}

/** Scores z = W·x + b: one row of weights for binary (the positive class), one per class otherwise. */
function scores(x: FeatureMatrix, w: Float64Array, outputs: number, into: Float64Array): void {
  const d = x.columns.length;
  const n = x.rows;
  for (let k = 0; k < outputs; k++) {
    const base = k * (d + 1);
    const b = w[base + d]!;
    for (let i = 0; i < n; i++) into[i * outputs + k] = b;
    for (let j = 0; j < d; j++) {
      const wj = w[base + j]!;
      if (wj === 0) continue;
      const col = x.columns[j]!;
      for (let i = 0; i < n; i++) into[i * outputs + k]! += wj * col[i]!;
    }
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
        // log(1 + e^z) − t·z, computed without overflow for large |z|
        loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - t * z;
        p[i] = 1 / (1 + Math.exp(-z)) - t;
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
      for (let j = 0; j < d; j++) {
        const col = x.columns[j]!;
        let s = 0;
        for (let i = 0; i < n; i++) s += p[i * outputs + k]! * col[i]!;
        grad[base + j] = s / n + l2 * w[base + j]!;
      }
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

/** L2-regularised logistic regression by L-BFGS: binary with one weight vector, multinomial (softmax) otherwise. */
export const logisticLearner: Learner<LogisticParams> = {
  kind: 'logistic',
  parameters(raw) {
    return {
      l2: numberParam(raw, 'l2', 1e-4, { min: 0, max: 1e6 }),
      maxIterations: numberParam(raw, 'maxIterations', 200, { min: 1, max: 100_000, integer: true }),
      tolerance: numberParam(raw, 'tolerance', 1e-7, { min: 0, max: 1 }),
    };
  },
  async fit(train, validation, params, ctx) {
    if (train.y.kind === 'regression') throw new MlcycleError('INVALID_ARGUMENT', 'Logistic regression classifies; for a numeric target use linear regression.', { field: 'model' });
    const outputs = train.y.classes === 2 ? 1 : train.y.classes;
    const d = train.x.columns.length;
    const f = objective(train.x, train.y, outputs, params.l2);
    const validLoss = validation ? objective(validation.x, validation.y, outputs, 0) : null;
    const scratch = new Float64Array(outputs * (d + 1));
    const result = lbfgs(f, new Float64Array(outputs * (d + 1)), {
      maxIterations: params.maxIterations,
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
