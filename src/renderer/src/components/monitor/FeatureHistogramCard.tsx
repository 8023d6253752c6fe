import { useCallback } from 'react';
import { timeOfDay } from '../../lib/format';
import { histogramFigure } from '../../lib/monitor-figures';
import type { ChartColors } from '../../lib/plotly';
import { PlotlyChart } from '../charts/PlotlyChart';
import { monitorActions } from './monitor-store';
import { useHistogram } from './useMonitor';

interface Props {
  target: string;
  feature: string;
  /** The chosen window's span, or null for every served row. */
  span: { from: string; to: string } | null;
  /** The chosen window: its number (1-based), its rows, and whether windows are spans of time (else slices of rows). */
  window: { number: number; rows: number; timeCut: boolean } | null;
  drifted: boolean;
}

/** The chosen feature's reference (training) and served distributions side by side, as shares of rows. */
export function FeatureHistogramCard({ target, feature, span, window, drifted }: Props) {
  const { data: histogram, error } = useHistogram(target, feature, span);
  const figure = useCallback((colors: ChartColors) => histogramFigure(histogram!, colors), [histogram]);

  return (
    <section className="card" aria-labelledby="histogram-title" data-testid="monitor-histogram" data-feature={feature}>
      <div className="models-title-row">
        <h3 id="histogram-title">
          <span className="mono">{feature}</span>: reference and served
        </h3>
        {drifted && <span className="badge monitor-drift-badge">drifted</span>}
      </div>
      <p className="muted">
        {span && window ? (
          <>
            <WindowWords span={span} window={window} shownRows={histogram?.currentRows ?? null} />{' '}
            <button type="button" className="link-button" onClick={() => monitorActions.choose(feature)} data-testid="monitor-histogram-all">
              Show every served row.
            </button>
          </>
        ) : (
          'Every served row of the live version, on the reference’s bins. Choose a cell in the heatmap to see one window.'
        )}{' '}
        Values outside the training range fall in the first or last bin.
      </p>
      {error ? (
        <p className="form-error" role="alert" data-testid="monitor-histogram-error">
          Could not read {feature}’s distribution: {error}
        </p>
      ) : !histogram ? (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> Counting {feature}…
        </p>
      ) : histogram.currentRows === 0 ? (
        <p className="muted" data-testid="monitor-histogram-empty">
          No served values of {feature} {span ? 'in this window' : 'yet'}.
        </p>
      ) : (
        <PlotlyChart figure={figure} height={260} label={`${feature}: share of rows per ${histogram.kind === 'numeric' ? 'bin' : 'category'}, training reference against ${histogram.currentRows} served rows`} testId="monitor-histogram-chart" />
      )}
    </section>
  );
}

const when = (span: { from: string; to: string }) => {
  const [a, b] = [timeOfDay(span.from), timeOfDay(span.to)];
  return a === b ? `at ${a}` : `${a}–${b}`;
};

/**
 * Which rows the window's bars are. A window of time is exact. A slice of rows is read back by the
 * time of its first and last row, so whole requests at its edges come with it: say so when the count
 * differs from the window's.
 */
function WindowWords({ span, window, shownRows }: { span: { from: string; to: string }; window: { number: number; rows: number; timeCut: boolean }; shownRows: number | null }) {
  if (window.timeCut) return <>Window {window.number}: rows served {when(span)}.</>;
  const extra = shownRows !== null && shownRows !== window.rows;
  return (
    <>
      Window {window.number} ({window.rows.toLocaleString('en')} rows, served {when(span)})
      {extra ? `: requests at its edges count whole, so the served bars cover ${shownRows.toLocaleString('en')} rows.` : '.'}
    </>
  );
}
