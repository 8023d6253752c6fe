import type { Data } from 'plotly.js';
import type { NumericStats, ValueCount } from '../../../shared/data/profile';
import { count, stat } from './data-words';
import type { ChartColors, Figure } from './chart-types';

/** Figures for the profile, as pure functions of the numbers and the theme's colours. */

/** Bars already binned by the engine: one per bin, as wide as the bin, touching. */
export function histogramFigure(histogram: NumericStats['histogram'], colors: ChartColors): Figure {
  const { edges, counts } = histogram;
  const x = counts.map((_, i) => (edges[i]! + edges[i + 1]!) / 2);
  const width = counts.map((_, i) => edges[i + 1]! - edges[i]!);
  const text = counts.map((c, i) => `${stat(edges[i]!)} to ${stat(edges[i + 1]!)}: ${count(c)}`);
  return {
    data: [{ type: 'bar', x, y: counts, width, marker: { color: colors.accent, line: { width: 0 } }, hovertext: text, hoverinfo: 'text' }],
    layout: { bargap: 0, xaxis: { showgrid: false }, yaxis: { title: { text: '' }, nticks: 4 } },
  };
}

const clip = (text: string, max = 28) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Most frequent values as horizontal bars, most frequent on top; the rest as one muted bar. */
export function topValuesFigure(top: ValueCount[], others: number, colors: ChartColors): Figure {
  const rows = others > 0 ? [...top, { value: `(${count(others)} in other values)`, count: others }] : top;
  // Plotly draws categories bottom-up: reverse so the most frequent is first to read.
  const ordered = [...rows].reverse();
  // Unique labels: two values may clip to the same text.
  const labels = ordered.map((r, i) => `${clip(r.value === '' ? '(empty text)' : r.value)}${'\u200b'.repeat(i)}`);
  return {
    data: [
      {
        type: 'bar',
        orientation: 'h',
        x: ordered.map((r) => r.count),
        y: labels,
        marker: { color: ordered.map((_, i) => (others > 0 && i === 0 ? colors.grid : colors.accent)) },
        hovertext: ordered.map((r) => `${r.value}: ${count(r.count)}`),
        hoverinfo: 'text',
      },
    ],
    layout: { bargap: 0.25, yaxis: { type: 'category', automargin: true, showgrid: false, tickfont: { size: 11 } }, xaxis: { nticks: 4 } },
  };
}

export function barHeight(bars: number): number {
  return Math.max(90, bars * 22 + 36);
}

/** Pearson r between numeric columns: diverging, −1 red through the surface colour to +1 blue. */
export function heatmapFigure(columns: string[], matrix: (number | null)[][], colors: ChartColors): Figure {
  const small = columns.length <= 14;
  return {
    data: [
      {
        type: 'heatmap',
        x: columns,
        y: columns,
        z: matrix,
        zmin: -1,
        zmax: 1,
        colorscale: [
          [0, colors.danger],
          [0.5, colors.surface],
          [1, colors.accent],
        ],
        xgap: 1,
        ygap: 1,
        hovertemplate: '%{y} × %{x}: r = %{z:.3f}<extra></extra>',
        colorbar: { thickness: 12, outlinewidth: 0, tickfont: { color: colors.muted }, tickvals: [-1, -0.5, 0, 0.5, 1] },
        ...(small ? { texttemplate: '%{z:.2f}', textfont: { size: 11, color: colors.text } } : {}),
      } as Data,
    ],
    layout: {
      xaxis: { showgrid: false, tickangle: -35, automargin: true },
      yaxis: { showgrid: false, autorange: 'reversed', automargin: true },
    },
  };
}

/** How many rows each class has (classification target). */
export function classBalanceFigure(classes: ValueCount[], colors: ChartColors): Figure {
  return {
    data: [{ type: 'bar', x: classes.map((c) => clip(c.value || '(empty)', 16)), y: classes.map((c) => c.count), marker: { color: colors.accent }, hovertext: classes.map((c) => `${c.value}: ${count(c.count)}`), hoverinfo: 'text' }],
    layout: { bargap: 0.35, xaxis: { type: 'category', showgrid: false }, yaxis: { nticks: 4 } },
  };
}
