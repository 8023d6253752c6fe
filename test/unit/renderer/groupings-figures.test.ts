import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../../src/shared/data/analysis';
import { componentTitle, continuousTarget, elbowFigure, GROUP_COLOURS, pcaFigure, pointGroups } from '../../../src/renderer/src/lib/groupings-figures';
import type { ChartColors } from '../../../src/renderer/src/lib/chart-types';

const colors: ChartColors = { text: '#000', muted: '#555', grid: '#ddd', surface: '#fff', accent: '#00f', danger: '#f00', warning: '#fa0', success: '#0a0', font: 'sans-serif' };
type Point = Analysis['points'][number];
const point = (row: number, cluster: number, target: Point['target']): Point => ({ row, x: row, y: -row, cluster, target });

describe('groupings figures', () => {
  it('groups points by cluster in cluster order, each cluster always in its own colour', () => {
    const groups = pointGroups([point(0, 2, 'a'), point(1, 0, 'b'), point(2, 2, 'a')], 'cluster');
    expect(groups).toEqual([
      { name: 'Cluster 1', colour: GROUP_COLOURS[0], indexes: [1] },
      { name: 'Cluster 3', colour: GROUP_COLOURS[2], indexes: [0, 2] },
    ]);
  });

  it('groups points by target value, commonest first, missing named, rare values pooled past eleven', () => {
    expect(pointGroups([point(0, 0, 'b'), point(1, 0, null), point(2, 0, 'b')], 'target').map((g) => [g.name, g.indexes.length])).toEqual([
      ['b', 2],
      ['(missing)', 1],
    ]);
    // 15 distinct values: 11 keep their colour, the 4 rarest share the twelfth.
    const many = Array.from({ length: 15 }, (_, v) => Array.from({ length: 20 - v }, () => point(0, 0, `v${v}`))).flat();
    const groups = pointGroups(many, 'target');
    expect(groups).toHaveLength(12);
    expect(groups[0]!.name).toBe('v0');
    expect(groups[11]).toMatchObject({ name: '4 other values', indexes: expect.any(Array) });
    expect(groups[11]!.indexes).toHaveLength(9 + 8 + 7 + 6);
  });

  it('draws a numeric target with many values on a colour scale, with WebGL when it is there', () => {
    const numeric = Array.from({ length: 30 }, (_, i) => point(i, 0, i * 1.5));
    expect(continuousTarget(numeric)).toBe(true);
    expect(continuousTarget(numeric.slice(0, 5))).toBe(false);
    const figure = pcaFigure({ points: numeric, pca: { explained: [0.7, 0.2], loadings: [] } }, 'target', 'price', colors, true);
    expect(figure.data).toHaveLength(1);
    expect(figure.data[0]).toMatchObject({ type: 'scattergl', marker: { colorscale: 'Viridis' }, customdata: numeric.map((p) => p.row + 1) });
    expect(figure.layout.xaxis?.title).toEqual({ text: 'PC1 (70.0% of variance)' });
    expect(figure.layout.yaxis?.title).toEqual({ text: 'PC2 (20.0% of variance)' });
    const svg = pcaFigure({ points: numeric, pca: { explained: [0.7, 0.2], loadings: [] } }, 'cluster', 'price', colors, false);
    expect(svg.data[0]).toMatchObject({ type: 'scatter', name: 'Cluster 1' });
  });

  it('titles a missing second component in words', () => {
    expect(componentTitle([1], 1)).toBe('PC2 (none: one numeric column)');
  });

  it('marks the chosen k on the elbow chart, and nothing when k is past the chart', () => {
    const inertia = [1, 2, 3, 4].map((k) => ({ k, inertia: 100 / k }));
    const marked = elbowFigure(inertia, 3, colors);
    expect(marked.data).toHaveLength(2);
    expect(marked.data[1]).toMatchObject({ x: [3], y: [100 / 3] });
    expect(marked.layout.annotations?.[0]).toMatchObject({ text: 'k = 3' });
    const beyond = elbowFigure(inertia, 10, colors);
    expect(beyond.data).toHaveLength(1);
    expect(beyond.layout.annotations).toEqual([]);
  });
});
