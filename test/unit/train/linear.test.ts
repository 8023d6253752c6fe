import { describe, expect, it } from 'vitest';
import type { FeatureMatrix, FitContext, Target } from '../../../src/main/engine/train/learner';
import { linearLearner } from '../../../src/main/engine/train/linear/ridge';
import { logisticLearner } from '../../../src/main/engine/train/linear/logistic';

const matrix = (...columns: number[][]): FeatureMatrix => ({ rows: columns[0]!.length, names: columns.map((_c, j) => `x${j}`), columns: columns.map((c) => Float64Array.from(c)) });
const target = (kind: Target['kind'], classes: number, values: number[]): Target => ({ kind, classes, values: Float64Array.from(values) });
const ctx = (cancelAfter = Infinity): FitContext & { points: number } => {
  let points = 0;
  return {
    seed: 1,
    progress() {},
    curve() {
      points++;
    },
    isCancelled: () => points >= cancelAfter,
    log() {},
    get points() {
      return points;
    },
  };
};

describe('linear regression (ridge, exact)', () => {
  it('recovers the coefficients of noise-free data', async () => {
    const x1 = [1, 2, 3, 4, 5, 6];
    const x2 = [0, 1, 0, 2, 1, 3];
    const y = x1.map((v, i) => 2 * v - 3 * x2[i]! + 5);
    const model = await linearLearner.fit({ x: matrix(x1, x2), y: target('regression', 0, y) }, null, linearLearner.parameters({ l2: 0 }), ctx());
    const s = model.serialise() as { weights: number[]; intercept: number };
    expect(s.weights[0]).toBeCloseTo(2, 10);
    expect(s.weights[1]).toBeCloseTo(-3, 10);
    expect(s.intercept).toBeCloseTo(5, 10);
  });

  it('shrinks by the closed form w = Sxy / (Sxx + λ) with one feature', async () => {
    // x = 0..4 (mean 2), y = 1, 3, 2, 5, 4 (mean 3): Sxx = mean((x−2)²) = 2, Sxy = mean((x−2)(y−3)) = (4 + 0 + 0 + 2 + 2) / 5 = 1.6
    const model = await linearLearner.fit({ x: matrix([0, 1, 2, 3, 4]), y: target('regression', 0, [1, 3, 2, 5, 4]) }, null, linearLearner.parameters({ l2: 0.5 }), ctx());
    const s = model.serialise() as { weights: number[]; intercept: number };
    expect(s.weights[0]).toBeCloseTo(1.6 / 2.5, 12);
    expect(s.intercept).toBeCloseTo(3 - 2 * (1.6 / 2.5), 12);
  });

  it('names duplicate columns instead of returning nonsense', async () => {
    await expect(linearLearner.fit({ x: matrix([1, 2, 3], [1, 2, 3]), y: target('regression', 0, [1, 2, 3]) }, null, linearLearner.parameters({ l2: 0 }), ctx())).rejects.toThrow(/linearly dependent/);
  });
});

