import { seededRandom } from './rng';

/** Average path length of an unsuccessful search in a binary search tree of n points: c(n). */
export function averagePath(n: number): number {
  if (n <= 1) return 0;
  if (n === 2) return 1;
  return 2 * (Math.log(n - 1) + 0.5772156649) - (2 * (n - 1)) / n;
}

type Node = { feature: number; split: number; left: Node; right: Node } | { size: number };

function build(points: number[][], depth: number, limit: number, random: () => number): Node {
  if (depth >= limit || points.length <= 1) return { size: points.length };
  const d = points[0]!.length;
  // pick a feature that still varies here; a node where nothing varies is a leaf
  for (let attempt = 0; attempt < d; attempt++) {
    const feature = Math.floor(random() * d);
    let min = Infinity;
    let max = -Infinity;
    for (const p of points) [min, max] = [Math.min(min, p[feature]!), Math.max(max, p[feature]!)];
    if (max > min) {
      const split = min + random() * (max - min);
      return {
        feature,
        split,
        left: build(points.filter((p) => p[feature]! < split), depth + 1, limit, random),
        right: build(points.filter((p) => p[feature]! >= split), depth + 1, limit, random),
      };
    }
  }
  return { size: points.length };
}

function pathLength(node: Node, point: number[], depth: number): number {
  if ('size' in node) return depth + averagePath(node.size);
  return pathLength(point[node.feature]! < node.split ? node.left : node.right, point, depth + 1);
}

/**
 * Isolation forest (Liu, Ting & Zhou 2008): anomalies are isolated by fewer random splits.
 * Score s = 2^(−E[h(x)] / c(ψ)) in (0, 1]; near 1 is anomalous, ≤ 0.5 ordinary.
 */
export function isolationForest(points: number[][], options: { trees?: number; sampleSize?: number; seed?: number } = {}): number[] {
  const trees = options.trees ?? 100;
  const psi = Math.min(options.sampleSize ?? 256, points.length);
  const random = seededRandom(options.seed ?? 42);
  const limit = Math.ceil(Math.log2(Math.max(2, psi)));
  const forest: Node[] = [];
  for (let t = 0; t < trees; t++) {
    const sample: number[][] = [];
    for (let i = 0; i < psi; i++) sample.push(points[Math.floor(random() * points.length)]!);
    forest.push(build(sample, 0, limit, random));
  }
  const c = averagePath(psi) || 1;
  return points.map((p) => 2 ** (-forest.reduce((s, tree) => s + pathLength(tree, p, 0), 0) / trees / c));
}
