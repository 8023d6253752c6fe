import { useCallback, useState } from 'react';
import type { Analysis } from '../../../../../shared/data/analysis';
import { count } from '../../../lib/data-words';
import { pcaFigure, type ColourBy } from '../../../lib/groupings-figures';
import { pcaSummary } from '../../../lib/groupings-words';
import type { ChartColors } from '../../../lib/plotly';
import { PlotlyChart } from '../../charts/PlotlyChart';

let webgl: boolean | undefined;
/** WebGL draws thousands of points smoothly; a browser or remote desktop without it gets SVG points. */
function hasWebgl(): boolean {
  webgl ??= Boolean(document.createElement('canvas').getContext('webgl'));
  return webgl;
}

/** The rows projected on the first two principal components, coloured by target or by cluster. */
export function PcaSection({ analysis, target }: { analysis: Analysis; target: string | null }) {
  const hasTarget = target !== null && analysis.points.some((p) => p.target !== null);
  const [choice, setChoice] = useState<ColourBy>('target');
  const by: ColourBy = hasTarget ? choice : 'cluster';
  const figure = useCallback((colors: ChartColors) => pcaFigure(analysis, by, target, colors, hasWebgl()), [analysis, by, target]);
  const summary = pcaSummary(analysis.pca, analysis.features);

  return (
    <section className="card groupings-pca" aria-labelledby="groupings-pca-title" data-testid="groupings-pca">
      <div className="groupings-head">
        <h2 id="groupings-pca-title">PCA projection</h2>
        <fieldset className="choice-row">
          <legend>Colour by</legend>
          {(['target', 'cluster'] as const).map((option) => (
            <label key={option} className={option === 'target' && !hasTarget ? 'checkbox-row muted' : 'checkbox-row'}>
              <input type="radio" name="groupings-colour" value={option} checked={by === option} disabled={option === 'target' && !hasTarget} onChange={() => setChoice(option)} data-testid={`groupings-colour-${option}`} />
              {option === 'target' ? `target${target ? ` (${target})` : ''}` : 'k-means cluster'}
            </label>
          ))}
        </fieldset>
      </div>
      <p className="muted" data-testid="groupings-pca-summary">
        {summary} {count(analysis.points.length)} sampled rows are drawn.
        {!hasTarget && ' No target is set, so the rows are coloured by cluster (choose a target in the Schema tab).'}
      </p>
      <PlotlyChart figure={figure} height={440} label={`Scatter plot of ${count(analysis.points.length)} rows on the first two principal components, coloured by ${by === 'cluster' ? 'k-means cluster' : target}. ${summary}`} testId="groupings-pca-chart" />
    </section>
  );
}
