import { useCallback } from 'react';
import type { Data } from 'plotly.js';
import type { Analysis } from '../../../../../shared/data/analysis';
import { strongestPairs } from '../../../lib/groupings-words';
import type { ChartColors } from '../../../lib/plotly';
import { heatmapFigure } from '../../../lib/profile-figures';
import { PlotlyChart } from '../../charts/PlotlyChart';

/**
 * Spearman rank correlation, drawn like the profile's Pearson heatmap (same figure, ρ in the hover).
 * Ranks catch relations that are monotonic but not straight lines, and shrug off outliers.
 */
export function SpearmanSection({ spearman }: { spearman: Analysis['spearman'] }) {
  const { columns, matrix } = spearman;
  const figure = useCallback((colors: ChartColors) => {
    const { data, layout } = heatmapFigure(columns, matrix, colors);
    return { data: data.map((trace) => ({ ...trace, hovertemplate: '%{y} × %{x}: ρ = %{z:.3f}<extra></extra>' }) as Data), layout };
  }, [columns, matrix]);
  const strongest = strongestPairs(columns, matrix);
  const words = strongest.length > 0 ? ` Strongest: ${strongest.map((p) => `${p.a} and ${p.b} (${p.value.toFixed(2)})`).join(', ')}.` : '';
  const height = Math.min(640, Math.max(280, columns.length * 34 + 120));

  return (
    <section className="card groupings-spearman" aria-labelledby="groupings-spearman-title" data-testid="groupings-spearman">
      <h2 id="groupings-spearman-title">Rank correlations (Spearman)</h2>
      {columns.length < 2 ? (
        <p className="muted">Correlations need at least two numeric columns; this analysis has {columns.length === 0 ? 'none' : 'one'}.</p>
      ) : (
        <>
          <p className="muted" data-testid="groupings-spearman-summary">
            Spearman ρ on the sample: blue rises together, red moves opposite, pale is unrelated. Unlike Pearson r in the Profile tab it needs only a
            monotonic relation, and a few extreme values barely move it.{words}
          </p>
          <div className="heatmap-frame" style={{ maxWidth: Math.max(420, columns.length * 56 + 220) }}>
            <PlotlyChart figure={figure} height={height} label={`Spearman correlation heatmap of ${columns.length} numeric columns.${words}`} testId="groupings-spearman-chart" />
          </div>
        </>
      )}
    </section>
  );
}
