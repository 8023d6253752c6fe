import type { Data } from 'plotly.js';
import type { SearchSummary } from '../../../shared/train/models';
import type { ChartColors, Figure } from './chart-types';
import { GROUP_COLOURS } from './groupings-figures';
import type { TrialRow } from './train-trials';
import { paramText } from './train-words';

/**
 * A search's trials on one chart: the validation score per trial (with the best so far as a
 * step line), or against one searched parameter (where in its range the good trials lie). Rounds
 * of successive halving get a colour each; the best trial is a star.
 */

const fractionText = (f: number) => (f >= 1 ? 'all rows' : `1/${Math.round(1 / f)} of the rows`);

/** The running best over trials in the order they were started: what the search had found by then. */
export function bestSoFar(rows: readonly TrialRow[], higherIsBetter: boolean): { x: number[]; y: number[] } {
  const scored = rows.filter((r) => r.score !== null).sort((a, b) => a.number - b.number);
  const x: number[] = [];
  const y: number[] = [];
  let best: number | null = null;
  for (const r of scored) {
    if (best === null || (higherIsBetter ? r.score! > best : r.score! < best)) best = r.score!;
    x.push(r.number);
    y.push(best);
  }
  return { x, y };
}

/** `by`: null for trial number on the x axis, else a searched parameter's name. */
export function trialsFigure(rows: readonly TrialRow[], search: SearchSummary, by: string | null, metricName: string, colors: ChartColors): Figure {
  const scored = rows.filter((r) => r.score !== null);
  const xOf = (r: TrialRow) => (by ? (r.run.params[by] as number | string) : r.number);
  const label = (r: TrialRow) => `#${r.number} ${Object.keys(search.space).map((k) => `${k}=${paramText(r.run.params[k])}`).join(' ')}`;
  const rounds = [...new Set(scored.map((r) => r.round))].sort((a, b) => a - b);
  const data: Data[] = rounds.map((round, i) => {
    const at = scored.filter((r) => r.round === round);
    const colour = rounds.length > 1 ? GROUP_COLOURS[i % GROUP_COLOURS.length]! : colors.accent;
    return {
      type: 'scatter',
      mode: 'markers',
      name: rounds.length > 1 ? `round ${round} (${fractionText(at[0]!.fraction)})` : 'trials',
      x: at.map(xOf),
      y: at.map((r) => r.score!),
      text: at.map(label),
      marker: { color: colour, size: 9, line: { color: colors.surface, width: 1 } },
      hovertemplate: `%{text}<br>${metricName} %{y:.4g}<extra></extra>`,
    } as Data;
  });
  if (!by && search.strategy !== 'halving') {
    data.unshift({ type: 'scatter', mode: 'lines', name: 'best so far', ...bestSoFar(rows, search.higherIsBetter), line: { color: colors.muted, width: 1.5, shape: 'hv', dash: 'dot' }, hoverinfo: 'skip' } as Data);
  }
  const best = scored.find((r) => r.best);
  if (best) {
    data.push({ type: 'scatter', mode: 'markers', name: 'best', x: [xOf(best)], y: [best.score!], text: [label(best)], marker: { color: colors.success, size: 18, symbol: 'star', line: { color: colors.text, width: 1 } }, hovertemplate: `best: %{text}<br>${metricName} %{y:.4g}<extra></extra>` } as Data);
  }
  const dim = by ? search.space[by] : undefined;
  const categorical = by !== null && scored.some((r) => typeof r.run.params[by] !== 'number');
  return {
    data,
    layout: {
      showlegend: true,
      legend: { orientation: 'h', x: 0, y: 1.02, yanchor: 'bottom', font: { color: colors.text } },
      xaxis: { title: { text: by ?? 'trial' }, type: categorical ? 'category' : dim && 'log' in dim && dim.log ? 'log' : 'linear', ...(by ? {} : { dtick: rows.length > 20 ? undefined : 1 }) },
      yaxis: { title: { text: `validation ${metricName}` } },
    },
  };
}

/**
 * Auto's learners as a dot plot, best at the top as a star: dots rather than bars, so the axis can
 * zoom in on the scores (learners often differ in the third decimal) without bars that mislead.
 */
export function leaderboardFigure(rows: readonly TrialRow[], search: SearchSummary, metricName: string, labelOf: (row: TrialRow) => string, colors: ChartColors): Figure {
  // Plotly draws the first category at the bottom: worst first, so the best is on top.
  const scored = rows.filter((r) => r.score !== null).sort((a, b) => (search.higherIsBetter ? a.score! - b.score! : b.score! - a.score!));
  return {
    data: [
      {
        type: 'scatter',
        mode: 'text+markers',
        y: scored.map(labelOf),
        x: scored.map((r) => r.score!),
        text: scored.map((r) => `${r.score!.toPrecision(4)}${r.best ? ' best' : ''}`),
        textposition: 'top center',
        textfont: { color: colors.text },
        marker: { color: scored.map((r) => (r.best ? colors.success : colors.accent)), size: scored.map((r) => (r.best ? 18 : 11)), symbol: scored.map((r) => (r.best ? 'star' : 'circle')) },
        hovertemplate: `%{y}: ${metricName} %{x:.4g}<extra></extra>`,
        cliponaxis: false,
      } as Data,
    ],
    layout: {
      xaxis: { title: { text: `validation ${metricName}` }, zeroline: false },
      yaxis: { automargin: true, type: 'category' },
    },
  };
}
