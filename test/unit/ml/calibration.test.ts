import { describe, expect, it } from 'vitest';
import { calibrationCurve } from '../../../src/shared/ml';

describe('calibration curve', () => {
  it('bins uniformly and compares mean prediction with the share of positives', () => {
    // Two bins [0, 0.5] and (0.5, 1]. Bin 1: p 0.1, 0.2, 0.2, 0.5 (0.5 sits on the inner edge → lower bin),
    // y 0, 0, 1, 1 → mean p 1.0/4 = 0.25, positives 2/4. Bin 2: p 0.8, 0.9, y 1, 1 → mean 0.85, positives 1.
    const bins = calibrationCurve([0, 0, 1, 1, 1, 1], [0.1, 0.2, 0.2, 0.5, 0.8, 0.9], 2);
    expect(bins).toHaveLength(2);
    expect(bins[0]).toMatchObject({ lower: 0, upper: 0.5, fractionPositive: 0.5, count: 4 });
    expect(bins[0]!.meanPredicted).toBeCloseTo(0.25, 12);
    expect(bins[1]).toMatchObject({ lower: 0.5, upper: 1, fractionPositive: 1, count: 2 });
    expect(bins[1]!.meanPredicted).toBeCloseTo(0.85, 12);
  });

  it('leaves out empty bins', () => {
    // Ten bins; only [0.1, 0.2] (holding 0.15) and (0.9, 1] (holding 0.95, 1.0) have rows.
    const bins = calibrationCurve([0, 1, 1], [0.15, 0.95, 1], 10);
    expect(bins.map((b) => [b.lower, b.upper, b.count])).toEqual([
      [0.1, 0.2, 1],
      [0.9, 1, 2],
    ]);
  });

  it('puts quantile edges at the data’s percentiles (numpy linear interpolation)', () => {
    // p = 0.1, 0.2, 0.3, 0.4 → 0th/50th/100th percentiles 0.1, 0.25, 0.4: two rows per bin.
    const bins = calibrationCurve([0, 1, 1, 1], [0.1, 0.2, 0.3, 0.4], 2, 'quantile');
    expect(bins.map((b) => b.count)).toEqual([2, 2]);
    expect(bins[0]!.upper).toBeCloseTo(0.25, 12);
    expect(bins[0]!.fractionPositive).toBe(0.5);
    expect(bins[1]!.meanPredicted).toBeCloseTo(0.35, 12);
  });

  it('refuses probabilities outside [0, 1]', () => {
    expect(() => calibrationCurve([0, 1], [0.2, 1.2])).toThrow(/position 1 is 1.2/);
  });
});
