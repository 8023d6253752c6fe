import { MlcycleError } from '../../../../shared/contract/errors';
import { MISSING_BIN } from './binning';

/**
 * One tree as flat arrays, node 0 the root, in the shape ONNX's TreeEnsemble takes: at an inner
 * node, `x < threshold` goes left, `x ≥ threshold` right, and a missing x goes left when
 * defaultLeft is 1 (BRANCH_LT with missing_value_tracks_true). Leaves have feature −1.
 * Thresholds are float32 values and x is compared as float32, so a float32 runtime decides alike.
 */
export interface Tree {
  feature: Int32Array;
  threshold: Float64Array;
  left: Int32Array;
  right: Int32Array;
  defaultLeft: Uint8Array;
  /** At a leaf, what it adds to the score (learning rate included); at an inner node, what it would add as a leaf. */
  value: Float64Array;
  /** Loss reduction of the split (0 at leaves): gain importance. */
  gain: Float64Array;
  /** Hessian sum of the training rows that reached the node. */
  cover: Float64Array;
}

export interface TreeJson {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  defaultLeft: number[];
  value: number[];
  gain: number[];
  cover: number[];
}

/** Growing a tree: node arrays as plain lists, plus the split bin that the training loop walks with. */
export class TreeBuilder {
  readonly feature: number[] = [];
  readonly threshold: number[] = [];
  readonly bin: number[] = [];
  readonly left: number[] = [];
  readonly right: number[] = [];
  readonly defaultLeft: number[] = [];
  readonly value: number[] = [];
  readonly gain: number[] = [];
  readonly cover: number[] = [];

  add(value: number, cover: number): number {
    this.feature.push(-1);
    this.threshold.push(0);
    this.bin.push(0);
    this.left.push(-1);
    this.right.push(-1);
    this.defaultLeft.push(0);
    this.value.push(value);
    this.gain.push(0);
    this.cover.push(cover);
    return this.value.length - 1;
  }

  split(node: number, feature: number, bin: number, threshold: number, defaultLeft: boolean, gain: number, left: number, right: number): void {
    this.feature[node] = feature;
    this.bin[node] = bin;
    this.threshold[node] = threshold;
    this.defaultLeft[node] = defaultLeft ? 1 : 0;
    this.gain[node] = gain;
    this.left[node] = left;
    this.right[node] = right;
  }

  tree(): Tree {
    return {
      feature: Int32Array.from(this.feature),
      threshold: Float64Array.from(this.threshold),
      left: Int32Array.from(this.left),
      right: Int32Array.from(this.right),
      defaultLeft: Uint8Array.from(this.defaultLeft),
      value: Float64Array.from(this.value),
      gain: Float64Array.from(this.gain),
      cover: Float64Array.from(this.cover),
    };
  }
}

/** The child that a float32 value x of the node's feature goes to; NaN fails both comparisons and takes the learned default. */
export function childOf(tree: Tree, node: number, x: number): number {
  const t = tree.threshold[node]!;
  return x < t ? tree.left[node]! : x >= t ? tree.right[node]! : tree.defaultLeft[node] ? tree.left[node]! : tree.right[node]!;
}

/** The leaf a row of float32 features reaches. */
export function leafOf(tree: Tree, columns: Float32Array[], row: number): number {
  const feature = tree.feature;
  let node = 0;
  for (let f = feature[0]!; f >= 0; f = feature[node]!) node = childOf(tree, node, columns[f]![row]!);
  return node;
}

/** Adds each row's leaf value to out[row·width + slot]. */
export function addTree(tree: Tree, columns: Float32Array[], rows: number, out: Float64Array, width: number, slot: number): void {
  const value = tree.value;
  for (let i = 0; i < rows; i++) out[i * width + slot]! += value[leafOf(tree, columns, i)]!;
}

/** The same walk on training bins (bin ≤ split bin is x < threshold), for rows in `rows` only. */
export function addTreeBinned(tree: Tree, bins: Int32Array, byColumn: Uint8Array, n: number, rows: Uint32Array, count: number, out: Float64Array, width: number, slot: number): void {
  const { feature, left, right, defaultLeft, value } = tree;
  for (let i = 0; i < count; i++) {
    const r = rows[i]!;
    let node = 0;
    for (let f = feature[0]!; f >= 0; f = feature[node]!) {
      const b = byColumn[f * n + r]!;
      node = (b === MISSING_BIN ? defaultLeft[node] === 1 : b <= bins[node]!) ? left[node]! : right[node]!;
    }
    out[r * width + slot]! += value[node]!;
  }
}

export function treeToJson(t: Tree): TreeJson {
  return {
    feature: [...t.feature],
    threshold: [...t.threshold],
    left: [...t.left],
    right: [...t.right],
    defaultLeft: [...t.defaultLeft],
    value: [...t.value],
    gain: [...t.gain],
    cover: [...t.cover],
  };
}

const bad = (why: string) => new MlcycleError('INVALID_ARGUMENT', `Not a tree model: ${why}.`, { field: 'model' });

/** Rebuilds a tree, checking that every child index points forward inside the tree (so a walk always ends at a leaf). */
export function treeFromJson(j: TreeJson, features: number): Tree {
  const n = j.feature?.length;
  if (!n) throw bad('a tree has no nodes');
  for (const key of ['threshold', 'left', 'right', 'defaultLeft', 'value', 'gain', 'cover'] as const) if (j[key]?.length !== n) throw bad(`a tree's ${key} has the wrong length`);
  for (let i = 0; i < n; i++) {
    const f = j.feature[i]!;
    if (f < 0) continue;
    if (f >= features || j.left[i]! <= i || j.right[i]! <= i || j.left[i]! >= n || j.right[i]! >= n) throw bad(`node ${i} points outside the tree`);
  }
  return {
    feature: Int32Array.from(j.feature),
    threshold: Float64Array.from(j.threshold),
    left: Int32Array.from(j.left),
    right: Int32Array.from(j.right),
    defaultLeft: Uint8Array.from(j.defaultLeft),
    value: Float64Array.from(j.value),
    gain: Float64Array.from(j.gain),
    cover: Float64Array.from(j.cover),
  };
}

/** Features as float32, as the model compares them (NaN stays NaN). */
export const asFloat32 = (columns: Float64Array[]) => columns.map((c) => Float32Array.from(c));
