import { useCallback } from 'react';
import { timeOfDay } from '../../lib/format';
import { histogramFigure } from '../../lib/monitor-figures';
import type { ChartColors } from '../../lib/plotly';
import { PlotlyChart } from '../charts/PlotlyChart';
import type { WindowArgs } from '../../lib/monitor-window';
import { monitorActions } from './monitor-store';
import { useHistogram } from './useMonitor';

type ChosenWindow = { index: number; args: WindowArgs; start: string; end: string; rows: number; timeCut: boolean };

interface Props {
  target: string;
  feature: string;
  /**
   * The chosen heatmap window, or null for every served row: its index and the cut it belongs to
   * (the engine counts exactly its rows), its span and rows, and whether windows are spans of time
   * (else slices of rows).
   */
  window: ChosenWindow | null;
  drifted: boolean;
}

/** The chosen feature's reference (training) and served distributions side by side, as shares of rows. */
export function FeatureHistogramCard({ target, feature, window, drifted }: Props) {
  const { data: histogram, error } = useHistogram(target, feature, window && { index: window.index, args: window.args });
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
        {window ? (
          <>
            <WindowWords window={window} />{' '}
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
          No served values of {feature} {window ? 'in this window' : 'yet'}.
        </p>
      ) : (
        <PlotlyChart figure={figure} height={260} label={`${feature}: share of rows per ${histogram.kind === 'numeric' ? 'bin' : 'category'}, training reference against ${histogram.currentRows} served rows`} testId="monitor-histogram-chart" />
      )}
    </section>
  );
}

const when = (w: { start: string; end: string }) => {
  const [a, b] = [timeOfDay(w.start), timeOfDay(w.end)];
  return a === b ? `at ${a}` : `${a}–${b}`;
};

/** Which rows the window's bars are: a span of time, or a slice of rows served between two times. */
function WindowWords({ window }: { window: ChosenWindow }) {
  if (window.timeCut) return <>Window {window.index + 1}: rows served {when(window)}.</>;
  return (
    <>
      Window {window.index + 1} ({window.rows.toLocaleString('en')} rows, served {when(window)}).
    </>
  );
}
