import { describe, expect, it } from 'vitest';
import { gbdtLearner } from '../../../src/main/engine/train/gbdt';
import { context, matrix, saved, target } from './gbdt-helpers';

const fit = (x: number[][], y: ReturnType<typeof target>, params: Record<string, unknown>) => gbdtLearner.fit({ x: matrix(...x), y }, null, gbdtLearner.parameters(params), context().ctx);
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('gradient-boosted trees: the first tree, worked by hand', () => {
  it('regression: splits where ½[G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)] is largest, leaves −G/(H+λ)·η', async () => {
    // y = 1, 2, 6, 7: base = mean = 4, g = ŷ − y = 3, 2, −2, −3, h = 1. With λ = 1 the cuts score
    //   x < 1.5: 3²/2 + 3²/4 = 6.75;  x < 2.5: 5²/3 + 5²/3 = 16.67;  x < 3.5: 6.75 (G = 0, so no parent term)
    // so the root splits at 2.5 with gain ½·50/3 = 25/3, leaves −5/3·η and +5/3·η (η = 0.5).
    const model = await fit([[1, 2, 3, 4]], target('regression', 0, [1, 2, 6, 7]), { nEstimators: 1, maxDepth: 1, lambda: 1, learningRate: 0.5, minChildWeight: 0 });
    const s = saved(model);
    expect(s.base).toEqual([4]);
    const tree = s.trees[0]!;
    expect(tree.feature).toEqual([0, -1, -1]);
    expect(tree.threshold[0]).toBe(2.5);
    expect(tree.gain[0]).toBeCloseTo(25 / 3, 12);
    expect(tree.value[1]).toBeCloseTo(-5 / 6, 12);
    expect(tree.value[2]).toBeCloseTo(5 / 6, 12);
    expect(tree.cover).toEqual([4, 2, 2]);
    expect([...model.predict(matrix([1, 2, 3, 4])).values]).toEqual([expect.closeTo(4 - 5 / 6, 12), expect.closeTo(4 - 5 / 6, 12), expect.closeTo(4 + 5 / 6, 12), expect.closeTo(4 + 5 / 6, 12)]);
  });

  it('binary log loss: hessians p(1 − p), base log-odds of the prior', async () => {
    // y = 0, 0, 1, 1: prior ½, base 0, p = ½, g = p − y = ½, ½, −½, −½, h = ¼. With λ = 1, η = 1:
    //   x < 2.5: G_L = 1, H_L = ½ → 1/1.5 twice = 4/3, gain 2/3, leaves ∓1/1.5 = ∓2/3
    //   x < 1.5: 0.25/1.25 + 0.25/1.75 = 0.343 (worse)
    const model = await fit([[1, 2, 3, 4]], target('binary', 2, [0, 0, 1, 1]), { nEstimators: 1, maxDepth: 1, lambda: 1, learningRate: 1, minChildWeight: 0 });
    const tree = saved(model).trees[0]!;
    expect(saved(model).base).toEqual([0]);
    expect(tree.threshold[0]).toBe(2.5);
    expect(tree.gain[0]).toBeCloseTo(2 / 3, 12);
    expect(tree.value.slice(1)).toEqual([expect.closeTo(-2 / 3, 12), expect.closeTo(2 / 3, 12)]);
    expect(tree.cover).toEqual([1, 0.5, 0.5]);
    const p = model.predict(matrix([1, 4])).values;
    expect(p[1]).toBeCloseTo(sigmoid(-2 / 3), 12);
    expect(p[0]).toBeCloseTo(1 - sigmoid(-2 / 3), 12);
    expect(p[3]).toBeCloseTo(sigmoid(2 / 3), 12);
  });

  it('min_child_weight on the hessian sums prevents the split (each side has H = 0.5 above)', async () => {
    const y = target('binary', 2, [0, 0, 1, 1]);
    const blocked = saved(await fit([[1, 2, 3, 4]], y, { nEstimators: 1, maxDepth: 1, lambda: 1, learningRate: 1, minChildWeight: 0.6 }));
    expect(blocked.trees[0]!.feature).toEqual([-1]);
    expect(blocked.trees[0]!.value).toEqual([0]);
    const allowed = saved(await fit([[1, 2, 3, 4]], y, { nEstimators: 1, maxDepth: 1, lambda: 1, learningRate: 1, minChildWeight: 0.5 }));
    expect(allowed.trees[0]!.feature).toEqual([0, -1, -1]);
  });

  it('gamma: a split must reduce the loss by more than gamma (the gain above is 2/3)', async () => {
    const y = target('binary', 2, [0, 0, 1, 1]);
    const params = { nEstimators: 1, maxDepth: 1, lambda: 1, learningRate: 1, minChildWeight: 0 };
    expect(saved(await fit([[1, 2, 3, 4]], y, { ...params, gamma: 0.7 })).trees[0]!.feature).toEqual([-1]);
    expect(saved(await fit([[1, 2, 3, 4]], y, { ...params, gamma: 0.6 })).trees[0]!.feature).toEqual([0, -1, -1]);
  });

  it('learns where missing values go: with the high side when they behave like it', async () => {
    // y = 0, 0, 1, 1 for x = 1…4 and 1, 1 for two missing x. Base log 2 (p = 2/3), g = 2/3 or −1/3, h = 2/9.
    // Cut 2.5 with missing right: G_L = 4/3, H_L = 4/9 | G_R = −4/3, H_R = 8/9 → (16/9)/(13/9) + (16/9)/(17/9) = 2.172
    // with missing left: G_L = 2/3, H_L = 8/9 | G_R = −2/3, H_R = 4/9 → 4/17 + 4/13 = 0.543. So missing goes right.
    const model = await fit([[1, 2, 3, 4, Number.NaN, Number.NaN]], target('binary', 2, [0, 0, 1, 1, 1, 1]), { nEstimators: 1, maxDepth: 1, lambda: 1, learningRate: 1, minChildWeight: 0 });
    const tree = saved(model).trees[0]!;
    expect(tree.threshold[0]).toBe(2.5);
    expect(tree.defaultLeft[0]).toBe(0);
    expect(tree.gain[0]).toBeCloseTo(0.5 * (16 / 13 + 16 / 17 - 0), 10);
    const p = model.predict(matrix([Number.NaN, 4, 1])).values;
    expect(p[1]).toBe(p[3]);
    expect(p[1]).toBeGreaterThan(p[5]!);
  });

  it('…and with the low side when they behave like that', async () => {
    const model = await fit([[1, 2, 3, 4, Number.NaN, Number.NaN]], target('binary', 2, [0, 0, 1, 1, 0, 0]), { nEstimators: 1, maxDepth: 1, lambda: 1, learningRate: 1, minChildWeight: 0 });
    expect(saved(model).trees[0]!.defaultLeft[0]).toBe(1);
    const p = model.predict(matrix([Number.NaN, 1])).values;
    expect(p[1]).toBe(p[3]);
  });

  it('without missing values in training, future ones follow the heavier child', async () => {
    const model = await fit([[1, 2, 3, 4, 5, 6]], target('regression', 0, [0, 0, 0, 0, 10, 10]), { nEstimators: 1, maxDepth: 1, lambda: 0, learningRate: 1, minChildWeight: 0 });
    const tree = saved(model).trees[0]!;
    expect(tree.threshold[0]).toBe(4.5);
    expect(tree.defaultLeft[0]).toBe(1);
  });
});