describe('logistic regression (L-BFGS)', () => {
  it('finds the maximum-likelihood answer worked by hand', async () => {
    // x = +1: 3 of 4 positive; x = −1: 1 of 4 positive. Unpenalised MLE: logit(0.75) = ln 3 at x = 1,
    // logit(0.25) = −ln 3 at x = −1, so w = ln 3 and b = 0.
    const x = [1, 1, 1, 1, -1, -1, -1, -1];
    const y = [1, 1, 1, 0, 1, 0, 0, 0];
    const model = await logisticLearner.fit({ x: matrix(x), y: target('binary', 2, y) }, null, logisticLearner.parameters({ l2: 0, tolerance: 1e-14 }), ctx());
    const s = model.serialise() as { weights: number[] };
    expect(s.weights[0]).toBeCloseTo(Math.log(3), 5);
    expect(s.weights[1]).toBeCloseTo(0, 5);
    const p = model.predict(matrix([1, -1])).values;
    expect([...p]).toEqual([expect.closeTo(0.25, 5), expect.closeTo(0.75, 5), expect.closeTo(0.75, 5), expect.closeTo(0.25, 5)]);
  });

  it('meets the optimality condition mean((p − y)·x) + λw = 0 with L2, binary and multinomial', async () => {
    let seed = 3;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const n = 500;
    const a = Array.from({ length: n }, () => rand() * 4 - 2);
    const b = Array.from({ length: n }, () => rand() * 4 - 2);
    const l2 = 0.01;
    for (const classes of [2, 3]) {
      const y = a.map((v, i) => (classes === 2 ? Number(v + b[i]! + rand() - 0.5 > 0) : Math.min(2, Math.floor((v + 2 + rand()) / 1.7))));
      const x = matrix(a, b);
      const model = await logisticLearner.fit({ x, y: target(classes === 2 ? 'binary' : 'multiclass', classes, y) }, null, logisticLearner.parameters({ l2, tolerance: 1e-15 }), ctx());
      const p = model.predict(x).values;
      const weights = (model.serialise() as { weights: number[] }).weights;
      // binary keeps one weight row (for the positive class); multinomial one per class
      for (let k = classes === 2 ? 1 : 0; k < classes; k++) {
        const row = classes === 2 ? 0 : k;
        for (const [j, column] of [a, b].entries()) {
          let g = 0;
          for (let i = 0; i < n; i++) g += (p[i * classes + k]! - Number(y[i] === k)) * column[i]!;
          expect(g / n + l2 * weights[row * 3 + j]!).toBeCloseTo(0, 5);
        }
      }
      for (let i = 0; i < n; i++) expect(p[i * classes]! + p[i * classes + 1]! + (classes === 3 ? p[i * classes + 2]! : 0)).toBeCloseTo(1, 12);
    }
  });

  it('on many rows starts from a twentieth of them and still meets the optimality condition, six features, binary and multinomial', async () => {
    // 250,000 rows is past the warm-start threshold; six features run the four-column loops and the remainder.
    let seed = 11;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const n = 250_000;
    const columns = Array.from({ length: 6 }, () => Array.from({ length: n }, () => rand() * 2 - 1));
    const l2 = 1e-3;
    for (const classes of [2, 3]) {
      const score = (i: number) => columns.reduce((s, c, j) => s + (j - 2.5) * 0.4 * c[i]!, 0) + rand() - 0.5;
      const y = Array.from({ length: n }, (_, i) => (classes === 2 ? Number(score(i) > 0) : Math.min(2, Math.max(0, Math.floor(score(i) + 1.5)))));
      const x = matrix(...columns);
      const logs: string[] = [];
      const model = await logisticLearner.fit({ x, y: target(classes === 2 ? 'binary' : 'multiclass', classes, y) }, null, logisticLearner.parameters({ l2, tolerance: 1e-12 }), { ...ctx(), log: (m) => logs.push(m) });
      expect(logs.join('\n')).toMatch(/warm start: \d+ L-BFGS iterations on 12,544 of 250,000 rows/);
      const p = model.predict(x).values;
      const weights = (model.serialise() as { weights: number[] }).weights;
      for (let k = classes === 2 ? 1 : 0; k < classes; k++) {
        const row = classes === 2 ? 0 : k;
        for (const [j, column] of columns.entries()) {
          let g = 0;
          for (let i = 0; i < n; i++) g += (p[i * classes + k]! - Number(y[i] === k)) * column[i]!;
          expect(Math.abs(g / n + l2 * weights[row * 7 + j]!)).toBeLessThan(1e-5);
        }
      }
    }
  });

  it('streams a loss curve, stops on cancel, and restores to the same predictions', async () => {
    const x = matrix([0, 1, 2, 3, 4, 5, 6, 7], [1, 0, 1, 0, 1, 0, 1, 1]);
    const y = target('binary', 2, [0, 0, 0, 1, 0, 1, 1, 1]);
    const c = ctx();
    const model = await logisticLearner.fit({ x, y }, { x, y }, logisticLearner.parameters({}), c);
    expect(c.points).toBeGreaterThan(1);
    expect([...logisticLearner.restore(JSON.parse(JSON.stringify(model.serialise()))).predict(x).values]).toEqual([...model.predict(x).values]);
    await expect(logisticLearner.fit({ x, y }, null, logisticLearner.parameters({}), ctx(2))).rejects.toThrow(/cancelled/);
  });

  it('refuses parameters out of range, naming them', () => {
    expect(() => logisticLearner.parameters({ l2: -1 })).toThrow(/l2 must be between 0/);
    expect(() => logisticLearner.parameters({ maxIterations: '2.5' })).toThrow(/maxIterations must be a whole number/);
  });
});
