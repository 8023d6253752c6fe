import type { FeatureMatrix } from '../learner';

/**
 * The logistic loss's hot loops, shared by the learner and its worker threads (worker.ts): no
 * imports beyond types, so the worker's bundle stays small.
 */

/**
 * Scores z = W·x + b: one row of weights for binary (the positive class), one per class otherwise.
 * Four feature columns per pass over the rows: a quarter of the read-modify-writes of `into`,
 * measured 1.7× faster than one column at a time on 800,000 × 51.
 */
export function scores(x: FeatureMatrix, w: Float64Array, outputs: number, into: Float64Array): void {
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
export function toProbabilities(z: Float64Array, n: number, outputs: number): void {
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

/**
 * Σ log loss over the rows of x and, into `grad`, the raw gradient sums Σ (p − indicator)·x per
 * weight (intercepts last in each class's row): no mean, no penalty, so row ranges add up.
 * `p` is scratch of x.rows × outputs.
 */
export function rawSums(x: FeatureMatrix, y: Float64Array, outputs: number, w: Float64Array, grad: Float64Array, p: Float64Array): number {
  const n = x.rows;
  const d = x.columns.length;
  scores(x, w, outputs, p);
  let loss = 0;
  if (outputs === 1) {
    for (let i = 0; i < n; i++) {
      const z = p[i]!;
      const t = y[i]!;
      // log(1 + e^z) − t·z and σ(z) − t from one exponential, without overflow for large |z|
      const e = Math.exp(-Math.abs(z));
      loss += (z > 0 ? z : 0) + Math.log1p(e) - t * z;
      p[i] = (z >= 0 ? 1 / (1 + e) : e / (1 + e)) - t;
    }
  } else {
    toProbabilities(p, n, outputs);
    for (let i = 0; i < n; i++) {
      const t = y[i]!;
      loss -= Math.log(Math.max(p[i * outputs + t]!, 1e-300));
      p[i * outputs + t]! -= 1;
    }
  }
  // p now holds the residuals (probability − indicator).
  for (let k = 0; k < outputs; k++) {
    const base = k * (d + 1);
    let gb = 0;
    for (let i = 0; i < n; i++) gb += p[i * outputs + k]!;
    grad[base + d] = gb;
    residualProducts(x, p, outputs, k, grad, base);
  }
  return loss;
}

/** Mean loss + λ/2‖w‖² from the summed loss, and the gradient from the raw sums, in place. */
export function finish(loss: number, grad: Float64Array, w: Float64Array, n: number, d: number, outputs: number, l2: number): number {
  let penalty = 0;
  for (let k = 0; k < outputs; k++) {
    const base = k * (d + 1);
    grad[base + d] = grad[base + d]! / n;
    for (let j = 0; j < d; j++) {
      grad[base + j] = grad[base + j]! / n + l2 * w[base + j]!;
      penalty += w[base + j]! ** 2;
    }
  }
  return loss / n + (l2 / 2) * penalty;
}

/** Rows start … end − 1 of x as a matrix of views (no copy). */
export function rowRange(x: FeatureMatrix, start: number, end: number): FeatureMatrix {
  return { rows: end - start, names: x.names, columns: x.columns.map((c) => c.subarray(start, end)) };
}

