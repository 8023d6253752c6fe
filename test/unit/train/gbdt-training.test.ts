import { describe, expect, it } from 'vitest';
import type { MlcycleError } from '../../../src/shared/contract/errors';
import { gbdtLearner, randomForestLearner } from '../../../src/main/engine/train/gbdt';
import { context, matrix, saved, target, uniform } from './gbdt-helpers';

/** Two informative features (one with 10% missing) and a noise feature; the target is noisy. */
function noisyBinary(rows: number, seed: number) {
  const random = uniform(seed);
  const a: number[] = [];
  const b: number[] = [];
  const c: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < rows; i++) {
    a.push(random() * 4 - 2);
    const bv = random() * 4 - 2;
    b.push(random() < 0.1 ? Number.NaN : bv);
    c.push(random());
    y.push(a[i]! * a[i]! + bv + (random() - 0.5) * 3 > 1.5 ? 1 : 0);
  }
  return { x: matrix(a, b, c), y: target('binary', 2, y) };
}

const logLoss = (p: Float64Array, y: Float64Array) => {
  let s = 0;
  for (let i = 0; i < y.length; i++) s -= Math.log(y[i] === 1 ? p[2 * i + 1]! : p[2 * i]!);
  return s / y.length;
};

describe('gradient-boosted trees: training', () => {
  it('early stopping stops after the given rounds without improvement and keeps the best round', async () => {
    const train = noisyBinary(600, 1);
    const validation = noisyBinary(400, 2);
    const { ctx, points, logs } = context();
    const model = await gbdtLearner.fit(train, validation, gbdtLearner.parameters({ nEstimators: 300, learningRate: 0.5, maxDepth: 6, minChildWeight: 0, earlyStoppingRounds: 5 }), ctx);
    const losses = points.map((p) => p.values.validation_loss!);
    const best = losses.indexOf(Math.min(...losses)) + 1;
    expect(points.length).toBeLessThan(300);
    expect(points.length).toBe(best + 5);
    expect(model.iterations).toBe(best);
    expect(saved(model).trees).toHaveLength(best);
    expect(logLoss(model.predict(validation.x).values, validation.y.values)).toBeCloseTo(losses[best - 1]!, 10);
    expect(points.every((p, i) => p.step === i + 1 && Number.isFinite(p.values.train_loss))).toBe(true);
    expect(logs.some((l) => l.includes(`kept the best ${best} rounds`))).toBe(true);
  });

  it('the curve reports the training loss of the model so far', async () => {
    const train = noisyBinary(300, 3);
    const { ctx, points } = context();
    const model = await gbdtLearner.fit(train, null, gbdtLearner.parameters({ nEstimators: 7 }), ctx);
    expect(points).toHaveLength(7);
    expect(points[6]!.values.train_loss).toBeCloseTo(logLoss(model.predict(train.x).values, train.y.values), 10);
    expect(points[6]!.values.validation_loss).toBeUndefined();
    expect(points[6]!.values.train_loss!).toBeLessThan(points[0]!.values.train_loss!);
  });

  it('the same seed gives the identical model; with subsampling another seed gives another', async () => {
    const { x, y } = noisyBinary(500, 4);
    const params = gbdtLearner.parameters({ nEstimators: 10, subsample: 0.7, colsampleByTree: 0.7 });
    const first = JSON.stringify((await gbdtLearner.fit({ x, y }, null, params, context(7).ctx)).serialise());
    const again = JSON.stringify((await gbdtLearner.fit({ x, y }, null, params, context(7).ctx)).serialise());
    const other = JSON.stringify((await gbdtLearner.fit({ x, y }, null, params, context(8).ctx)).serialise());
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  it('worker threads give the bit-identical model, for depth-wise and leaf-wise growth', async () => {
    // Big enough that nodes are cut into several histogram chunks (65,536 rows each).
    const { x, y } = noisyBinary(150_000, 5);
    for (const growth of ['depthwise', 'leafwise']) {
      const params = { nEstimators: 3, growth, subsample: 0.9 };
      const one = await gbdtLearner.fit({ x, y }, null, gbdtLearner.parameters({ ...params, threads: 1 }), context(3).ctx);
      const run = context(3);
      const three = await gbdtLearner.fit({ x, y }, null, gbdtLearner.parameters({ ...params, threads: 3 }), run.ctx);
      expect(run.logs).toContain('training on 3 threads');
      expect(JSON.stringify(three.serialise())).toBe(JSON.stringify(one.serialise()));
    }
  }, 60_000);

  it('stops with CANCELLED when asked between rounds, on one thread or several', async () => {
    const { x, y } = noisyBinary(300, 6);
    for (const threads of [1, 2]) {
      const { ctx, points } = context(1, 3);
      const fitting = gbdtLearner.fit({ x, y }, null, gbdtLearner.parameters({ nEstimators: 50, threads }), ctx);
      await expect(fitting).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(points).toHaveLength(3);
    }
  });

  it('serialises to plain JSON and restores a model that predicts identically', async () => {
    const { x, y } = noisyBinary(400, 7);
    const model = await gbdtLearner.fit({ x, y }, null, gbdtLearner.parameters({ nEstimators: 15, growth: 'leafwise' }), context().ctx);
    const restored = gbdtLearner.restore(JSON.parse(JSON.stringify(model.serialise())));
    expect(restored.iterations).toBe(15);
    expect(restored.predict(x).values).toEqual(model.predict(x).values);
    expect(() => gbdtLearner.restore({ format: 1, kind: 'random_forest' })).toThrow(/Not a saved gbdt model/);
    const broken = JSON.parse(JSON.stringify(model.serialise()));
    broken.trees[0].left[0] = 0;
    expect(() => gbdtLearner.restore(broken)).toThrow(/points outside the tree/);
  });

  it('refuses bad parameters, naming the parameter and its range', () => {
    const refused = (raw: Record<string, unknown>) => {
      try {
        gbdtLearner.parameters(raw);
      } catch (error) {
        return { message: (error as MlcycleError).message, field: (error as MlcycleError).details?.field, code: (error as MlcycleError).code };
      }
      throw new Error('accepted');
    };
    expect(refused({ learningRate: 0 })).toEqual({ code: 'INVALID_ARGUMENT', field: 'params.learningRate', message: expect.stringMatching(/learningRate must be between 0.000001 and 1/) });
    expect(refused({ maxBins: 300 })).toMatchObject({ field: 'params.maxBins', message: expect.stringMatching(/between 2 and 255/) });
    expect(refused({ maxDepth: 2.5 })).toMatchObject({ field: 'params.maxDepth', message: expect.stringMatching(/whole number/) });
    expect(refused({ subsample: 1.5 })).toMatchObject({ field: 'params.subsample' });
    expect(refused({ growth: 'sideways' })).toMatchObject({ field: 'params.growth', message: expect.stringMatching(/depthwise, leafwise/) });
    expect(refused({ maxDepth: 0 })).toMatchObject({ field: 'params.maxDepth', message: expect.stringMatching(/maxLeaves/) });
    expect(refused({ learning_rate: 0.1 })).toMatchObject({ field: 'params.learning_rate', message: expect.stringMatching(/Unknown parameter learning_rate/) });
    expect(gbdtLearner.parameters({ growth: 'leafwise' })).toMatchObject({ maxDepth: 0, maxLeaves: 31 });
    expect(gbdtLearner.parameters({ learningRate: '0.3', maxDepth: '4' })).toMatchObject({ learningRate: 0.3, maxDepth: 4 });
  });

  it('refuses class indices outside the classes', async () => {
    await expect(gbdtLearner.fit({ x: matrix([1, 2]), y: target('binary', 2, [0, 2]) }, null, gbdtLearner.parameters({}), context().ctx)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', details: { field: 'target' } });
  });
});

describe('random forest from the same trees', () => {
  it('one unbootstrapped stump is the CART stump: leaves are the means', async () => {
    const model = await randomForestLearner.fit(
      { x: matrix([1, 2, 3, 4]), y: target('regression', 0, [1, 2, 6, 7]) },
      null,
      randomForestLearner.parameters({ nEstimators: 1, bootstrap: false, maxDepth: 1, colsampleByNode: 1, minChildWeight: 0 }),
      context().ctx,
    );
    expect(saved(model).trees[0]!.threshold[0]).toBe(2.5);
    expect([...model.predict(matrix([2, 3])).values]).toEqual([1.5, 6.5]);
  });

  it('averages bootstrapped trees into class frequencies', async () => {
    const train = noisyBinary(800, 8);
    const test = noisyBinary(400, 9);
    const model = await randomForestLearner.fit(train, test, randomForestLearner.parameters({ nEstimators: 30, maxDepth: 6 }), context().ctx);
    const p = model.predict(test.x);
    let correct = 0;
    for (let i = 0; i < p.rows; i++) {
      expect(p.values[2 * i]! + p.values[2 * i + 1]!).toBeCloseTo(1, 12);
      expect(p.values[2 * i + 1]!).toBeGreaterThanOrEqual(0);
      if ((p.values[2 * i + 1]! > 0.5 ? 1 : 0) === test.y.values[i]) correct++;
    }
    expect(correct / p.rows).toBeGreaterThan(0.75);
    const restored = randomForestLearner.restore(JSON.parse(JSON.stringify(model.serialise())));
    expect(restored.predict(test.x).values).toEqual(p.values);
  });

  it('multiclass: one tree per class, renormalised to sum to 1', async () => {
    const a = Array.from({ length: 300 }, (_, i) => (i % 100) / 100);
    const y = a.map((v) => (v < 0.33 ? 0 : v < 0.66 ? 1 : 2));
    const model = await randomForestLearner.fit({ x: matrix(a), y: target('multiclass', 3, y) }, null, randomForestLearner.parameters({ nEstimators: 5 }), context().ctx);
    const p = model.predict(matrix([0.1, 0.5, 0.9]));
    for (let i = 0; i < 3; i++) {
      expect(p.values[3 * i]! + p.values[3 * i + 1]! + p.values[3 * i + 2]!).toBeCloseTo(1, 12);
      expect(p.values[3 * i + i]).toBeGreaterThan(0.9);
    }
  });
});
