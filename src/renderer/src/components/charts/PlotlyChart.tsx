import { useEffect, useRef, useState } from 'react';
import { CHART_CONFIG, baseLayout, chartColors, loadPlotly, type ChartColors, type Figure } from '../../lib/plotly';
import { useAppStore } from '../../store';

/** The nearest ancestor that scrolls vertically, or null for the viewport. */
function scrollParent(el: HTMLElement): HTMLElement | null {
  for (let node = el.parentElement; node; node = node.parentElement) {
    if (/(auto|scroll)/.test(getComputedStyle(node).overflowY)) return node;
  }
  return null;
}

interface PlotlyChartProps {
  /** Builds the figure from the theme's colours; memoise it, a new function redraws the chart. */
  figure: (colors: ChartColors) => Figure;
  height: number;
  /** What the chart shows, for screen readers (the numbers are also in the card as text). */
  label: string;
  testId?: string;
}

/**
 * A Plotly chart drawn only once it scrolls near the viewport (a profile has dozens), in the
 * theme's colours (redrawn when the theme changes), resized with its container, purged on unmount.
 */
export function PlotlyChart({ figure, height, label, testId }: PlotlyChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  const [state, setState] = useState<'waiting' | 'drawn' | 'error'>('waiting');
  const theme = useAppStore((s) => s.theme);

  useEffect(() => {
    const el = ref.current;
    if (!el || near) return;
    // The margin counts from the box that scrolls the chart (the viewport would clip it first), so
    // a chart starts drawing just before it scrolls into view.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { root: scrollParent(el), rootMargin: '300px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [near]);

  useEffect(() => {
    const el = ref.current;
    if (!el || !near) return;
    let cancelled = false;
    loadPlotly()
      .then(async (Plotly) => {
        if (cancelled) return;
        const colors = chartColors();
        const { data, layout } = figure(colors);
        const base = baseLayout(colors, height);
        await Plotly.react(el, data, { ...base, ...layout, xaxis: { ...base.xaxis, ...layout.xaxis }, yaxis: { ...base.yaxis, ...layout.yaxis } }, CHART_CONFIG);
        if (!cancelled) setState('drawn');
      })
      .catch(() => !cancelled && setState('error'));
    return () => {
      cancelled = true;
    };
  }, [near, figure, height, theme]);

  // Plotly's own `responsive` follows the window; the drawer and the sidebar change the width too.
  useEffect(() => {
    const el = ref.current;
    if (!el || state !== 'drawn') return;
    const observer = new ResizeObserver(() => {
      if (el.clientWidth > 0) void loadPlotly().then((Plotly) => Plotly.Plots.resize(el));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [state]);

  useEffect(() => {
    const el = ref.current;
    return () => {
      if (el) void loadPlotly().then((Plotly) => Plotly.purge(el));
    };
  }, []);

  return (
    <div className="chart" style={{ minHeight: height }} data-testid={testId} data-drawn={state === 'drawn' ? 'true' : undefined}>
      <div ref={ref} className="chart-plot" role="img" aria-label={label} />
      {state === 'waiting' && (
        <p className="chart-placeholder muted" aria-hidden="true">
          {near ? 'Drawing…' : ''}
        </p>
      )}
      {state === 'error' && <p className="chart-placeholder muted">The chart could not be drawn (the charting library did not load).</p>}
    </div>
  );
}
