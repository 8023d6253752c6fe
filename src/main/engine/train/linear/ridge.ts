import { MlcycleError } from '../../../../shared/contract/errors';
import type { FeatureMatrix, Learner, Predictions, TrainedModel } from '../learner';
import { LINEAR_SPECS, specNumber } from '../learner-specs';

export interface RidgeParams {
  /** λ in ½·mean squared error + λ/2·‖w‖² (the intercept is not penalised). */
  l2: number;
}

/** Solves A·x = b for a symmetric positive definite A (row-major d×d) by Cholesky; A is overwritten. */
export function choleskySolve(a: Float64Array, b: Float64Array, d: number): Float64Array {
  for (let j = 0; j < d; j++) {
    let diag = a[j * d + j]!;
    for (let k = 0; k < j; k++) diag -= a[j * d + k]! ** 2;
    if (diag <= 1e-12) throw new MlcycleError('INVALID_ARGUMENT', 'The features are linearly dependent (for example a column that copies another): add some L2 regularisation (params l2) or drop the duplicate column.', { field: 'params.l2' });
    const l = Math.sqrt(diag);
    a[j * d + j] = l;
    for (let i = j + 1; i < d; i++) {
      let s = a[i * d + j]!;
      for (let k = 0; k < j; k++) s -= a[i * d + k]! * a[j * d + k]!;
      a[i * d + j] = s / l;
    }
  }
  const z = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= a[i * d + k]! * z[k]!;
    z[i] = s / a[i * d + i]!;
  }
  const x = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < d; k++) s -= a[k * d + i]! * x[k]!;
    x[i] = s / a[i * d + i]!;
  }
  return x;
}

class RidgeModel implements TrainedModel {
  readonly kind = 'linear';
  readonly task = 'regression' as const;
  readonly iterations = 1;
  constructor(
    readonly weights: Float64Array,
    readonly intercept: number,
  ) {}

  predict(x: FeatureMatrix): Predictions {
    const values = new Float64Array(x.rows).fill(this.intercept);
    this.weights.forEach((w, j) => {
      const col = x.columns[j]!;
      for (let i = 0; i < x.rows; i++) values[i]! += w * col[i]!;
    });
    return { rows: x.rows, width: 1, values };
  }

  serialise() {
    return { kind: this.kind, weights: [...this.weights], intercept: this.intercept };
  }
}

const mse = (model: RidgeModel, x: FeatureMatrix, y: Float64Array) => {
  const p = model.predict(x).values;
  let s = 0;
  for (let i = 0; i < x.rows; i++) s += (p[i]! - y[i]!) ** 2;
  return s / Math.max(1, x.rows);
};

/** Linear regression with L2 (ridge), solved exactly: centred normal equations, then Cholesky. */
export const linearLearner: Learner<RidgeParams> = {
  kind: 'linear',
  parameters(raw) {
    return { l2: specNumber(raw, LINEAR_SPECS.l2) };
  },
  async fit(train, validation, params, ctx) {
    if (train.y.kind !== 'regression') throw new MlcycleError('INVALID_ARGUMENT', 'Linear regression predicts numbers; for classes use logistic regression.', { field: 'model' });
    const { x, y } = train;
    const n = x.rows;
    const d = x.columns.length;
    if (n === 0) throw new MlcycleError('INVALID_ARGUMENT', 'There are no training rows with a target value.', { field: 'split' });
    const means = x.columns.map((c) => c.reduce((a, v) => a + v, 0) / n);
    const yMean = y.values.reduce((a, v) => a + v, 0) / n;
    // Gram matrix of the centred features (upper triangle mirrored), and Xᵀy.
    const gram = new Float64Array(d * d);
    const xty = new Float64Array(d);
    const centred = x.columns.map((c, j) => c.map((v) => v - means[j]!));
    for (let j = 0; j < d; j++) {
      if (ctx.isCancelled()) throw new MlcycleError('CANCELLED', 'Training cancelled');
      const cj = centred[j]!;
      for (let k = j; k < d; k++) {
        const ck = centred[k]!;
        let s = 0;
        for (let i = 0; i < n; i++) s += cj[i]! * ck[i]!;
        gram[j * d + k] = gram[k * d + j] = s / n;
      }
      let s = 0;
      for (let i = 0; i < n; i++) s += cj[i]! * (y.values[i]! - yMean);
      xty[j] = s / n;
      gram[j * d + j]! += params.l2;
      ctx.progress((0.9 * (j + 1)) / d, 'normal equations');
    }
    const w = d ? choleskySolve(gram, xty, d) : new Float64Array(0);
    const intercept = yMean - w.reduce((a, wj, j) => a + wj * means[j]!, 0);
    const model = new RidgeModel(w, intercept);
    const values: Record<string, number> = { train_loss: mse(model, x, y.values) };
    if (validation) values.validation_loss = mse(model, validation.x, validation.y.values);
    ctx.curve({ step: 1, values });
    return model;
  },
  restore(data) {
    const m = data as ReturnType<RidgeModel['serialise']>;
    return new RidgeModel(Float64Array.from(m.weights), m.intercept);
  },
};
