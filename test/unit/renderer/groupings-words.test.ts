import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../src/shared/data/analysis';
import { analysisFeatures, anomaliesSummary, clustersSummary, elbowOf, pcaSummary, strongestPairs, targetMix } from '../../../src/renderer/src/lib/groupings-words';

const inertia = (values: number[]) => values.map((v, i) => ({ k: i + 1, inertia: v }));
const point = (cluster: number, target: Analysis['points'][number]['target'], row = 0) => ({ row, x: 0, y: 0, cluster, target });

describe('groupings in words', () => {
  it('finds the elbow where the fall in inertia slows the most', () => {
    // Three tight clusters: a big fall to k = 3, then almost flat (second differences 26, 833, −1, …).
    expect(elbowOf(inertia([1800, 934, 94, 87, 79, 63, 59, 54]))).toBe(3);
    // 100 → 50 → 40 → 35: the bend at k = 2 (40) beats k = 3 (5).
    expect(elbowOf(inertia([100, 50, 40, 35]))).toBe(2);
    // Two points have no bend at all.
    expect(elbowOf(inertia([10, 5]))).toBeNull();
  });

  it('says how much of the variance the two components hold and which columns make PC1', () => {
    const text = pcaSummary({ explained: [0.6, 0.3], loadings: [[0.8, -0.6, 0.05], [0, 0, 1]] }, ['a', 'b', 'c']);
    expect(text).toMatch(/^PC1 explains 60.0% of the variance and PC2 30.0%: together 90.0%, so the plot shows most of how the rows differ\./);
    // c weighs 0.05: too little to name.
    expect(text).toMatch(/PC1 weighs a \(0\.80\), b \(-0\.60\) most\.$/);
    expect(pcaSummary({ explained: [0.2, 0.15], loadings: [[1]] }, ['a'])).toMatch(/together 35.0%, so groups that overlap here may still be apart/);
    expect(pcaSummary({ explained: [1], loadings: [[1]] }, ['a'])).toMatch(/no second component/);
  });

  it('names the elbow, or says that k was chosen by hand, and reads the silhouette', () => {
    const clusters = { k: 4, inertia: inertia([1800, 934, 94, 87]), silhouette: 0.63, sizes: [] };
    const text = clustersSummary(clusters);
    expect(text).toMatch(/falls from 1,800 at k = 1 to 87 at k = 4 \(4\.8% is left\)/);
    expect(text).toMatch(/The elbow would pick k = 3; k = 4 was chosen by hand\./);
    expect(text).toMatch(/Silhouette 0\.63: well separated/);
    expect(clustersSummary({ ...clusters, k: 3, silhouette: 0.1 })).toMatch(/The elbow is at k = 3\..*overlapping/);
  });

  it('gives each cluster its commonest target value among the plotted points', () => {
    const mix = targetMix([point(0, 'a'), point(0, 'a'), point(0, 'b'), point(2, null)], 3);
    expect(mix).toEqual([{ value: 'a', share: '66.7%', plotted: 3 }, null, { value: '(missing)', share: '100.0%', plotted: 1 }]);
  });

  it('counts unusual rows and names the most anomalous by its table row number (from 1)', () => {
    const anomalies = { method: 'isolation_forest' as const, trees: 100, unusual: 9, top: [{ row: 300, score: 0.7528, values: {} }] };
    expect(anomaliesSummary(anomalies, 601)).toBe('9 of 601 sampled rows (1.5%) score above 0.6, the usual bound for unusual. The most anomalous is row 301 (score 0.75).');
  });

  it('lists the strongest pairs by absolute value, skipping missing ones', () => {
    const matrix = [
      [1, 0.2, -0.9],
      [0.2, 1, null],
      [-0.9, null, 1],
    ];
    expect(strongestPairs(['a', 'b', 'c'], matrix)).toEqual([
      { a: 'a', b: 'c', value: -0.9 },
      { a: 'a', b: 'b', value: 0.2 },
    ]);
  });

  it('uses the numeric columns other than the target', () => {
    const columns = [
      { name: 'x', type: 'DOUBLE', semantic: 'numeric' as const },
      { name: 'code', type: 'BIGINT', semantic: 'categorical' as const },
      { name: 'price', type: 'DECIMAL(10,2)', semantic: 'numeric' as const },
      { name: 'label', type: 'BIGINT', semantic: 'numeric' as const },
    ];
    expect(analysisFeatures({ columns, target: 'label' })).toEqual(['x', 'price']);
  });
});
