import { describe, expect, it } from 'vitest';
import { gbdtLearner, randomForestLearner, TreeEnsembleModel } from '../../../src/main/engine/train/gbdt';
import type { Tree } from '../../../src/main/engine/train/gbdt/tree';
import { treeShapOfRow } from '../../../src/main/engine/train/gbdt/treeshap';
import type { FeatureMatrix, Target } from '../../../src/main/engine/train/learner';
import { context, matrix, target, uniform } from './gbdt-helpers';
import { bruteForceShapley, conditionalExpectation, flatTree, randomTreeSpec, type TreeSpec } from './treeshap-helpers';

const leaf = (value: number, cover: number): TreeSpec => ({ leaf: value, cover });
const split = (feature: number, threshold: number, left: TreeSpec, right: TreeSpec, missingLeft = false): TreeSpec => ({ feature, threshold, missingLeft, left, right });

/** One boosted regression tree (base 0) over `features` features, so the raw score is the tree's value. */
const single = (tree: Tree, features: number) => new TreeEnsembleModel('gbdt', 'regression', 0, features, Float64Array.of(0), [tree], false, 1);
const shapOf = (tree: Tree, features: number, x: number[]) => treeShapOfRow(single(tree, features), x, 0)!;
const rowOf = (x: FeatureMatrix, i: number) => x.columns.map((c) => c[i]!);

/** x0 < 0.5 → 0 (cover 2); else x1 < 0.5 → 0 (cover 1) or 4 (cover 1). Feature 2 is never split on. */
const andTree = (missingLeft = false) => flatTree(split(0, 0.5, leaf(0, 2), split(1, 0.5, leaf(0, 1), leaf(4, 1)), missingLeft));

describe('TreeSHAP on trees worked by hand', () => {
  it('a stump: the contribution is the leaf reached minus the cover-weighted mean', () => {
    // E = (3·0 + 1·4)/4 = 1: x0 = 0.2 reaches 0 (φ = −1), x0 = 0.9 reaches 4 (φ = 3)
    const stump = flatTree(split(0, 0.5, leaf(0, 3), leaf(4, 1)));
    expect(shapOf(stump, 1, [0.2])).toEqual({ contributions: Float64Array.of(-1), base: 1 });
    expect(shapOf(stump, 1, [0.9])).toEqual({ contributions: Float64Array.of(3), base: 1 });
  });

  it('two features that only pay together share the credit as the Shapley formula says', () => {
    // v(∅) = (2·0 + 2·(0 + 4)/2)/4 = 1. For x = (1, 1): v({0}) = 2, v({1}) = ½·0 + ½·4 = 2, v({0,1}) = 4,
    // so φ0 = ½[(2 − 1) + (4 − 2)] = 1.5 and φ1 = 1.5. For x = (1, 0): v({0}) = 2, v({1}) = 0, v({0,1}) = 0,
    // so φ0 = ½[(2 − 1) + (0 − 0)] = 0.5 and φ1 = ½[(0 − 1) + (0 − 2)] = −1.5.
    const both = shapOf(andTree(), 3, [1, 1, 7]);
    expect(both.base).toBe(1);
    expect([...both.contributions]).toEqual([1.5, 1.5, 0]);
    expect([...shapOf(andTree(), 3, [1, 0, 7]).contributions]).toEqual([0.5, -1.5, 0]);
  });

  it('a missing value follows the split\'s learned default side', () => {
    // Default right: NaN behaves as x0 = 1 (φ = 1.5, 1.5). Default left: f(x) = 0, v({0}) = 0, v({1}) = 2,
    // v({0,1}) = 0, so φ0 = ½[(0 − 1) + (0 − 2)] = −1.5 and φ1 = ½[(2 − 1) + 0] = 0.5.
    expect([...shapOf(andTree(false), 3, [Number.NaN, 1, 0]).contributions]).toEqual([1.5, 1.5, 0]);
    expect([...shapOf(andTree(true), 3, [Number.NaN, 1, 0]).contributions]).toEqual([-1.5, 0.5, 0]);
  });

  it('a feature split on twice along a path (0.3 ≤ x0 < 0.7) matches the brute force', () => {
    const band = flatTree(split(0, 0.3, leaf(-2, 5), split(1, 0.5, split(0, 0.7, leaf(3, 2), leaf(1, 4)), leaf(-1, 3))));
    for (const x of [[0.5, 0.1], [0.9, 0.1], [0.1, 0.9], [Number.NaN, 0.2]]) {
      const expected = bruteForceShapley((known) => conditionalExpectation(band, x, known), 2);
      const got = shapOf(band, 2, x);
      expected.forEach((v, j) => expect(got.contributions[j]).toBeCloseTo(v, 12));
      expect(got.base).toBeCloseTo(conditionalExpectation(band, x, new Set()), 12);
    }
  });
});

