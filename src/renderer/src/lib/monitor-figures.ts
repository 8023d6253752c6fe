import type { Data } from 'plotly.js';
import type { FeatureHistogram, HealthReport, PerformanceReport } from '../../../shared/monitor/models';
import type { ChartColors, Figure } from './chart-types';
import { num } from './monitor-heatmap';

/** Figures of the Monitor workspace, pure functions of the engine's answers and the theme's colours. */

/**
 * Bin labels on the reference's edges. Served values outside the reference's range are counted in
 * the first or last bin, so those two are open-ended: "< 0.2", "0.2–0.5", …, "≥ 9.8".
 */
export function binLabels(edges: readonly number[]): string[] {
  const n = edges.length - 1;
  if (n <= 1) return [edges.length ? `${num(edges[0]!)}–${num(edges.at(-1)!)}` : 'all'];
  return Array.from({ length: n }, (_, i) => (i === 0 ? `< ${num(edges[1]!)}` : i === n - 1 ? `≥ ${num(edges[i]!)}` : `${num(edges[i]!)}–${num(edges[i + 1]!)}`));
}

const legend = (colors: ChartColors) => ({ orientation: 'h' as const, x: 0, y: 1.02, yanchor: 'bottom' as const, font: { color: colors.text } });

/** Reference and served shares side by side on the same bins (numeric) or categories. */
export function histogramFigure(h: FeatureHistogram, colors: ChartColors): Figure {
  const x = h.kind === 'numeric' ? binLabels(h.edges) : h.categories;
  const bars = (y: number[], name: string, color: string): Data => ({ type: 'bar', x, y, name, marker: { color }, hovertemplate: `%{x}: %{y:.1%}<extra>${name}</extra>` });
  return {
    data: [bars(h.reference, 'reference (training)', colors.muted), bars(h.current, `served (${h.currentRows.toLocaleString('en')} rows)`, colors.accent)],
    layout: { barmode: 'group', showlegend: true, legend: legend(colors), xaxis: { type: 'category', title: { text: h.feature } }, yaxis: { title: { text: 'share of rows' }, tickformat: '.0%', rangemode: 'tozero' } },
  };
}

type Labels = readonly string[];

/** The metric per window, the test result as a dashed line, decayed windows in red. */
export function performanceFigure(r: PerformanceReport, labels: Labels, colors: ChartColors): Figure {
  const x = [...labels];
  const data: Data[] = [
    {
      type: 'scatter',
      mode: 'lines+markers',
      x,
      y: r.windows.map((w) => w.value),
      name: r.metric,
      connectgaps: false,
      line: { color: colors.accent, width: 2 },
      // Decayed windows in red crosses; windows too small to judge hollow and muted.
      marker: {
        size: 9,
        color: r.windows.map((w) => (w.decayed ? colors.danger : w.warning ? colors.muted : colors.accent)),
        symbol: r.windows.map((w) => (w.decayed ? 'x' : w.warning ? 'circle-open' : 'circle')),
      },
      hovertemplate: `%{x}: ${r.metric} %{y:.4f}<extra></extra>`,
    },
  ];
  if (r.testValue !== null) data.push({ type: 'scatter', mode: 'lines', x, y: x.map(() => r.testValue), name: `test ${num(r.testValue)}`, line: { color: colors.success, dash: 'dash', width: 2 }, hoverinfo: 'skip' });
  return { data, layout: { showlegend: true, legend: legend(colors), xaxis: { type: 'category', title: { text: 'window' } }, yaxis: { title: { text: r.metric } } } };
}

type HealthWindow = HealthReport['windows'][number];
const line = (x: string[], y: Array<number | null>, name: string, color: string, unit: string, dash = 'solid'): Data =>
  ({ type: 'scatter', mode: 'lines+markers', x, y, name, connectgaps: false, line: { color, width: 2, dash }, marker: { color, size: 6 }, hovertemplate: `%{x}: %{y:.3~f} ${unit}<extra>${name}</extra>` }) as Data;

/** p50, p95 and p99 latency per window. */
export function latencyFigure(windows: readonly HealthWindow[], labels: Labels, colors: ChartColors): Figure {
  const x = [...labels];
  return {
    data: [line(x, windows.map((w) => w.p50Ms), 'p50', colors.accent, 'ms'), line(x, windows.map((w) => w.p95Ms), 'p95', colors.warning, 'ms', 'dash'), line(x, windows.map((w) => w.p99Ms), 'p99', colors.danger, 'ms', 'dot')],
    layout: { showlegend: true, legend: legend(colors), xaxis: { type: 'category' }, yaxis: { title: { text: 'ms' }, rangemode: 'tozero' } },
  };
}

/** Requests per second (left axis) and the error rate (right axis, a share). */
export function trafficFigure(windows: readonly HealthWindow[], labels: Labels, colors: ChartColors): Figure {
  const x = [...labels];
  const errors = { ...line(x, windows.map((w) => w.errorRate), 'error rate', colors.danger, '', 'dot'), yaxis: 'y2', hovertemplate: '%{x}: %{y:.1%}<extra>error rate</extra>' } as Data;
  return {
    data: [line(x, windows.map((w) => w.requestsPerSecond), 'requests/s', colors.accent, 'req/s'), errors],
    layout: {
      showlegend: true,
      legend: legend(colors),
      xaxis: { type: 'category' },
      yaxis: { title: { text: 'requests/s' }, rangemode: 'tozero' },
      // The legend names the right axis; a title there would crowd its percentages.
      yaxis2: { overlaying: 'y', side: 'right', tickformat: '.0%', range: [0, Math.max(0.05, ...windows.map((w) => w.errorRate)) * 1.1], color: colors.muted, showgrid: false, automargin: true },
    },
  };
}

/** CPU per process over time (and GPU where one was sampled). */
export function resourcesFigure(samples: HealthReport['resources'], colors: ChartColors): Figure {
  const processes = [...new Set(samples.map((s) => s.process))];
  const palette = [colors.accent, colors.warning, colors.success, colors.danger];
  const data: Data[] = processes.map((p, i) => {
    const own = samples.filter((s) => s.process === p);
    return { type: 'scatter', mode: 'lines+markers', x: own.map((s) => new Date(s.at)), y: own.map((s) => s.cpuPercent), name: `${p} CPU`, line: { color: palette[i % palette.length], width: 2 }, hovertemplate: `%{x|%H:%M:%S}: %{y:.1f}%<extra>${p}</extra>` } as Data;
  });
  const gpu = samples.filter((s) => s.gpuPercent !== null);
  if (gpu.length) data.push({ type: 'scatter', mode: 'lines+markers', x: gpu.map((s) => new Date(s.at)), y: gpu.map((s) => s.gpuPercent), name: 'GPU', line: { color: colors.danger, dash: 'dot', width: 2 } });
  return { data, layout: { showlegend: true, legend: legend(colors), xaxis: { type: 'date', tickformat: '%H:%M:%S', nticks: 6 }, yaxis: { title: { text: '% of one core' }, rangemode: 'tozero' } } };
}
