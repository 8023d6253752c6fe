import { describe, expect, it } from 'vitest';
import { bestThreshold, rankScores, thresholdPoint, thresholdSweep } from '../../../src/shared/ml';

// y = [0,0,1,1], p₁ = [0.1, 0.4, 0.35, 0.8] throughout.
const y = [0, 0, 1, 1];
const p = [0.1, 0.4, 0.35, 0.8];

describe('threshold sweep', () => {
  const sweep = thresholdSweep(y, p, { at: 0.6 });

  it('has 101 thresholds 0, 0.01, …, 1', () => {
    expect(sweep.points).toHaveLength(101);
    expect(sweep.points[29]!.threshold).toBe(0.29);
    expect(sweep.points[100]!.threshold).toBe(1);
    expect([sweep.n, sweep.positives, sweep.negatives]).toEqual([4, 2, 2]);
  });

  it('counts p ≥ t as flagged, at a known threshold', () => {
    // t = 0.35 flags 0.4 (neg), 0.35 (pos), 0.8 (pos): TP 2, FP 1, TN 1, FN 0.
    // precision ⅔, recall 1, F1 2·2/(4+1+0) = 0.8, FPR ½, accuracy ¾, flagged ¾.
    expect(sweep.points[35]).toEqual({
      threshold: 0.35,
      tp: 2,
      fp: 1,
      tn: 1,
      fn: 0,
      precision: 2 / 3,
      recall: 1,
      f1: 0.8,
      fpr: 0.5,
      accuracy: 0.75,
      predictedPositiveRate: 0.75,
    });
  });

  it('answers the exact threshold asked for, between grid points', () => {
    // t = 0.6 flags only 0.8: TP 1, FP 0 → precision 1, recall ½, F1 ⅔, FPR 0, accuracy ¾, flagged ¼.
    expect(sweep.at).toMatchObject({ tp: 1, fp: 0, precision: 1, recall: 0.5, f1: 2 / 3, fpr: 0, accuracy: 0.75, predictedPositiveRate: 0.25 });
  });

  it('uses zero_division = 0 at the ends', () => {
    // t = 0 flags all: precision ½, recall 1, FPR 1. t = 1 flags none: precision 0 (nothing flagged), recall 0, accuracy ½.
    expect(sweep.points[0]).toMatchObject({ precision: 0.5, recall: 1, fpr: 1, predictedPositiveRate: 1 });
    expect(sweep.points[100]).toMatchObject({ precision: 0, recall: 0, f1: 0, fpr: 0, accuracy: 0.5, predictedPositiveRate: 0 });
  });

  it('agrees with a point asked of the ranking directly (what a slider calls)', () => {
    expect(thresholdPoint(rankScores(y, p), 0.4)).toMatchObject({ tp: 1, fp: 1, precision: 0.5 });
  });
});

describe('best threshold', () => {
  it('maximises F1 over the distinct scores', () => {
    // F1 = 2TP/(TP + FP + P): at 0.8 → 2/3; 0.4 → 2/4; 0.35 → 4/5; 0.1 → 4/6. Best: 0.35 with 0.8.
    expect(bestThreshold(y, p, 'f1')).toMatchObject({ threshold: 0.35, value: 0.8 });
  });

  it('maximises Youden’s J, taking the highest threshold on a tie', () => {
    // J = TPR − FPR: 0.8 → ½ − 0; 0.4 → ½ − ½; 0.35 → 1 − ½; 0.1 → 1 − 1. 0.8 and 0.35 tie at ½: the higher wins.
    expect(bestThreshold(y, p, 'youden')).toMatchObject({ threshold: 0.8, value: 0.5 });
    // Balanced accuracy = (1 + J)/2 picks the same threshold.
    expect(bestThreshold(y, p, 'balanced_accuracy')).toMatchObject({ threshold: 0.8, value: 0.75 });
  });

  it('is null when only one class is present', () => {
    expect(bestThreshold([1, 1], [0.3, 0.7], 'f1')).toBeNull();
  });
});
