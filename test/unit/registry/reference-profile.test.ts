import { describe, expect, it } from 'vitest';
import { binOf, categoricalReference, classificationReference, numericReference, regressionReference } from '../../../src/main/engine/registry/reference-profile';

describe('reference profile for drift monitoring', () => {
  it('cuts numbers at the training deciles, counts a tenth per bin and missing apart', () => {
    // 1 … 100 and two missing: deciles at 1, 10.9, 20.8, … 100 (numpy linear interpolation).
    const values = Float64Array.from([...Array.from({ length: 100 }, (_, i) => i + 1), Number.NaN, Number.NaN]);
    const r = numericReference('x', values);
    expect(r.edges).toHaveLength(11);
    expect(r.edges[0]).toBe(1);
    expect(r.edges[1]).toBeCloseTo(10.9, 12);
    expect(r.edges[10]).toBe(100);
    expect(r.counts).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
    expect(r.missing).toBe(2);
    expect(r.mean).toBe(50.5);
    // Sample standard deviation of 1 … 100: sqrt(100·101/12) = 29.011…
    expect(r.std).toBeCloseTo(Math.sqrt((100 * 101) / 12), 10);
    expect(r.sample[0]).toBe(1);
    expect(r.sample.at(-1)).toBe(100);
  });

  it('keeps distinct edges only, so a column of few values has few bins', () => {
    const r = numericReference('flag', Float64Array.from([0, 0, 0, 0, 0, 0, 0, 1, 1, 1]));
    // Deciles of seven 0s and three 1s: 0 up to the 60th percentile, then 0.3, 1, 1, 1.
    expect(r.edges).toHaveLength(3);
    expect(r.edges[1]).toBeCloseTo(0.3, 12);
    expect([r.edges[0], r.edges[2]]).toEqual([0, 1]);
    expect(r.counts).toEqual([7, 3]);
  });

  it('puts values outside the training range in the end bins', () => {
    expect(binOf([0, 1, 2, 3], -5)).toBe(0);
    expect(binOf([0, 1, 2, 3], 1)).toBe(1);
    expect(binOf([0, 1, 2, 3], 2.5)).toBe(2);
    expect(binOf([0, 1, 2, 3], 99)).toBe(2);
  });

  it('counts categories and missing values', () => {
    expect(categoricalReference('city', ['a', 'b', 'a', null, 'a'])).toEqual({ name: 'city', kind: 'categorical', frequencies: { a: 3, b: 1 }, missing: 1 });
  });

  it('describes predictions: label counts and the confidence histogram; deciles for regression', () => {
    const p = classificationReference(['no', 'yes'], Float64Array.from([0.9, 0.1, 0.3, 0.7, 0.45, 0.55]));
    expect(p).toMatchObject({ kind: 'classification', labelCounts: [1, 2] });
    // Confidences 0.9, 0.7, 0.55 fall in bins [0.9, 1], [0.7, 0.8) and [0.5, 0.6).
    if (p.kind !== 'classification') throw new Error('classification expected');
    expect(p.confidence.counts).toEqual([0, 0, 0, 0, 0, 1, 0, 1, 0, 1]);
    const r = regressionReference(Float64Array.from([1, 2, 3, 4, 5]));
    expect(r).toMatchObject({ kind: 'regression', mean: 3 });
  });
});

describe('serving name', () => {
  it('makes a run name safe for a URL path and a model folder', async () => {
    const { servingName } = await import('../../../src/main/engine/registry/package-docs');
    expect(servingName('logistic on churn@2')).toBe('logistic-on-churn-2');
    expect(servingName('GBDT v1.2 (best)')).toBe('gbdt-v1.2-best');
    expect(servingName('../../etc')).toBe('etc');
    expect(servingName('@@@')).toBe('model');
  });
});
