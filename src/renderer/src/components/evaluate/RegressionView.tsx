import { useCallback } from 'react';
import type { Evaluation } from '../../../../shared/train/models';
import type { ChartColors } from '../../lib/chart-types';
import { predictedActualFigure } from '../../lib/evaluate-figures';
import { residualSummary } from '../../lib/evaluate-words';
import { histogramFigure } from '../../lib/profile-figures';
import { PlotlyChart } from '../charts/PlotlyChart';

/** Regression: predicted against actual, and the residuals' histogram. */
export function RegressionView({ evaluation }: { evaluation: Evaluation }) {
  const residuals = evaluation.residuals!;
  const scatter = useCallback((c: ChartColors) => predictedActualFigure(residuals, c), [residuals]);
  const histogram = useCallback((c: ChartColors) => {
    const f = histogramFigure(residuals.histogram, c);
    return { ...f, layout: { ...f.layout, xaxis: { ...f.layout.xaxis, title: { text: 'residual (actual − predicted)' } } } };
  }, [residuals]);
  const summary = residualSummary(residuals);
  return (
    <section className="card evaluate-grid" aria-label="Residuals">
      <div>
        <h3>Predicted against actual</h3>
        <p className="muted">Points on the dotted diagonal are predicted exactly. {residuals.actual.length} rows.</p>
        <PlotlyChart figure={scatter} height={320} label={`Predicted against actual for ${residuals.actual.length} rows, with the diagonal where they are equal.`} testId="evaluate-scatter" />
      </div>
      <div>
        <h3>Residuals</h3>
        <p className="muted" data-testid="evaluate-residual-summary">
          {summary}
        </p>
        <PlotlyChart figure={histogram} height={320} label={summary} testId="evaluate-residuals" />
      </div>
    </section>
  );
}
