import { describe, expect, it } from 'vitest';
import type { Run } from '../../../src/shared/train/models';
import {
  bestF1Index,
  calibrationSummary,
  cardFileName,
  confusionSummary,
  contributionsSummary,
  explanationMethodWords,
  explanationReading,
  finishedRuns,
  importanceSummary,
  isAdditive,
  num3,
  pct,
  residualSummary,
  rocSummary,
  sweepIndexAt,
  youdenIndex,
  type SweepPoint,
} from '../../../src/renderer/src/lib/evaluate-words';

const run = (id: string, status: Run['status'], createdAt: string) => ({ id, status, createdAt }) as Run;
const sweepPoint = (threshold: number, recall: number, fpr: number, f1: number): SweepPoint => ({ threshold, precision: 0.5, recall, f1, fpr, accuracy: 0.5, predictedPositiveRate: 1 - threshold });
/** 0, 0.01, …, 1 with a best F1 at 0.40 and the largest TPR − FPR at 0.30. */
const sweep: SweepPoint[] = Array.from({ length: 101 }, (_, i) => {
  const t = i / 100;
  return sweepPoint(t, t === 0.3 ? 0.9 : 0.5, t === 0.3 ? 0.1 : 0.3, t === 0.4 ? 0.8 : 0.6);
});

describe('evaluate words', () => {
  it('offers finished runs only, newest first', () => {
    const runs = [run('a', 'succeeded', '2026-01-01T00:00:00Z'), run('b', 'failed', '2026-01-03T00:00:00Z'), run('c', 'succeeded', '2026-01-02T00:00:00Z'), run('d', 'running', '2026-01-04T00:00:00Z')];
    expect(finishedRuns(runs).map((r) => r.id)).toEqual(['c', 'a']);
  });

  it('finds the sweep point nearest a threshold, the best F1 and Youden’s J', () => {
    expect(sweep[sweepIndexAt(sweep, 0.9)]!.threshold).toBe(0.9);
    expect(sweep[sweepIndexAt(sweep, 0.504)]!.threshold).toBe(0.5);
    expect(sweep[bestF1Index(sweep)]!.threshold).toBe(0.4);
    expect(sweep[youdenIndex(sweep)]!.threshold).toBe(0.3);
  });

  it('formats numbers, shares and missing values', () => {
    expect(pct(0.4789)).toBe('47.9%');
    expect(pct(null)).toBe('—');
    expect(num3(0.12345)).toBe('0.123');
    expect(num3(Number.NaN)).toBe('—');
  });

  it('summarises each chart in one sentence', () => {
    expect(confusionSummary(['0', '1'], [[52, 4], [2, 61]])).toBe('Confusion matrix of 2 classes: 113 of 119 rows predicted correctly (95.0%).');
    expect(rocSummary(0.996, sweep[90]!)).toBe('ROC curve with area under the curve 0.996. The marker at threshold 0.90 has true positive rate 50.0% and false positive rate 30.0%.');
    expect(rocSummary(null, null)).toBe('ROC curve with area under the curve —.');
    expect(calibrationSummary([{ lower: 0, upper: 0.5, meanPredicted: 0.2, fractionPositive: 0.3, count: 10 }])).toMatch(/1 bins; the largest gap .* is 10\.0%/);
    expect(residualSummary({ actual: [1, 2], predicted: [0, 3], residual: [1, -1], histogram: { edges: [-1, 0, 1], counts: [1, 1] } })).toBe('2 residuals (actual minus predicted): mean 0.00, mean absolute 1.00.');
    expect(
      importanceSummary({ metric: 'roc_auc', rows: 10, repeats: 5, columns: [{ column: 'c', mean: 0.001, std: 0 }, { column: 'a', mean: 0.3, std: 0.1 }, { column: 'b', mean: 0.2, std: 0.1 }, { column: 'd', mean: 0, std: 0 }] }),
    ).toBe('Permutation importance (drop in roc_auc when a column is shuffled, 5 repeats): most important a (0.300), b (0.200), c (0.00100).');
    expect(contributionsSummary([{ column: 'a', contribution: 2.5 }, { column: 'b', contribution: -1 }], 'log-odds')).toBe('Contributions on the log-odds scale, largest first: a +2.50, b -1.00.');
  });

  it('names the explanation method, and says how its numbers add up', () => {
    const tree = { method: 'TreeSHAP (…)', methodKind: 'treeshap' as const, baseValue: -0.5, baselineOutput: 0.1, output: 1.25, scale: 'log-odds of yes' };
    expect(explanationMethodWords(tree)).toBe('TreeSHAP, exact');
    expect(explanationMethodWords({ method: 'occlusion (…)', methodKind: 'occlusion' })).toBe('occlusion, approximate');
    // an explanation saved before methodKind existed keeps its words
    expect(explanationMethodWords({ method: 'exact (linear model)' })).toBe('exact (linear model)');
    expect(isAdditive(tree)).toBe(true);
    expect(isAdditive({ methodKind: 'occlusion', baseValue: 0.1 })).toBe(false);
    expect(isAdditive({ methodKind: 'treeshap' })).toBe(false);
    expect(explanationReading(tree)).toMatch(/^The contributions start from the base value -0\.5000, the model's expected log-odds of yes over its training rows .* add up exactly to this row's 1\.250\./);
    expect(explanationReading({ ...tree, methodKind: 'occlusion' })).toMatch(/a baseline row gives 0\.1000\)\. Interactions are ignored, so they need not add up/);
  });

  it('names the model card file after the run', () => {
    expect(cardFileName({ name: 'loans logistic / v2' })).toBe('loans-logistic-v2-model-card.md');
    expect(cardFileName({ name: '///' })).toBe('run-model-card.md');
  });
});
