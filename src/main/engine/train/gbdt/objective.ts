import type { Target } from '../learner';

/**
 * A boosting loss: scores (rows × outputs, row-major) become "p" (P(class 1), softmax rows, or the
 * score itself), from which the loss and each output's gradient and hessian follow. Both work on a
 * row range, so threads can share the rows.
 */
export interface Objective {
  outputs: number;
  /** The constant model: log-odds of the prior, log priors, or the mean. */
  base(y: Float64Array): Float64Array;
  /** Fills p for rows from … to − 1 and returns their summed loss (one pass: the loss shares the transform's exp). */
  prepare(scores: Float64Array, y: Float64Array, from: number, to: number, p: Float64Array): number;
  /** Writes (g, h) of output k, interleaved by row, into gh. */
  gradients(p: Float64Array, y: Float64Array, from: number, to: number, k: number, gh: Float64Array): void;
}

/** Priors are clamped to [EPS, 1 − EPS] so an absent class gets a finite base score. */
const EPS = 1e-15;
/** Hessian floor, as XGBoost: keeps H > 0 where probabilities saturate. */
const MIN_HESSIAN = 1e-16;
const clamp = (p: number) => Math.min(1 - EPS, Math.max(EPS, p));

const binary: Objective = {
  outputs: 1,
  base(y) {
    let s = 0;
    for (let i = 0; i < y.length; i++) s += y[i]!;
    const p = clamp(s / Math.max(1, y.length));
    return Float64Array.of(Math.log(p / (1 - p)));
  },
  prepare(scores, y, from, to, p) {
    // With e = exp(−|s|): p = 1/(1 + e) or e/(1 + e), and log(1 + exp(s)) − y·s = log1p(e) + max(s, 0) − y·s.
    let loss = 0;
    for (let i = from; i < to; i++) {
      const s = scores[i]!;
      const e = Math.exp(-Math.abs(s));
      p[i] = s >= 0 ? 1 / (1 + e) : e / (1 + e);
      loss += Math.log1p(e) + (s > 0 ? s : 0) - y[i]! * s;
    }
    return loss;
  },
  gradients(p, y, from, to, _k, gh) {
    for (let i = from; i < to; i++) {
      const q = p[i]!;
      gh[2 * i] = q - y[i]!;
      gh[2 * i + 1] = Math.max(q * (1 - q), MIN_HESSIAN);
    }
  },
};

/** Softmax with one tree per class per round; h is the Hessian's diagonal p(1 − p). */
function multiclass(classes: number): Objective {
  return {
    outputs: classes,
    base(y) {
      const counts = new Float64Array(classes);
      for (let i = 0; i < y.length; i++) counts[y[i]!]!++;
      return counts.map((c) => Math.log(clamp(c / Math.max(1, y.length))));
    },
    prepare(scores, y, from, to, p) {
      let loss = 0;
      for (let i = from; i < to; i++) {
        const o = i * classes;
        let max = Number.NEGATIVE_INFINITY;
        for (let k = 0; k < classes; k++) max = Math.max(max, scores[o + k]!);
        let sum = 0;
        for (let k = 0; k < classes; k++) sum += p[o + k] = Math.exp(scores[o + k]! - max);
        for (let k = 0; k < classes; k++) p[o + k]! /= sum;
        // −log softmax_y = log Σ exp(s_k − max) − (s_y − max)
        loss += Math.log(sum) - (scores[o + y[i]!]! - max);
      }
      return loss;
    },
    gradients(p, y, from, to, k, gh) {
      for (let i = from; i < to; i++) {
        const q = p[i * classes + k]!;
        gh[2 * i] = q - (y[i] === k ? 1 : 0);
        gh[2 * i + 1] = Math.max(q * (1 - q), MIN_HESSIAN);
      }
    },
  };
}

/** Squared error: g = ŷ − y, h = 1; the reported loss is the mean squared error. */
const regression: Objective = {
  outputs: 1,
  base(y) {
    let s = 0;
    for (let i = 0; i < y.length; i++) s += y[i]!;
    return Float64Array.of(y.length ? s / y.length : 0);
  },
  prepare(scores, y, from, to, p) {
    let loss = 0;
    for (let i = from; i < to; i++) {
      p[i] = scores[i]!;
      loss += (scores[i]! - y[i]!) ** 2;
    }
    return loss;
  },
  gradients(p, y, from, to, _k, gh) {
    for (let i = from; i < to; i++) {
      gh[2 * i] = p[i]! - y[i]!;
      gh[2 * i + 1] = 1;
    }
  },
};

export function objectiveFor(y: Pick<Target, 'kind' | 'classes'>): Objective {
  if (y.kind === 'regression') return regression;
  return y.classes === 2 ? binary : multiclass(y.classes);
}
