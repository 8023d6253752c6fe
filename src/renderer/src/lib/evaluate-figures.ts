import type { Data } from 'plotly.js';
import type { Evaluation, RowExplanation } from '../../../shared/train/models';
import type { ChartColors, Figure } from './chart-types';
import { isAdditive, type SweepPoint } from './evaluate-words';

/**
 * Figures of the Evaluate workspace, pure functions of the evaluation and the theme's colours.
 * (The profile's heatmapFigure is a −1…1 correlation scale over one set of columns, so the
 * confusion matrix, counts over actual × predicted, has its own builder here.)
 */

/** Counts, actual classes down, predicted across, each cell labelled with its count. */
export function confusionFigure(labels: readonly string[], matrix: readonly (readonly number[])[], colors: ChartColors): Figure {
  return {
    data: [
      {
        type: 'heatmap',
        x: labels.map((l) => `${l}\u2009`),
        y: labels.map((l) => `${l}\u200a`),
        z: matrix as number[][],
        colorscale: [
          [0, colors.surface],
          [1, colors.accent],
        ],
        xgap: 2,
        ygap: 2,
        // Lighter cells, so the counts stay readable in the theme's text colour on the fullest cell too.
        opacity: 0.6,
        texttemplate: '%{z}',
        textfont: { size: 14, color: colors.text },
        hovertemplate: 'actual %{y}, predicted %{x}: %{z}<extra></extra>',
        colorbar: { thickness: 12, outlinewidth: 0, tickfont: { color: colors.muted } },
      } as Data,
    ],
    layout: {
      xaxis: { title: { text: 'predicted' }, type: 'category', showgrid: false, side: 'bottom' },
      yaxis: { title: { text: 'actual' }, type: 'category', showgrid: false, autorange: 'reversed' },
    },
  };
}

const diagonal = (colors: ChartColors, from = 0, to = 1): Data => ({
  type: 'scatter',
  mode: 'lines',
  x: [from, to],
  y: [from, to],
  name: 'diagonal',
  line: { color: colors.muted, dash: 'dot', width: 1 },
  hoverinfo: 'skip',
});

/** ROC curve with the chance diagonal and, when given, a marker at the chosen threshold. */
export function rocFigure(roc: NonNullable<Evaluation['roc']>, colors: ChartColors, point: SweepPoint | null = null): Figure {
  const data: Data[] = [
    diagonal(colors),
    { type: 'scatter', mode: 'lines', x: roc.fpr, y: roc.tpr, name: 'ROC', line: { color: colors.accent, width: 2 }, hovertemplate: 'FPR %{x:.3f}, TPR %{y:.3f}<extra></extra>' },
  ];
  if (point)
    data.push({
      type: 'scatter',
      mode: 'markers',
      x: [point.fpr],
      y: [point.recall],
      name: `threshold ${point.threshold.toFixed(2)}`,
      marker: { color: colors.danger, size: 12, line: { color: colors.surface, width: 2 } },
      hovertemplate: `threshold ${point.threshold.toFixed(2)}: FPR %{x:.3f}, TPR %{y:.3f}<extra></extra>`,
    });
  return {
    data,
    layout: { showlegend: false, xaxis: { title: { text: 'false positive rate' }, range: [-0.02, 1.02] }, yaxis: { title: { text: 'true positive rate' }, range: [-0.02, 1.02] } },
  };
}

export function prFigure(pr: NonNullable<Evaluation['pr']>, colors: ChartColors): Figure {
  return {
    data: [{ type: 'scatter', mode: 'lines', x: pr.recall, y: pr.precision, name: 'PR', line: { color: colors.accent, width: 2 }, hovertemplate: 'recall %{x:.3f}, precision %{y:.3f}<extra></extra>' }],
    layout: { showlegend: false, xaxis: { title: { text: 'recall' }, range: [-0.02, 1.02] }, yaxis: { title: { text: 'precision' }, range: [-0.02, 1.02] } },
  };
}

export function calibrationFigure(bins: NonNullable<Evaluation['calibration']>, colors: ChartColors): Figure {
  return {
    data: [
      diagonal(colors),
      {
        type: 'scatter',
        mode: 'lines+markers',
        x: bins.map((b) => b.meanPredicted),
        y: bins.map((b) => b.fractionPositive),
        name: 'model',
        line: { color: colors.accent, width: 2 },
        marker: { color: colors.accent, size: 7 },
        hovertext: bins.map((b) => `${b.count} rows predicted ${b.meanPredicted.toFixed(2)} on average; ${(b.fractionPositive * 100).toFixed(1)}% positive`),
        hoverinfo: 'text',
      },
    ],
    layout: { showlegend: false, xaxis: { title: { text: 'mean predicted probability' }, range: [-0.02, 1.02] }, yaxis: { title: { text: 'fraction positive' }, range: [-0.02, 1.02] } },
  };
}

