import { describe, expect, it } from 'vitest';
import type { DriftHeatmap } from '../../../src/shared/monitor/models';
import { cellState, cellWords, driftedFeatures, firstFeature, shareWords, verdictWords } from '../../../src/renderer/src/lib/monitor-heatmap';

const judged = (drifted: boolean, statistic = 0.3, pValue: number | null = null) => ({ statistic, pValue, drifted, warning: null });
const tooSmall = { statistic: 0.9, pValue: 0.001, drifted: true, warning: '40 rows is too few to judge (the policy asks for 100)' };
const windows = [0, 1, 2].map((i) => ({ start: `2024-05-01T1${i}:00:00.000Z`, end: `2024-05-01T1${i + 1}:00:00.000Z`, rows: 200, datasetShare: 0, datasetDrifted: false }));

/** Four features over three windows: x3 drifts in the last two, plan in one, year never; age only where too few rows were served. */
const heatmap: DriftHeatmap = {
  target: 'laptop',
  model: 'churn',
  version: 1,
  windows,
  features: [
    { feature: 'year', test: 'ks', threshold: 0.05, cells: [judged(false), judged(false), judged(false)] },
    { feature: 'plan', test: 'chisquare', threshold: 0.05, cells: [judged(false), judged(true), judged(false)] },
    { feature: 'x3', test: 'ks', threshold: 0.05, cells: [judged(false), judged(true), judged(true)] },
    { feature: 'age', test: 'wasserstein', threshold: 0.1, cells: [tooSmall, judged(false), judged(false)] },
  ],
};

describe('the drift heatmap', () => {
  it('greys a cell with a warning whatever its verdict, since it was not judged', () => {
    expect(cellState(tooSmall)).toBe('unjudged');
    expect(cellState(judged(true))).toBe('drifted');
    expect(cellState(judged(false))).toBe('stable');
  });

  it('lists the features that drifted anywhere, most drifted windows first, not counting unjudged cells', () => {
    expect(driftedFeatures(heatmap)).toEqual([
      { feature: 'x3', windows: 2 },
      { feature: 'plan', windows: 1 },
    ]);
    expect(firstFeature(heatmap)).toBe('x3');
    expect(firstFeature({ ...heatmap, features: heatmap.features.slice(0, 1) })).toBe('year');
    expect(firstFeature({ ...heatmap, features: [] })).toBeNull();
  });

  it('says a p-value verdict against its threshold, and a distance against its own', () => {
    expect(verdictWords('ks', 0.05, judged(true, 0.4213, 0.00002))).toBe('Kolmogorov–Smirnov statistic 0.421, p = 2.0e-5 < 0.05');
    expect(verdictWords('chisquare', 0.05, judged(false, 3.2, 0.2))).toBe('chi-square statistic 3.2, p = 0.2 ≥ 0.05');
    expect(verdictWords('wasserstein', 0.1, judged(true, 0.25))).toBe('Wasserstein (normalised) 0.25 ≥ 0.1');
    expect(verdictWords('jensenshannon', 0.1, judged(false, 0.05))).toBe('Jensen–Shannon 0.05 < 0.1');
  });

  it('names the feature, the window and its rows in each cell’s words, with the warning when not judged', () => {
    expect(cellWords(heatmap.features[3]!, windows[0]!, 0, tooSmall)).toBe('age, window 1 (200 rows): not judged — 40 rows is too few to judge (the policy asks for 100)');
    expect(cellWords(heatmap.features[2]!, windows[2]!, 2, judged(true, 0.5, 0.001))).toBe('x3, window 3 (200 rows): drifted — Kolmogorov–Smirnov statistic 0.5, p = 0.001 < 0.05');
  });

  it('says a window’s share of drifted features as a percentage, and when the dataset drifted', () => {
    expect(shareWords({ ...windows[0]!, datasetShare: 1 / 3, datasetDrifted: false })).toBe('33% of features drifted');
    expect(shareWords({ ...windows[0]!, datasetShare: 0.5, datasetDrifted: true })).toBe('50% of features drifted — dataset drift');
  });
});
