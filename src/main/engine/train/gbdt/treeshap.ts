import type { TreeEnsembleModel } from './model';
import { childOf, type Tree } from './tree';

/**
 * TreeSHAP (Lundberg, Erion & Lee 2018, "Consistent Individualized Feature Attribution for Tree
 * Ensembles", Algorithm 2, in the form of shap's tree_shap.h): the exact Shapley values of one row
 * for the game v(S) = E[f(x) | x_S], path-dependent: at a node that splits on a feature outside S
 * the expectation takes both children, weighted by their share of the training cover. In
 * O(leaves · depth²) per tree instead of the definition's 2^features.
 *
 * The cover is what training stores per node: the hessian sum of the rows that reached it. That is
 * the row count for squared error, the bootstrap-weighted row count for the forest (h = the draw
 * count, like scikit-learn's weighted_n_node_samples that shap uses), and Σ p(1 − p) for log loss,
 * which is XGBoost's `cover` and what its TreeSHAP weighs by. A missing value follows the node's
 * learned default direction, as prediction does.
 */

/** The unique features on the path from the root, each with the share of subsets that reach here. */
export class PathBuffer {
  readonly feature: Int32Array;
  /** Fraction of the cover that flows here when the feature is unknown (outside S). */
  readonly zero: Float64Array;
  /** 1 when the row itself goes this way (feature in S), else 0. */
  readonly one: Float64Array;
  /** Permutation weight of each subset size. */
  readonly weight: Float64Array;

  constructor(maxDepth: number) {
    // Each level copies the path above it one slot further on: about (depth + 1)(depth + 2)/2 slots in all.
    const size = ((maxDepth + 3) * (maxDepth + 4)) / 2;
    this.feature = new Int32Array(size);
    this.zero = new Float64Array(size);
    this.one = new Float64Array(size);
    this.weight = new Float64Array(size);
  }
}

/** Adds a feature to the path at `at` of `depth` elements, updating the subset-size weights. */
function extendPath(p: PathBuffer, at: number, depth: number, zero: number, one: number, feature: number): void {
  const w = p.weight;
  p.feature[at + depth] = feature;
  p.zero[at + depth] = zero;
  p.one[at + depth] = one;
  w[at + depth] = depth === 0 ? 1 : 0;
  for (let i = depth - 1; i >= 0; i--) {
    w[at + i + 1]! += (one * w[at + i]! * (i + 1)) / (depth + 1);
    w[at + i] = (zero * w[at + i]! * (depth - i)) / (depth + 1);
  }
}

/** Undoes extendPath for element `index` (a feature met again lower down is re-added with both splits' fractions). */
function unwindPath(p: PathBuffer, at: number, depth: number, index: number): void {
  const w = p.weight;
  const one = p.one[at + index]!;
  const zero = p.zero[at + index]!;
  let next = w[at + depth]!;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const kept = w[at + i]!;
      w[at + i] = (next * (depth + 1)) / ((i + 1) * one);
      next = kept - (w[at + i]! * zero * (depth - i)) / (depth + 1);
    } else {
      w[at + i] = (w[at + i]! * (depth + 1)) / (zero * (depth - i));
    }
  }
  for (let i = index; i < depth; i++) {
    p.feature[at + i] = p.feature[at + i + 1]!;
    p.zero[at + i] = p.zero[at + i + 1]!;
    p.one[at + i] = p.one[at + i + 1]!;
  }
}

/** The total weight the path would have without element `index`, without changing it. */
function unwoundSum(p: PathBuffer, at: number, depth: number, index: number): number {
  const w = p.weight;
  const one = p.one[at + index]!;
  const zero = p.zero[at + index]!;
  let next = w[at + depth]!;
  let total = 0;
  for (let i = depth - 1; i >= 0; i--) {
    if (one !== 0) {
      const part = (next * (depth + 1)) / ((i + 1) * one);
      total += part;
      next = w[at + i]! - part * zero * ((depth - i) / (depth + 1));
    } else if (zero !== 0) {
      total += w[at + i]! / zero / ((depth - i) / (depth + 1));
    }
  }
  return total;
}

/** Length of the longest root-to-leaf path, in splits (children always come after their parent). */
export function treeDepth(tree: Tree): number {
  const depth = new Int32Array(tree.feature.length);
  let max = 0;
  for (let i = 0; i < depth.length; i++) {
    if (tree.feature[i]! < 0) continue;
    depth[tree.left[i]!] = depth[tree.right[i]!] = depth[i]! + 1;
    max = Math.max(max, depth[i]! + 1);
  }
  return max;
}