/** Predicted against actual, with the line where they are equal. */
export function predictedActualFigure(residuals: NonNullable<Evaluation['residuals']>, colors: ChartColors): Figure {
  const all = [...residuals.actual, ...residuals.predicted];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  return {
    data: [
      diagonal(colors, lo, hi),
      {
        type: 'scatter',
        mode: 'markers',
        x: residuals.actual,
        y: residuals.predicted,
        name: 'rows',
        marker: { color: colors.accent, size: 6, opacity: 0.7 },
        hovertemplate: 'actual %{x:.4g}, predicted %{y:.4g}<extra></extra>',
      },
    ],
    layout: { showlegend: false, xaxis: { title: { text: 'actual' } }, yaxis: { title: { text: 'predicted' } } },
  };
}

/** Horizontal bars, largest on top, with the spread over repeats as error bars. */
export function importanceFigure(importance: NonNullable<Evaluation['importance']>, colors: ChartColors): Figure {
  const ordered = [...importance.columns].sort((a, b) => a.mean - b.mean);
  return {
    data: [
      {
        type: 'bar',
        orientation: 'h',
        x: ordered.map((c) => c.mean),
        y: ordered.map((c) => c.column),
        error_x: { type: 'data', array: ordered.map((c) => c.std), visible: true, color: colors.muted },
        marker: { color: colors.accent },
        hovertemplate: '%{y}: %{x:.4f}<extra></extra>',
      },
    ],
    layout: { bargap: 0.3, xaxis: { title: { text: `drop in ${importance.metric}` }, zeroline: true }, yaxis: { type: 'category', automargin: true, showgrid: false } },
  };
}

/** The average prediction along one column's grid (the last output: the positive class for binary). */
export function partialDependenceFigure(pd: NonNullable<Evaluation['partialDependence']>[number], colors: ChartColors): Figure {
  const y = pd.values.map((v) => v[v.length - 1] ?? null);
  const numeric = pd.kind === 'numeric';
  return {
    data: [
      numeric
        ? { type: 'scatter', mode: 'lines+markers', x: pd.grid.map(Number), y, line: { color: colors.accent, width: 2 }, marker: { size: 5, color: colors.accent }, hovertemplate: `${pd.column} %{x}: %{y:.4g}<extra></extra>` }
        : { type: 'bar', x: pd.grid, y, marker: { color: colors.accent }, hovertemplate: `${pd.column} %{x}: %{y:.4g}<extra></extra>` },
    ],
    layout: { showlegend: false, xaxis: { title: { text: pd.column }, ...(numeric ? {} : { type: 'category' as const }) }, yaxis: { title: { text: 'average prediction' }, nticks: 5 } },
  };
}

/** The waterfall's first and last bars. */
export const BASE_LABEL = 'base value';
export const OUTPUT_LABEL = "this row's output";

/**
 * One row's contributions. When they add up exactly (TreeSHAP, linear models): a waterfall from the
 * base value through each column, largest first, to the row's output. Otherwise (occlusion) signed
 * bars, since a running total would end somewhere other than the output.
 */
export function contributionsFigure(explanation: RowExplanation, colors: ChartColors): Figure {
  const label = (c: RowExplanation['contributions'][number]) => `${c.column} = ${c.value === null ? 'missing' : String(c.value)}`;
  if (isAdditive(explanation)) {
    const steps = explanation.contributions;
    return {
      data: [
        {
          type: 'waterfall',
          orientation: 'h',
          measure: ['absolute', ...steps.map(() => 'relative'), 'total'],
          y: [BASE_LABEL, ...steps.map(label), OUTPUT_LABEL],
          x: [explanation.baseValue!, ...steps.map((c) => c.contribution), explanation.output],
          increasing: { marker: { color: colors.accent } },
          decreasing: { marker: { color: colors.danger } },
          totals: { marker: { color: colors.muted } },
          connector: { line: { color: colors.grid, width: 1 } },
          hovertemplate: '%{y}: %{x:.4g}<extra></extra>',
        } as Data,
      ],
      layout: { xaxis: { title: { text: explanation.scale }, zeroline: true }, yaxis: { type: 'category', autorange: 'reversed', automargin: true, showgrid: false } },
    };
  }
  const ordered = [...explanation.contributions].reverse();
  return {
    data: [
      {
        type: 'bar',
        orientation: 'h',
        x: ordered.map((c) => c.contribution),
        y: ordered.map(label),
        marker: { color: ordered.map((c) => (c.contribution >= 0 ? colors.accent : colors.danger)) },
        hovertemplate: '%{y}: %{x:.4g}<extra></extra>',
      },
    ],
    layout: { bargap: 0.3, xaxis: { title: { text: `contribution (${explanation.scale})` }, zeroline: true }, yaxis: { type: 'category', automargin: true, showgrid: false } },
  };
}
