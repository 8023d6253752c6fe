import type * as PlotlyTypes from 'plotly.js';

/**
 * Plotly, loaded on first use: it is several megabytes, so the first paint never waits for it and a
 * session that never opens a profile never parses it. The strict bundle runs under our CSP (no eval).
 */
export type Plotly = typeof PlotlyTypes;
export type { ChartColors, Figure } from './chart-types';
import type { ChartColors } from './chart-types';

let loading: Promise<Plotly> | null = null;

export function loadPlotly(): Promise<Plotly> {
  loading ??= import('plotly.js-strict-dist-min').then((module) => {
    // A CommonJS bundle: depending on interop the API is the default export or the module itself.
    const candidate = (module as { default?: Plotly }).default ?? (module as unknown as Plotly);
    return candidate;
  });
  loading.catch(() => {
    loading = null;
  });
  return loading;
}


export function chartColors(): ChartColors {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#18202b'),
    muted: v('--text-muted', '#566170'),
    grid: v('--border', '#d5dae2'),
    surface: v('--surface', '#ffffff'),
    accent: v('--accent', '#2652cc'),
    danger: v('--danger', '#b42318'),
    warning: v('--warning-fill', '#d08c00'),
    success: v('--success', '#17803a'),
    font: getComputedStyle(document.body).fontFamily || 'system-ui, sans-serif',
  };
}

/** What every chart shares: transparent background, theme text and grid, tight margins. */
export function baseLayout(colors: ChartColors, height: number): Partial<PlotlyTypes.Layout> {
  const axis = { color: colors.muted, gridcolor: colors.grid, zerolinecolor: colors.grid, linecolor: colors.grid, automargin: true };
  return {
    height,
    autosize: true,
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    font: { family: colors.font, size: 12, color: colors.text },
    margin: { l: 8, r: 8, t: 8, b: 8 },
    xaxis: { ...axis },
    yaxis: { ...axis },
    hoverlabel: { bgcolor: colors.surface, bordercolor: colors.grid, font: { color: colors.text } },
    showlegend: false,
    bargap: 0.08,
  };
}

export const CHART_CONFIG: Partial<PlotlyTypes.Config> = { displayModeBar: false, responsive: true, displaylogo: false };