/** True when every split's children have finite, non-negative covers that do not both vanish, so they can weigh the two ways. */
export function hasUsableCovers(tree: Tree): boolean {
  const { feature, left, right, cover } = tree;
  for (let i = 0; i < feature.length; i++) {
    if (feature[i]! < 0) continue;
    const l = cover[left[i]!]!;
    const r = cover[right[i]!]!;
    if (!(Number.isFinite(l) && Number.isFinite(r) && l >= 0 && r >= 0 && l + r > 0)) return false;
  }
  return true;
}

/** The share of a split's cover that goes to `child`: children's covers, so the shares always add to 1. */
const share = (tree: Tree, node: number, child: number) => tree.cover[child]! / (tree.cover[tree.left[node]!]! + tree.cover[tree.right[node]!]!);

/** E[tree(x)] with no feature known: leaf values averaged by cover, bottom up. */
export function expectedValue(tree: Tree): number {
  const { feature, left, right, value } = tree;
  const e = new Float64Array(feature.length);
  for (let i = feature.length - 1; i >= 0; i--) {
    e[i] = feature[i]! < 0 ? value[i]! : share(tree, i, left[i]!) * e[left[i]!]! + share(tree, i, right[i]!) * e[right[i]!]!;
  }
  return e[0]!;
}

/**
 * Adds `scale` × the tree's SHAP values for the row `x` (float32 feature values, NaN = missing) to
 * phi[feature]. `path` must hold the tree's depth.
 */
export function addTreeShap(tree: Tree, x: ArrayLike<number>, phi: Float64Array, scale: number, path: PathBuffer): void {
  const { feature, left, right, value } = tree;
  const visit = (node: number, parentAt: number, depth: number, zero: number, one: number, splitFeature: number): void => {
    const at = parentAt + depth + 1;
    path.feature.copyWithin(at, parentAt, parentAt + depth);
    path.zero.copyWithin(at, parentAt, parentAt + depth);
    path.one.copyWithin(at, parentAt, parentAt + depth);
    path.weight.copyWithin(at, parentAt, parentAt + depth);
    extendPath(path, at, depth, zero, one, splitFeature);
    const f = feature[node]!;
    if (f < 0) {
      for (let i = 1; i <= depth; i++) {
        const w = unwoundSum(path, at, depth, i);
        phi[path.feature[at + i]!]! += w * (path.one[at + i]! - path.zero[at + i]!) * value[node]! * scale;
      }
      return;
    }
    const hot = childOf(tree, node, x[f]!);
    const cold = hot === left[node] ? right[node]! : left[node]!;
    // A feature split on again: take its earlier element out and carry its fractions into this split.
    let incomingZero = 1;
    let incomingOne = 1;
    let d = depth;
    let k = 0;
    while (k <= d && path.feature[at + k] !== f) k++;
    if (k <= d) {
      incomingZero = path.zero[at + k]!;
      incomingOne = path.one[at + k]!;
      unwindPath(path, at, d, k);
      d--;
    }
    const hotZero = share(tree, node, hot) * incomingZero;
    const coldZero = share(tree, node, cold) * incomingZero;
    // A branch no subset reaches (no cover, and the row does not go there) adds nothing; skipping it avoids 0/0 on unwinding.
    if (hotZero !== 0 || incomingOne !== 0) visit(hot, at, d + 1, hotZero, incomingOne, f);
    if (coldZero !== 0) visit(cold, at, d + 1, coldZero, 0, f);
  };
  visit(0, 0, 0, 1, 1, -1);
}

export interface RowShap {
  /** One per model feature, on the raw score scale. */
  contributions: Float64Array;
  /** The expected raw score over the training cover; base + Σ contributions is the row's raw score. */
  base: number;
}

/**
 * TreeSHAP of one row (one value per model feature, as predict takes them) for score column
 * `slot`: boosting sums its trees of that column (plus the base score), the forest averages them.
 * Null when some tree's covers cannot weigh its splits (then only an approximation is possible).
 */
export function treeShapOfRow(model: TreeEnsembleModel, row: ArrayLike<number>, slot: number): RowShap | null {
  const trees = model.trees.filter((_t, t) => t % model.outputs === slot);
  if (!trees.every(hasUsableCovers)) return null;
  const x = Float64Array.from(row, (v) => Math.fround(v));
  const scale = model.average && trees.length ? 1 / trees.length : 1;
  const path = new PathBuffer(trees.reduce((deepest, tree) => Math.max(deepest, treeDepth(tree)), 0));
  const contributions = new Float64Array(model.features);
  let base = 0;
  for (const tree of trees) {
    base += expectedValue(tree) * scale;
    addTreeShap(tree, x, contributions, scale, path);
  }
  return { contributions, base: model.base[slot]! + base };
}

