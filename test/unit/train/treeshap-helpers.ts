import type { Tree } from '../../../src/main/engine/train/gbdt/tree';

/** A tree written as nested nodes; an inner node's cover is its children's sum. */
export type TreeSpec = { leaf: number; cover: number } | { feature: number; threshold: number; missingLeft: boolean; left: TreeSpec; right: TreeSpec };

const coverOf = (s: TreeSpec): number => ('leaf' in s ? s.cover : coverOf(s.left) + coverOf(s.right));

/** Flattens a spec in pre-order (children after their parent), as training stores trees. */
export function flatTree(spec: TreeSpec): Tree {
  const nodes: Array<{ feature: number; threshold: number; left: number; right: number; defaultLeft: number; value: number; cover: number }> = [];
  const place = (s: TreeSpec): number => {
    const i = nodes.length;
    nodes.push({ feature: -1, threshold: 0, left: -1, right: -1, defaultLeft: 0, value: 'leaf' in s ? s.leaf : 0, cover: coverOf(s) });
    if (!('leaf' in s)) {
      const left = place(s.left);
      const right = place(s.right);
      Object.assign(nodes[i]!, { feature: s.feature, threshold: s.threshold, left, right, defaultLeft: s.missingLeft ? 1 : 0 });
    }
    return i;
  };
  place(spec);
  return {
    feature: Int32Array.from(nodes, (n) => n.feature),
    threshold: Float64Array.from(nodes, (n) => n.threshold),
    left: Int32Array.from(nodes, (n) => n.left),
    right: Int32Array.from(nodes, (n) => n.right),
    defaultLeft: Uint8Array.from(nodes, (n) => n.defaultLeft),
    value: Float64Array.from(nodes, (n) => n.value),
    gain: new Float64Array(nodes.length),
    cover: Float64Array.from(nodes, (n) => n.cover),
  };
}

/**
 * v(S) = E[tree(x) | x_S] as the path-dependent definition reads: at a split on a known feature
 * (in S) follow the row (NaN: the default side; values compared as float32), otherwise average both
 * children weighted by their covers. Written from the definition, walking the tree recursively.
 */
export function conditionalExpectation(tree: Tree, x: number[], known: ReadonlySet<number>, node = 0): number {
  const f = tree.feature[node]!;
  if (f < 0) return tree.value[node]!;
  const l = tree.left[node]!;
  const r = tree.right[node]!;
  if (known.has(f)) {
    const v = x[f]!;
    const goesLeft = Number.isNaN(v) ? tree.defaultLeft[node] === 1 : Math.fround(v) < tree.threshold[node]!;
    return conditionalExpectation(tree, x, known, goesLeft ? l : r);
  }
  const cl = tree.cover[l]!;
  const cr = tree.cover[r]!;
  return (cl * conditionalExpectation(tree, x, known, l) + cr * conditionalExpectation(tree, x, known, r)) / (cl + cr);
}

const factorial = (n: number): number => (n <= 1 ? 1 : n * factorial(n - 1));

/** Shapley values from the definition: every subset S of the other features, weighted |S|!(M − |S| − 1)!/M!. */
export function bruteForceShapley(value: (known: ReadonlySet<number>) => number, features: number): number[] {
  const phi = new Array<number>(features).fill(0);
  for (let i = 0; i < features; i++) {
    const others = [...Array(features).keys()].filter((j) => j !== i);
    for (let mask = 0; mask < 1 << others.length; mask++) {
      const s = new Set(others.filter((_j, b) => mask & (1 << b)));
      const weight = (factorial(s.size) * factorial(features - s.size - 1)) / factorial(features);
      phi[i]! += weight * (value(new Set([...s, i])) - value(s));
    }
  }
  return phi;
}

/** A random tree up to `depth` splits deep over `features` features (repeats on a path allowed), with random covers and default sides. */
export function randomTreeSpec(random: () => number, depth: number, features: number): TreeSpec {
  if (depth === 0 || random() < 0.15) return { leaf: Math.round((random() * 10 - 5) * 100) / 100, cover: 1 + Math.floor(random() * 20) };
  return {
    feature: Math.floor(random() * features),
    threshold: Math.fround(Math.round(random() * 100) / 100),
    missingLeft: random() < 0.5,
    left: randomTreeSpec(random, depth - 1, features),
    right: randomTreeSpec(random, depth - 1, features),
  };
}
