import { useCallback } from 'react';
import type { Profile } from '../../../../../shared/data/profile';
import type { ChartColors } from '../../../lib/plotly';
import { heatmapFigure } from '../../../lib/profile-figures';
import { PlotlyChart } from '../../charts/PlotlyChart';

/** Pearson correlation between the numeric columns, −1 to 1, with the strongest pairs named in words. */
export function CorrelationHeatmap({ pearson }: { pearson: Profile['pearson'] }) {
  const { columns, matrix } = pearson;
  const figure = useCallback((colors: ChartColors) => heatmapFigure(columns, matrix, colors), [columns, matrix]);
  const pairs: { a: string; b: string; r: number }[] = [];
  columns.forEach((a, i) => columns.forEach((b, j) => j > i && matrix[i]?.[j] != null && pairs.push({ a, b, r: matrix[i]![j]! })));
  const strongest = pairs.sort((x, y) => Math.abs(y.r) - Math.abs(x.r)).slice(0, 3);
  const height = Math.min(640, Math.max(280, columns.length * 34 + 120));

  return (
    <section className="card profile-heatmap" aria-labelledby="profile-heatmap-title" data-testid="profile-heatmap">
      <h2 id="profile-heatmap-title">Correlations</h2>
      {columns.length < 2 ? (
        <p className="muted">Correlations need at least two numeric columns; this version has {columns.length === 0 ? 'none' : 'one'}.</p>
      ) : (
        <>
          <p className="muted">
            Pearson r between numeric columns: blue moves together, red moves opposite, pale is unrelated (linearly).
            {strongest.length > 0 && ` Strongest: ${strongest.map((p) => `${p.a} and ${p.b} (${p.r.toFixed(2)})`).join(', ')}.`}
          </p>
          <div className="heatmap-frame" style={{ maxWidth: Math.max(420, columns.length * 56 + 220) }}>
            <PlotlyChart figure={figure} height={height} label={`Correlation heatmap of ${columns.length} numeric columns`} testId="profile-heatmap-chart" />
          </div>
        </>
      )}
    </section>
  );
}
