import { BIN_STRIDE, MISSING_BIN } from './binning';

export interface SplitRules {
  /** L2 on leaf weights: λ in G²/(H + λ). */
  lambda: number;
  /** Least loss reduction a split must bring (XGBoost's gamma, min_split_loss). */
  gamma: number;
  /** Least hessian sum on each side of a split. */
  minChildWeight: number;
}

export interface Split {
  feature: number;
  /** Bins 0 … bin go left. */
  bin: number;
  /** Loss reduction ½[G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)], the objective's own scale. */
  gain: number;
  /** Where missing values go, learned: the side that gave the larger gain. */
  defaultLeft: boolean;
  leftG: number;
  leftH: number;
  rightG: number;
  rightH: number;
}

/**
 * Sums below this share of the node's hessian count as nothing: histogram subtraction can leave
 * rounding residue (±1e-17) in bins that are really empty.
 */
const NEGLIGIBLE = 1e-10;

/**
 * The best split of a node from its histogram, XGBoost style: each cut is tried with the missing
 * values on the left and on the right, and the better one fixes the default direction. A node with
 * no missing values sends future ones to the heavier child. Ties keep the first candidate (lowest
 * feature, then lowest bin, then missing-right), so the result never depends on anything but the sums.
 */
export function bestSplit(hist: Float64Array, offset: number, features: ArrayLike<number>, bins: Int32Array, G: number, H: number, rules: SplitRules): Split | null {
  const { lambda, minChildWeight } = rules;
  const tiny = NEGLIGIBLE * H;
  const least = Math.max(minChildWeight, tiny);
  let bestScore = Number.NEGATIVE_INFINITY;
  let best: Split | null = null;
  const consider = (feature: number, bin: number, gl: number, hl: number, gr: number, hr: number, defaultLeft: boolean) => {
    if (hl < least || hr < least || hl <= tiny || hr <= tiny) return;
    const score = (gl * gl) / (hl + lambda) + (gr * gr) / (hr + lambda);
    if (!(score > bestScore)) return;
    bestScore = score;
    best = { feature, bin, gain: 0, defaultLeft, leftG: gl, leftH: hl, rightG: gr, rightH: hr };
  };
  for (let k = 0; k < features.length; k++) {
    const f = features[k]!;
    const valueBins = bins[f]!;
    if (valueBins < 2) continue;
    const base = offset + f * BIN_STRIDE;
    const gm = hist[base + 2 * MISSING_BIN]!;
    const hm = hist[base + 2 * MISSING_BIN + 1]!;
    const hasMissing = hm > tiny;
    const gPresent = G - gm;
    const hPresent = H - hm;
    let gl = 0;
    let hl = 0;
    for (let b = 0; b < valueBins - 1; b++) {
      gl += hist[base + 2 * b]!;
      hl += hist[base + 2 * b + 1]!;
      const gr = gPresent - gl;
      const hr = hPresent - hl;
      if (hasMissing) {
        consider(f, b, gl, hl, gr + gm, hr + hm, false);
        consider(f, b, gl + gm, hl + hm, gr, hr, true);
      } else consider(f, b, gl, hl, gr, hr, hl >= hr);
    }
  }
  const found = best as Split | null;
  if (!found) return null;
  const gain = 0.5 * (bestScore - (G * G) / (H + lambda));
  // A gain at rounding level (a cut that separates nothing that matters) is no gain.
  if (!(gain > rules.gamma) || gain <= 1e-12 * bestScore) return null;
  found.gain = gain;
  return found;
}

/** The leaf weight −G/(H + λ) that minimises the second-order loss (+ 0 turns −0 into 0). */
export const leafWeight = (G: number, H: number, lambda: number) => (H + lambda > 0 ? -G / (H + lambda) + 0 : 0);