describe('TreeSHAP against the brute-force Shapley values', () => {
  it('agrees on 300 random trees up to depth 5 over 4 features, with missing values, repeats and unused features', () => {
    const random = uniform(42);
    for (let trial = 0; trial < 300; trial++) {
      const tree = flatTree(randomTreeSpec(random, 1 + (trial % 5), 4));
      const x = Array.from({ length: 5 }, () => (random() < 0.2 ? Number.NaN : random()));
      const expected = bruteForceShapley((known) => conditionalExpectation(tree, x, known), 5);
      const got = shapOf(tree, 5, x);
      expected.forEach((v, j) => expect(got.contributions[j], `trial ${trial}, feature ${j}`).toBeCloseTo(v, 10));
      // feature 4 is never split on: exactly nothing
      expect(got.contributions[4]).toBe(0);
    }
  });

  it('agrees on a trained boosted model: the sum over its trees of the definition', async () => {
    const random = uniform(9);
    const n = 400;
    const cols = [0, 1, 2, 3].map(() => Array.from({ length: n }, () => random()));
    cols[2] = cols[2]!.map((v) => (v < 0.2 ? Number.NaN : v));
    const y = Array.from({ length: n }, (_v, i) => (cols[0]![i]! + (cols[1]![i]! > 0.5 ? 1 : 0) * cols[3]![i]! + (Number.isNaN(cols[2]![i]!) ? 0.5 : 0) > 1 ? 1 : 0));
    const model = (await gbdtLearner.fit({ x: matrix(...cols), y: target('binary', 2, y) }, null, gbdtLearner.parameters({ nEstimators: 6, maxDepth: 3, minChildWeight: 0 }), context().ctx)) as TreeEnsembleModel;
    for (const x of [[0.1, 0.9, Number.NaN, 0.8], [0.7, 0.2, 0.5, 0.1]]) {
      const value = (known: ReadonlySet<number>) => model.base[0]! + model.trees.reduce((a, t) => a + conditionalExpectation(t, x, known), 0);
      const expected = bruteForceShapley(value, 4);
      const got = treeShapOfRow(model, x, 0)!;
      expected.forEach((v, j) => expect(got.contributions[j]).toBeCloseTo(v, 10));
      expect(got.base).toBeCloseTo(value(new Set()), 10);
    }
  });
});

/** 600 rows: x0, x1 drive the target, x2 has missing values, x3 is constant (so no tree can use it). */
function data(seed: number) {
  const random = uniform(seed);
  const n = 600;
  const x0 = Array.from({ length: n }, () => random() * 4);
  const x1 = Array.from({ length: n }, () => random() * 4);
  const x2 = Array.from({ length: n }, () => (random() < 0.25 ? Number.NaN : random()));
  const signal = x0.map((v, i) => v - x1[i]! + (Number.isNaN(x2[i]!) ? 1 : x2[i]!) + (random() - 0.5));
  return { x: matrix(x0, x1, x2, new Array<number>(n).fill(3)), signal };
}
const classes3 = (s: number) => (s < -0.5 ? 0 : s < 1 ? 1 : 2);
const targets: Record<Target['kind'], (signal: number[]) => Target> = {
  binary: (s) => target('binary', 2, s.map((v) => (v > 0.5 ? 1 : 0))),
  multiclass: (s) => target('multiclass', 3, s.map(classes3)),
  regression: (s) => target('regression', 0, s),
};

describe('TreeSHAP on trained ensembles: local accuracy', () => {
  const cases = [
    ['gbdt', gbdtLearner, { nEstimators: 30, maxDepth: 4, learningRate: 0.3 }],
    ['random_forest', randomForestLearner, { nEstimators: 20, maxDepth: 5 }],
  ] as const;
  for (const [kind, learner, params] of cases) {
    for (const task of ['binary', 'multiclass', 'regression'] as const) {
      it(`${kind}, ${task}: every score column's contributions add up to its raw score minus the base, and the constant column gets 0`, async () => {
        const { x, signal } = data(task.length);
        const model = (await (learner as typeof gbdtLearner).fit({ x, y: targets[task](signal) }, null, learner.parameters(params) as never, context().ctx)) as TreeEnsembleModel;
        const scores = model.scores(x);
        for (const i of [0, 7, 123, 599]) {
          for (let slot = 0; slot < model.outputs; slot++) {
            const { contributions, base } = treeShapOfRow(model, rowOf(x, i), slot)!;
            const sum = contributions.reduce((a, v) => a + v, 0);
            expect(base + sum).toBeCloseTo(scores[i * model.outputs + slot]!, 9);
            expect(contributions[3]).toBe(0);
          }
        }
      });
    }
  }

  it('the base is the expected score: for regression boosting with row-count covers, the training mean of the scores', async () => {
    // Squared error has h = 1, so covers are row counts and each tree's expectation is its mean over the training rows.
    const { x, signal } = data(5);
    const model = (await gbdtLearner.fit({ x, y: targets.regression(signal) }, null, gbdtLearner.parameters({ nEstimators: 10, maxDepth: 3 }), context().ctx)) as TreeEnsembleModel;
    const scores = model.scores(x);
    expect(treeShapOfRow(model, rowOf(x, 0), 0)!.base).toBeCloseTo(scores.reduce((a, v) => a + v, 0) / x.rows, 9);
  });

  it('gives no answer when a tree has no covers to weigh its splits', () => {
    const tree = andTree();
    tree.cover.fill(0);
    expect(treeShapOfRow(single(tree, 3), [1, 1, 1], 0)).toBeNull();
  });
});

describe('TreeSHAP speed', () => {
  it('explains one row of 100 full trees of depth 6 over 30 features in well under a second', () => {
    const random = uniform(3);
    const full = (depth: number): TreeSpec => (depth === 0 ? leaf(random() - 0.5, 1 + Math.floor(random() * 50)) : split(Math.floor(random() * 30), Math.fround(random()), full(depth - 1), full(depth - 1), random() < 0.5));
    const trees = Array.from({ length: 100 }, () => flatTree(full(6)));
    const model = new TreeEnsembleModel('gbdt', 'binary', 2, 30, Float64Array.of(0), trees, false, 100);
    const x = Array.from({ length: 30 }, () => random());
    treeShapOfRow(model, x, 0);
    const started = performance.now();
    const { contributions, base } = treeShapOfRow(model, x, 0)!;
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(250);
    expect(base + contributions.reduce((a, v) => a + v, 0)).toBeCloseTo(model.scores(matrix(...x.map((v) => [v])))[0]!, 9);
  });
});
