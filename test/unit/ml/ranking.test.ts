import { describe, expect, it } from 'vitest';
import { aucOf, averagePrecisionOf, classificationMetrics, prCurve, rankScores, rocCurve, thresholdPoint } from '../../../src/shared/ml';

describe('ROC AUC', () => {
  it('counts ordered pairs: y=[0,0,1,1], p=[0.1,0.4,0.35,0.8] → 0.75', () => {
    // Positive 0.35 beats negative 0.1 but not 0.4 (1 pair); positive 0.8 beats both (2 pairs): 3 / (2·2) = 0.75.
    expect(aucOf(rankScores([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]))).toBe(0.75);
  });

  it('counts a positive tied with a negative as half a pair', () => {
    // y=[0,1,0,1], p=[0.2,0.5,0.5,0.9]. Positive 0.5: beats 0.2 (1), ties 0.5 (½). Positive 0.9: beats both (2).
    // (1 + ½ + 2) / (2·2) = 3.5 / 4 = 0.875. (Ignoring the tie would give 0.75 or 1.0 depending on row order.)
    expect(aucOf(rankScores([0, 1, 0, 1], [0.2, 0.5, 0.5, 0.9]))).toBe(0.875);
    expect(aucOf(rankScores([1, 0, 1, 0], [0.5, 0.5, 0.9, 0.2]))).toBe(0.875);
  });

  it('groups equal scores into one step, across classes', () => {
    // Distinct scores high → low: 0.9 {pos}, 0.5 {pos, neg}, 0.2 {neg}; cumulative (tp, fp) = (1,0), (2,1), (2,2).
    const r = rankScores([0, 1, 0, 1], [0.2, 0.5, 0.5, 0.9]);
    expect([...r.thresholds]).toEqual([0.9, 0.5, 0.2]);
    expect([...r.tps]).toEqual([1, 2, 2]);
    expect([...r.fps]).toEqual([0, 1, 2]);
  });

  it('is null, not NaN, when only one class is present', () => {
    expect(aucOf(rankScores([1, 1, 1], [0.2, 0.5, 0.9]))).toBeNull();
    expect(aucOf(rankScores([0, 0], [0.2, 0.5]))).toBeNull();
    expect(rocCurve([0, 0], [0.2, 0.5])).toEqual({ fpr: [], tpr: [], thresholds: [], auc: null, totalPoints: 0 });
  });

  it('refuses NaN scores and mismatched lengths with a sentence', () => {
    expect(() => rankScores([0, 1], [0.2, NaN])).toThrow(/score at row 1 is NaN/);
    expect(() => rankScores([0, 1, 1], [0.2, 0.3])).toThrow(/2 values for 3 rows/);
  });
});

describe('average precision (PR AUC)', () => {
  it('is Σ (Rₙ − Rₙ₋₁)·Pₙ without interpolation', () => {
    // y=[0,0,1,1], p=[0.1,0.4,0.35,0.8]; thresholds high → low:
    //   0.8:  tp 1, fp 0 → P 1,   R ½   contributes ½ · 1
    //   0.4:  tp 1, fp 1 → P ½,   R ½   contributes 0
    //   0.35: tp 2, fp 1 → P ⅔,   R 1   contributes ½ · ⅔
    //   0.1:  tp 2, fp 2 → P ½,   R 1   contributes 0
    // AP = ½ + ⅓ = 5/6 (scikit-learn's documented example gives 0.83).
    expect(averagePrecisionOf(rankScores([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]))).toBeCloseTo(5 / 6, 15);
  });

  it('is null without positives and 1 without negatives', () => {
    expect(averagePrecisionOf(rankScores([0, 0], [0.2, 0.5]))).toBeNull();
    expect(averagePrecisionOf(rankScores([1, 1], [0.2, 0.5]))).toBe(1);
  });
});