describe('gradient-boosted trees: growth policies', () => {
  // x = 1…8, y = 0 2 0 2 20 20 40 40. The root splits at 4.5 (left SSE 4, right 400). Its left child
  // can gain at most 1.33 (SSE), its right child 400 (cut at 6.5). With λ = 0 and η = 1 leaves are means.
  const x = [[1, 2, 3, 4, 5, 6, 7, 8]];
  const y = target('regression', 0, [0, 2, 0, 2, 20, 20, 40, 40]);
  const params = { nEstimators: 1, lambda: 0, learningRate: 1, minChildWeight: 0, maxLeaves: 3 };

  it('leaf-wise spends the third leaf on the split with the largest gain', async () => {
    const model = await fit(x, y, { ...params, growth: 'leafwise' });
    const tree = saved(model).trees[0]!;
    expect(tree.threshold[0]).toBe(4.5);
    expect(tree.feature[1]).toBe(-1);
    expect(tree.feature[2]).toBe(0);
    expect(tree.threshold[2]).toBe(6.5);
    expect([...model.predict(matrix([1, 5, 8])).values]).toEqual([expect.closeTo(1, 12), expect.closeTo(20, 12), expect.closeTo(40, 12)]);
  });

  it('depth-wise splits level by level, left to right, whatever the gain', async () => {
    const model = await fit(x, y, { ...params, growth: 'depthwise', maxDepth: 2 });
    const tree = saved(model).trees[0]!;
    expect(tree.feature[1]).toBe(0);
    expect(tree.feature[2]).toBe(-1);
    expect(model.predict(matrix([8])).values[0]).toBeCloseTo(30, 12);
  });

  it('depth-wise with no leaf limit splits both children (four leaves at depth 2)', async () => {
    const tree = saved(await fit(x, y, { nEstimators: 1, lambda: 0, learningRate: 1, minChildWeight: 0, maxDepth: 2 })).trees[0]!;
    expect(tree.feature.filter((f) => f === -1)).toHaveLength(4);
  });
});

