import { useCallback, useState } from 'react';
import { MODEL_LABELS, type SearchSummary } from '../../../../shared/train/models';
import type { ChartColors } from '../../lib/chart-types';
import { leaderboardFigure, trialsFigure } from '../../lib/train-trial-figures';
import type { TrialRow } from '../../lib/train-trials';
import { metricLabel } from '../../lib/train-words';
import { PlotlyChart } from '../charts/PlotlyChart';

/**
 * The trials on a chart: for a search, the validation score per trial (or against one searched
 * parameter, to see where in its range the good trials lie); for auto, the learners as bars.
 */
export function TrialChart({ rows, search }: { rows: TrialRow[]; search: SearchSummary }) {
  const [by, setBy] = useState<string | null>(null);
  const metric = metricLabel(search.metric);
  const auto = search.strategy === 'auto';
  const figure = useCallback(
    (colors: ChartColors) => (auto ? leaderboardFigure(rows, search, metric, (r) => MODEL_LABELS[r.run.model], colors) : trialsFigure(rows, search, by, metric, colors)),
    [rows, search, by, metric, auto],
  );
  const scored = rows.filter((r) => r.score !== null);
  const best = scored.find((r) => r.best);
  const label = `Validation ${metric} of ${scored.length} ${auto ? 'learners' : 'trials'}${by ? ` against ${by}` : ''}${best ? `; best ${best.score!.toPrecision(4)} (${auto ? MODEL_LABELS[best.run.model] : `trial ${best.number}`})` : ''}`;
  return (
    <div className="search-chart">
      <div className="search-chart-head">
        <h3 className="subheading">{auto ? `Learners by validation ${metric}` : `Validation ${metric} per trial`}</h3>
        {!auto && Object.keys(search.space).length > 0 && (
          <label className="search-chart-by">
            <span>Across</span>
            <select data-testid="train-trials-chart-by" value={by ?? ''} onChange={(e) => setBy(e.target.value || null)}>
              <option value="">trial number</option>
              {Object.keys(search.space).map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {scored.length === 0 ? <p className="muted train-curve-empty">No trial has a validation score yet.</p> : <PlotlyChart figure={figure} height={auto ? 90 + 48 * scored.length : 300} label={label} testId="train-trials-chart" />}
    </div>
  );
}
