import type { Binned } from './binning';
import type { LeafPair, Pool } from './pool';
import { bestSplit, leafWeight, type Split, type SplitRules } from './split';
import { type Tree, TreeBuilder } from './tree';

export type Growth = 'depthwise' | 'leafwise';

export interface GrowSettings extends SplitRules {
  growth: Growth;
  /** 0: no limit. */
  maxDepth: number;
  /** 0: no limit. */
  maxLeaves: number;
  /** Multiplies the leaf weights: the learning rate when boosting, 1 in a forest. */
  shrinkage: number;
  /** Share of the tree's features searched at each node (a random forest's mtry). */
  colsampleByNode: number;
}

export interface GrowInput {
  binned: Binned;
  pool: Pool;
  /** Value bins per feature (cuts + 1). */
  valueBins: Int32Array;
  /** The features this tree may split on, ascending. */
  features: Int32Array;
  /** The tree's rows are pool.memory.order[0 … rows), ascending; memory.gh holds their gradients. */
  rows: number;
  random: () => number;
}

export interface GrownTree {
  tree: Tree;
  /** Split bins per node (bin ≤ splitBin goes left), for walking training bins. */
  splitBins: Int32Array;
  /** Each leaf's rows: memory.order[start … end). */
  leaves: Array<{ node: number; start: number; end: number }>;
  /** Splits into two leaves whose rows were not partitioned (nothing would search them). */
  pairs: LeafPair[];
}

interface Open {
  node: number;
  start: number;
  end: number;
  depth: number;
  g: number;
  h: number;
  /** Histogram slot, −1 when this node will not be searched. */
  slot: number;
  split: Split | null;
}

/** A max-heap of open nodes by gain (ties: lower node id first), for leaf-wise growth. */
class Frontier {
  private readonly items: Open[] = [];
  get size() {
    return this.items.length;
  }
  private before(a: Open, b: Open): boolean {
    return a.split!.gain > b.split!.gain || (a.split!.gain === b.split!.gain && a.node < b.node);
  }
  push(o: Open): void {
    const items = this.items;
    items.push(o);
    for (let i = items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i]!, items[parent]!)) break;
      [items[i], items[parent]] = [items[parent]!, items[i]!];
      i = parent;
    }
  }
  pop(): Open {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length) {
      items[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.before(items[l]!, items[m]!)) m = l;
        if (r < items.length && this.before(items[r]!, items[m]!)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m]!, items[i]!];
        i = m;
      }
    }
    return top;
  }
  drain(): Open[] {
    return this.items.splice(0);
  }
}

/**
 * Grows one tree on the gradients in memory.gh: depth-wise (level by level, left to right, as
 * XGBoost's default) or leaf-wise (always the open leaf with the largest gain, as LightGBM). Only the
 * smaller child's histogram is built; the larger one's is the parent's minus it.
 */
