import { describe, expect, it } from 'vitest';
import { averagePath, isolationForest } from '../../../src/main/engine/data/analysis/iforest';
import { kmeans, silhouette } from '../../../src/main/engine/data/analysis/kmeans';
import { pca, symmetricEigen } from '../../../src/main/engine/data/analysis/pca';
import { seededRandom } from '../../../src/main/engine/data/analysis/rng';
import { elbow } from '../../../src/main/engine/data/analysis-task';

const random = seededRandom(7);
const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

describe('eigen-decomposition and PCA', () => {
  it('finds the eigenvalues of a known symmetric matrix', () => {
    // [[2,1],[1,2]] has eigenvalues 3 and 1 with vectors (1,1)/√2 and (1,−1)/√2
    const { values, vectors } = symmetricEigen([
      [2, 1],
      [1, 2],
    ]);
    expect(values[0]).toBeCloseTo(3, 12);
    expect(values[1]).toBeCloseTo(1, 12);
    expect(Math.abs(vectors[0]![0]!)).toBeCloseTo(Math.SQRT1_2, 12);
    expect(vectors[0]![0]! * vectors[0]![1]!).toBeGreaterThan(0);
  });

  it('puts nearly all variance of points along a line on the first component', () => {
    const rows = Array.from({ length: 500 }, () => {
      const t = gauss();
      return [t, 2 * t + 0.01 * gauss(), -t + 0.01 * gauss()];
    });
    const { explained, projection } = pca(rows, 2);
    expect(explained[0]).toBeGreaterThan(0.999);
    expect(projection).toHaveLength(500);
  });
});

describe('k-means', () => {
  const blobs = [
    [0, 0],
    [10, 10],
    [0, 10],
  ].flatMap(([cx, cy]) => Array.from({ length: 100 }, () => [cx! + gauss() * 0.5, cy! + gauss() * 0.5]));

  it('recovers three separated blobs, each cluster pure, with a high silhouette', () => {
    const fit = kmeans(blobs, 3, 1);
    for (let blob = 0; blob < 3; blob++) {
      const labels = new Set(fit.labels.slice(blob * 100, blob * 100 + 100));
      expect(labels.size).toBe(1);
    }
    expect(new Set(fit.labels).size).toBe(3);
    expect(silhouette(blobs, fit.labels)).toBeGreaterThan(0.85);
  });

  it('is deterministic for a seed, and the elbow finds k = 3', () => {
    expect(kmeans(blobs, 3, 5).labels).toEqual(kmeans(blobs, 3, 5).labels);
    const inertia = [1, 2, 3, 4, 5, 6].map((k) => ({ k, inertia: kmeans(blobs, k, 1).inertia }));
    expect(elbow(inertia)).toBe(3);
  });
});

describe('isolation forest', () => {
  it('uses the textbook normaliser c(n)', () => {
    expect(averagePath(256)).toBeCloseTo(2 * (Math.log(255) + 0.5772156649) - (2 * 255) / 256, 12);
    expect(averagePath(1)).toBe(0);
  });

  it('scores injected extremes highest, and ordinary points near or below 0.5', () => {
    const points = Array.from({ length: 1000 }, () => [gauss(), gauss(), gauss()]);
    const outliers = [
      [8, 8, 8],
      [-9, 0, 7],
      [0, 10, 0],
      [7, -8, 0],
      [0, 0, -10],
    ];
    const scores = isolationForest([...points, ...outliers], { seed: 3 });
    const ordinary = scores.slice(0, 1000).sort((a, b) => a - b);
    // every injected point scores above 95% of the ordinary ones…
    for (const score of scores.slice(1000)) expect(score).toBeGreaterThan(ordinary[949]!);
    // …and those extreme in two or three features are the most anomalous of all
    const top = scores
      .map((score, i) => ({ score, i }))
      .sort((a, b) => b.score - a.score)
      .slice(0, 3)
      .map((x) => x.i)
      .sort((a, b) => a - b);
    expect(top).toEqual([1000, 1001, 1003]);
    expect(ordinary.reduce((a, b) => a + b, 0) / 1000).toBeLessThan(0.5);
  });
});

describe('ranks and Spearman', () => {
  it('gives ties their average rank', async () => {
    const { averageRanks, spearman } = await import('../../../src/main/engine/data/stats');
    expect(averageRanks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
    // a monotonic but non-linear relation has rho 1; reversed order −1; missing pairs are skipped
    expect(spearman([1, 2, 3, 4, 5], [1, 8, 27, 64, 125])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3, 4], [4, 3, 2, 1])).toBeCloseTo(-1, 12);
    expect(spearman([1, 2, null, 4, 5], [2, 4, 100, 8, 10])).toBeCloseTo(1, 12);
    // textbook example: ranks (1,2,3,4,5) vs (2,1,4,3,5) → 1 − 6·4/(5·24) = 0.8
    expect(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5])).toBeCloseTo(0.8, 12);
  });
});
