import { describe, expect, it } from 'vitest';
import { binsToFetch, displayHistogram, FINE_BINS, quantilesFromBins, ranksFor } from '../../../src/main/engine/data/binned-quantiles';

/** numpy's default (linear) quantile on a sorted copy: the independent reference. */
function numpyQuantile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

/** Bins values the way the SQL does, then answers from only the bins binsToFetch asks for. */
function viaBins(values: number[], probabilities: number[]) {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const width = max > min ? (max - min) / FINE_BINS : 1;
  const binOf = (x: number) => Math.min(Math.floor((x - min) / width), FINE_BINS - 1);
  const counts = new Map<number, number>();
  for (const x of values) counts.set(binOf(x), (counts.get(binOf(x)) ?? 0) + 1);
  const plan = binsToFetch(counts, probabilities);
  const fetched = new Map<number, number[]>(plan.bins.map((b) => [b, values.filter((x) => binOf(x) === b)]));
  return { quantiles: quantilesFromBins(counts, fetched, probabilities), plan, counts };
}

describe('exact quantiles from fine bins', () => {
  const ps = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1];

  it('places ranks like numpy', () => {
    expect(ranksFor(5, 0.05)).toEqual({ lo: 0, hi: 1, frac: expect.closeTo(0.2, 12) });
    expect(ranksFor(5, 1)).toEqual({ lo: 4, hi: 4, frac: 0 });
  });

  it('equals a full sort on skewed data with ties, with and without a far outlier', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const values = Array.from({ length: 30_000 }, () => Math.round(Math.exp(rand() * 6) * 100) / 100);
    const { quantiles, plan } = viaBins(values, ps);
    ps.forEach((p, k) => expect(quantiles[k]).toBe(numpyQuantile(values, p)));
    // the point of the method: only a sliver of the values is fetched
    expect(plan.values).toBeLessThan(values.length / 20);
    // a far outlier crowds everything into a few bins: still exact, just more to fetch
    const crowded = [...values, 1e6];
    ps.forEach((p, k) => expect(viaBins(crowded, ps).quantiles[k]).toBe(numpyQuantile(crowded, p)));
  });

  it('handles one value, a constant column and two values', () => {
    expect(viaBins([3], ps).quantiles).toEqual(ps.map(() => 3));
    expect(viaBins([2, 2, 2, 2], ps).quantiles).toEqual(ps.map(() => 2));
    expect(viaBins([0, 10], [0.5]).quantiles).toEqual([5]);
  });

  it('refuses to answer from a bin it was not given whole', () => {
    const counts = new Map([[0, 3]]);
    expect(() => quantilesFromBins(counts, new Map([[0, [1, 2]]]), [0.5])).toThrow(/not fetched whole/);
  });

  it('folds fine bins into 30 display bins that add up to the count', () => {
    const values = Array.from({ length: 3000 }, (_, i) => i);
    const hist = displayHistogram(viaBins(values, [0.5]).counts);
    expect(hist).toHaveLength(30);
    expect(hist.reduce((a, b) => a + b, 0)).toBe(3000);
    for (const c of hist) expect(Math.abs(c - 100)).toBeLessThanOrEqual(1);
  });
});
