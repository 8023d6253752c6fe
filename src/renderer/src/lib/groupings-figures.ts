import type { Data } from 'plotly.js';
import type { Analysis } from '../../../shared/data/analysis';
import { percentage } from './groupings-words';
import type { ChartColors, Figure } from './chart-types';

/** Figures for the Groupings tab, as pure functions of the analysis and the theme's colours. */

type Point = Analysis['points'][number];
export type ColourBy = 'target' | 'cluster';

/**
 * Okabe–Ito's colour-blind-safe hues (yellow last: faint on white), then Paul Tol's muted ones, so
 * up to 12 groups stay apart in light and dark themes. The cluster table uses the same colours.
 */
export const GROUP_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#882255', '#44AA99', '#999933', '#AA4499', '#888888', '#F0E442'];
/** Distinct target values drawn in their own colour; the rarer ones share one. */
const MAX_GROUPS = GROUP_COLOURS.length - 1;

export const clusterName = (cluster: number) => `Cluster ${cluster + 1}`;
const valueName = (value: Point['target']) => (value === null || value === '' ? '(missing)' : String(value));

/** A numeric target with many values reads better on a colour scale than as dozens of groups. */
export function continuousTarget(points: Point[]): boolean {
  const values = points.map((p) => p.target).filter((v) => v !== null);
  return values.length > 0 && values.every((v) => typeof v === 'number') && new Set(values).size > MAX_GROUPS;
}

/** The points per group and its colour: clusters in order (cluster c always in colour c), target values commonest first. */
export function pointGroups(points: Point[], by: ColourBy): { name: string; colour: string; indexes: number[] }[] {
  const groups = new Map<string | number, number[]>();
  points.forEach((p, i) => {
    const key = by === 'cluster' ? p.cluster : valueName(p.target);
    const indexes = groups.get(key);
    if (indexes) indexes.push(i);
    else groups.set(key, [i]);
  });
  const colour = (n: number) => GROUP_COLOURS[n % GROUP_COLOURS.length]!;
  if (by === 'cluster') {
    return [...groups].sort(([a], [b]) => Number(a) - Number(b)).map(([c, indexes]) => ({ name: clusterName(Number(c)), colour: colour(Number(c)), indexes }));
  }
  const sorted = [...groups].sort(([, a], [, b]) => b.length - a.length).map(([name, indexes], n) => ({ name: String(name), colour: colour(n), indexes }));
  if (sorted.length <= MAX_GROUPS + 1) return sorted;
  const rest = sorted.slice(MAX_GROUPS);
  return [...sorted.slice(0, MAX_GROUPS), { name: `${rest.length} other values`, colour: colour(MAX_GROUPS), indexes: rest.flatMap((g) => g.indexes) }];
}

/** "PC1 (50.5% of variance)"; a component the data lacks (one numeric column) says so. */
export function componentTitle(explained: number[], index: number): string {
  const value = explained[index];
  return value === undefined ? `PC${index + 1} (none: one numeric column)` : `PC${index + 1} (${percentage(value)} of variance)`;
}

/** The 2-D PCA projection, one colour per cluster or target value (a colour scale for a numeric target). */
export function pcaFigure(analysis: Pick<Analysis, 'points' | 'pca'>, by: ColourBy, targetName: string | null, colors: ChartColors, gl: boolean): Figure {
  const { points } = analysis;
  const type = gl ? 'scattergl' : 'scatter';
  const at = (indexes: number[]) => ({ x: indexes.map((i) => points[i]!.x), y: indexes.map((i) => points[i]!.y), customdata: indexes.map((i) => points[i]!.row + 1) });
  const hover = `row %{customdata}<br>PC1 %{x:.2f}, PC2 %{y:.2f}`;
  let data: Data[];
  if (by === 'target' && continuousTarget(points)) {
    const all = points.map((_p, i) => i);
    const color = points.map((p) => (typeof p.target === 'number' ? p.target : NaN));
    data = [{ type, mode: 'markers', ...at(all), marker: { size: 6, opacity: 0.8, color, colorscale: 'Viridis', colorbar: { thickness: 12, outlinewidth: 0, title: { text: targetName ?? '' } } }, hovertemplate: `${hover}<br>${targetName}: %{marker.color}<extra></extra>` } as Data];
  } else {
    data = pointGroups(points, by).map(({ name, colour, indexes }) => ({ type, mode: 'markers', name, ...at(indexes), marker: { size: 6, opacity: 0.8, color: colour }, hovertemplate: `${hover}<extra>${name}</extra>` }) as Data);
  }
  return {
    data,
    layout: {
      showlegend: data.length > 1,
      legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom', font: { color: colors.text }, title: { text: by === 'cluster' ? 'k-means:' : `${targetName ?? 'target'}:` } },
      xaxis: { title: { text: componentTitle(analysis.pca.explained, 0) }, zeroline: false },
      yaxis: { title: { text: componentTitle(analysis.pca.explained, 1) }, zeroline: false },
    },
  };
}

/** Inertia against k, the chosen k drawn larger and named: where the curve bends is the elbow. */
export function elbowFigure(inertia: Analysis['clusters']['inertia'], chosen: number, colors: ChartColors): Figure {
  const mark = inertia.find((i) => i.k === chosen);
  return {
    data: [
      { type: 'scatter', mode: 'lines+markers', x: inertia.map((i) => i.k), y: inertia.map((i) => i.inertia), line: { color: colors.accent, width: 2 }, marker: { color: colors.accent, size: 7 }, hovertemplate: 'k = %{x}: inertia %{y:,.1f}<extra></extra>' },
      ...(mark ? [{ type: 'scatter', mode: 'markers', x: [mark.k], y: [mark.inertia], marker: { color: colors.danger, size: 14, symbol: 'circle-open', line: { width: 3 } }, hoverinfo: 'skip' } as Data] : []),
    ],
    layout: {
      xaxis: { title: { text: 'k (number of clusters)' }, dtick: 1 },
      yaxis: { title: { text: 'Inertia' }, rangemode: 'tozero' },
      annotations: mark ? [{ x: mark.k, y: mark.inertia, text: `k = ${mark.k}`, showarrow: true, arrowcolor: colors.danger, ax: 30, ay: -30, font: { color: colors.danger } }] : [],
    },
  };
}