export async function growTree(input: GrowInput, settings: GrowSettings): Promise<GrownTree> {
  const { binned, pool, valueBins, features, random } = input;
  const { maxDepth, maxLeaves, lambda, shrinkage, minChildWeight } = settings;
  const { order, gh } = pool.memory;
  const tb = new TreeBuilder();

  const mayGrow = (depth: number, h: number) => (maxDepth === 0 || depth < maxDepth) && h >= 2 * minChildWeight;
  const searchable = (o: Open) => mayGrow(o.depth, o.h) && o.end - o.start >= 2;
  const pairs: LeafPair[] = [];
  const nodeFeatures = (): ArrayLike<number> => {
    if (settings.colsampleByNode >= 1) return features;
    const pick = Array.from(features);
    const take = Math.max(1, Math.round(pick.length * settings.colsampleByNode));
    for (let i = 0; i < take; i++) {
      const j = i + Math.floor(random() * (pick.length - i));
      [pick[i], pick[j]] = [pick[j]!, pick[i]!];
    }
    return pick.slice(0, take).sort((a, b) => a - b);
  };
  const search = (o: Open) => {
    o.split = o.slot < 0 ? null : bestSplit(pool.arena, pool.offset(o.slot), nodeFeatures(), valueBins, o.g, o.h, settings);
  };
  const open = (start: number, end: number, depth: number, g: number, h: number): Open => ({ node: tb.add(leafWeight(g, h, lambda) * shrinkage, h), start, end, depth, g, h, slot: -1, split: null });

  /**
   * Splits the nodes (their rows partitioned together, on all threads), builds the smaller child's
   * histogram of each and gets the larger one's as parent − smaller, then searches the children.
   */
  const expand = async (nodes: Open[]): Promise<Open[]> => {
    const leavesOnly = (o: Open) => !mayGrow(o.depth + 1, o.split!.leftH) && !mayGrow(o.depth + 1, o.split!.rightH);
    const cut = nodes.filter((o) => !leavesOnly(o));
    const mids = await pool.partition(cut.map((o) => ({ start: o.start, end: o.end, feature: o.split!.feature, bin: o.split!.bin, defaultLeft: o.split!.defaultLeft })));
    const children: Open[] = [];
    const builds: Open[] = [];
    const subtract: Array<[large: Open, small: Open]> = [];
    let next = 0;
    for (const o of nodes) {
      const s = o.split!;
      const paired = leavesOnly(o);
      // Children of a pair own no rows of order: their rows stay in the parent's range.
      const mid = paired ? o.start : mids[next++]!;
      const left = open(o.start, mid, o.depth + 1, s.leftG, s.leftH);
      const right = open(mid, paired ? o.start : o.end, o.depth + 1, s.rightG, s.rightH);
      tb.split(o.node, s.feature, s.bin, binned.cuts[s.feature]![s.bin]!, s.defaultLeft, s.gain, left.node, right.node);
      children.push(left, right);
      if (paired) {
        pairs.push({ start: o.start, end: o.end, feature: s.feature, bin: s.bin, defaultLeft: s.defaultLeft, left: tb.value[left.node]!, right: tb.value[right.node]! });
        pool.release(o.slot);
        o.slot = -1;
        continue;
      }
      const [small, large] = mid - o.start <= o.end - mid ? [left, right] : [right, left];
      const needLarge = searchable(large);
      if (searchable(small) || needLarge) {
        small.slot = pool.slot();
        builds.push(small);
      }
      if (needLarge) {
        large.slot = o.slot;
        subtract.push([large, small]);
      } else pool.release(o.slot);
      o.slot = -1;
    }
    await pool.histograms(builds);
    const arena = pool.arena;
    for (const [large, small] of subtract) {
      const to = pool.offset(large.slot);
      const from = pool.offset(small.slot);
      for (let i = 0; i < pool.length; i++) arena[to + i]! -= arena[from + i]!;
    }
    for (const o of builds) {
      if (!searchable(o)) {
        pool.release(o.slot);
        o.slot = -1;
      }
    }
    for (const child of children) search(child);
    return children;
  };

  // The root's sums: from its histogram when it has one (any feature's bins hold every row), else directly.
  const root = open(0, input.rows, 0, 0, 0);
  if (input.rows >= 2) {
    root.slot = pool.slot();
    await pool.histograms([root]);
    const arena = pool.arena;
    const from = pool.offset(root.slot);
    for (let b = 0; b < 256; b++) {
      root.g += arena[from + 2 * b]!;
      root.h += arena[from + 2 * b + 1]!;
    }
  } else if (input.rows === 1) {
    root.g = gh[2 * order[0]!]!;
    root.h = gh[2 * order[0]! + 1]!;
  }
  tb.value[root.node] = leafWeight(root.g, root.h, lambda) * shrinkage;
  tb.cover[root.node] = root.h;
  if (searchable(root)) search(root);
  else if (root.slot >= 0) {
    pool.release(root.slot);
    root.slot = -1;
  }
  const done: Open[] = [];
  let leafCount = 1;

  if (settings.growth === 'depthwise') {
    let level = [root];
    while (level.length) {
      const splitting: Open[] = [];
      for (const o of level) {
        if (o.split && (maxLeaves === 0 || leafCount < maxLeaves)) {
          splitting.push(o);
          leafCount++;
        } else done.push(o);
      }
      level = splitting.length ? await expand(splitting) : [];
    }
  } else {
    const frontier = new Frontier();
    if (root.split) frontier.push(root);
    else done.push(root);
    while (frontier.size && (maxLeaves === 0 || leafCount < maxLeaves)) {
      leafCount++;
      for (const child of await expand([frontier.pop()])) {
        if (child.split) frontier.push(child);
        else done.push(child);
      }
    }
    done.push(...frontier.drain());
  }
  for (const o of done) if (o.slot >= 0) pool.release(o.slot);
  return {
    tree: tb.tree(),
    splitBins: Int32Array.from(tb.bin),
    leaves: done.filter((o) => o.end > o.start).map((o) => ({ node: o.node, start: o.start, end: o.end })),
    pairs,
  };
}