describe('gradient-boosted trees: tasks', () => {
  it('recovers a step function (regression)', async () => {
    const xs = Array.from({ length: 400 }, (_, i) => i / 400);
    const step = (v: number) => (v < 0.3 ? 1 : v < 0.7 ? 5 : 2);
    const model = await fit([xs], target('regression', 0, xs.map(step)), { nEstimators: 60, learningRate: 0.3, maxDepth: 2, minChildWeight: 0 });
    const probe = [0.05, 0.29, 0.31, 0.5, 0.69, 0.71, 0.95];
    const p = model.predict(matrix(probe)).values;
    probe.forEach((v, i) => expect(p[i]).toBeCloseTo(step(v), 3));
    const thresholds = saved(model).trees[0]!.threshold.filter((_t, i) => saved(model).trees[0]!.feature[i]! >= 0);
    expect(thresholds.some((t) => Math.abs(t - 0.3) < 0.003)).toBe(true);
  });

  it('multiclass: one tree per class per round, probabilities summing to 1', async () => {
    const a = Array.from({ length: 300 }, (_, i) => (i % 100) / 100);
    const b = Array.from({ length: 300 }, (_, i) => ((i * 37) % 100) / 100);
    const y = a.map((v, i) => (v < 0.33 ? 0 : b[i]! < 0.5 ? 1 : 2));
    const model = await fit([a, b], target('multiclass', 3, y), { nEstimators: 20, maxDepth: 3 });
    expect(saved(model).trees).toHaveLength(60);
    const p = model.predict(matrix(a, b));
    expect(p.width).toBe(3);
    let correct = 0;
    for (let i = 0; i < p.rows; i++) {
      const row = [p.values[3 * i]!, p.values[3 * i + 1]!, p.values[3 * i + 2]!];
      expect(row[0]! + row[1]! + row[2]!).toBeCloseTo(1, 12);
      if (row.indexOf(Math.max(...row)) === y[i]) correct++;
    }
    expect(correct / p.rows).toBeGreaterThan(0.97);
  });

  it('thresholds are float32 values, so a float32 runtime decides as predict does', async () => {
    const xs = Array.from({ length: 200 }, (_, i) => 1 + i * 0.0123456789);
    const model = await fit([xs], target('regression', 0, xs.map((v) => Math.sin(v))), { nEstimators: 5, maxDepth: 4 });
    for (const tree of saved(model).trees) for (const t of tree.threshold) expect(Math.fround(t)).toBe(t);
    const as32 = xs.map((v) => Math.fround(v));
    expect(model.predict(matrix(as32)).values).toEqual(model.predict(matrix(xs)).values);
  });

  it('values that float32 cannot tell apart are never split apart', async () => {
    const model = await fit([[1, 1 + 1e-12, 1, 1 + 1e-12]], target('regression', 0, [0, 10, 0, 10]), { nEstimators: 1, maxDepth: 1, minChildWeight: 0 });
    expect(saved(model).trees[0]!.feature).toEqual([-1]);
  });
});