describe('curves', () => {
  it('ROC points match scikit-learn’s roc_curve on its documented example', () => {
    // roc_curve([0,0,1,1], [0.1,0.4,0.35,0.8]) → fpr [0,0,½,½,1], tpr [0,½,½,1,1], thresholds [inf,0.8,0.4,0.35,0.1].
    const c = rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
    expect(c.fpr).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(c.tpr).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(c.thresholds).toEqual([Infinity, 0.8, 0.4, 0.35, 0.1]);
    expect(c.auc).toBe(0.75);
  });

  it('drops collinear intermediate points as drop_intermediate does', () => {
    // y=[1,1,1,0], p=[0.9,0.8,0.7,0.1]: (fps, tps) = (0,1), (0,2), (0,3), (1,3). The point at 0.8 lies on the
    // vertical run with equal steps on both sides (second differences 0 and 0), so it goes.
    const c = rocCurve([1, 1, 1, 0], [0.9, 0.8, 0.7, 0.1]);
    expect(c.thresholds).toEqual([Infinity, 0.9, 0.7, 0.1]);
    expect(c.tpr).toEqual([0, 1 / 3, 1, 1]);
    expect(c.auc).toBe(1);
  });

  it('PR points are scikit-learn’s precision_recall_curve, listed from the strictest threshold', () => {
    // scikit-learn: precision [½, ⅔, ½, 1, 1], recall [1, 1, ½, ½, 0], thresholds [0.1, 0.35, 0.4, 0.8] (then the end point).
    const c = prCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
    expect(c.precision).toEqual([1, 1, 0.5, 2 / 3, 0.5]);
    expect(c.recall).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(c.thresholds).toEqual([Infinity, 0.8, 0.4, 0.35, 0.1]);
  });

  it('thins to maxPoints for plotting but keeps the area of the full curve', () => {
    // 5,000 rows with scores i/5000 and a label pattern that makes a jagged curve of thousands of steps.
    const n = 5000;
    const y = Array.from({ length: n }, (_v, i) => ((i * 7919) % 13 < 3 + (i * 10) / n ? 1 : 0));
    const p = Array.from({ length: n }, (_v, i) => i / n);
    const full = aucOf(rankScores(y, p));
    const roc = rocCurve(y, p, { maxPoints: 50 });
    expect(roc.totalPoints).toBeGreaterThan(50);
    expect(roc.fpr.length).toBeLessThanOrEqual(50);
    expect([roc.fpr[0], roc.tpr[0], roc.fpr.at(-1), roc.tpr.at(-1)]).toEqual([0, 0, 1, 1]);
    expect(roc.auc).toBe(full);
    const pr = prCurve(y, p, { maxPoints: 40 });
    expect(pr.recall.length).toBeLessThanOrEqual(40);
    expect(pr.averagePrecision).toBe(averagePrecisionOf(rankScores(y, p)));
  });
});

describe('a million rows', () => {
  it('gets AUC exactly right against a closed form', () => {
    // P = N = 500,000. Negatives score (i+1)/2²¹ for i < N (all distinct, below 0.24); positives 0.5 + j/2²¹.
    // Then k = 1,000 positives are moved to score 0 (below every negative: N misordered pairs each) and
    // t = 10 positives to exactly the top negative's score N/2²¹ (above N−1 negatives, tied with one: ½ pair each).
    // AUC = 1 − (k·N + t/2) / (P·N). Dyadic scores are exact doubles, so the ties are real ties.
    const P = 500_000;
    const N = 500_000;
    const k = 1000;
    const t = 10;
    const n = P + N;
    const y = new Uint8Array(n);
    const prob = new Float64Array(2 * n);
    const scores = new Float64Array(n);
    // A fixed pseudo-random permutation (multiplicative step coprime to n) so the rows are not pre-sorted.
    for (let r = 0; r < n; r++) {
      const slot = (r * 7_777_777 + 12_345) % n;
      let p1: number;
      if (r < N) p1 = (r + 1) / 2 ** 21;
      else {
        const j = r - N;
        y[slot] = 1;
        p1 = j < k ? 0 : j < k + t ? N / 2 ** 21 : 0.5 + j / 2 ** 21;
      }
      prob[2 * slot] = 1 - p1;
      prob[2 * slot + 1] = p1;
      scores[slot] = p1;
    }
    const expected = 1 - (k * N + t / 2) / (P * N);
    const m = classificationMetrics(y, prob, 2);
    expect(m.rocAuc).toBeCloseTo(expected, 12);
    expect(m.confusionMatrix).toEqual([
      [N, 0],
      [k + t, P - k - t],
    ]);
    // The same ranking answers the threshold chooser: at 0.5 every displaced or tied positive is missed, no negative is flagged.
    const point = thresholdPoint(rankScores(y, scores), 0.5);
    expect([point.tp, point.fp]).toEqual([P - k - t, 0]);
    const curve = rocCurve(y, scores);
    expect(curve.auc).toBe(m.rocAuc);
    expect(curve.fpr.length).toBeLessThanOrEqual(200);
  });
});
