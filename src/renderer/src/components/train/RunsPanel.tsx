import { MODEL_KINDS, MODEL_LABELS, RUN_STATUSES, type Run } from '../../../../shared/train/models';
import { filterRuns, metricChoices, shownMetric, sortRuns } from '../../lib/train-table';
import { metricLabel } from '../../lib/train-words';
import { useAppStore } from '../../store';
import { RunTable, STATUS_TEXT } from './RunTable';
import { trainActions, useTrainStore } from './train-store';

/** Every run with its filters, the metric column's choice and the Compare button. */
export function RunsPanel({ runs }: { runs: Run[] }) {
  const { sort, filter, checked, opened, metric: chosen } = useTrainStore();
  const objectiveMetric = useAppStore((s) => s.objective?.value.primaryMetric?.metric ?? null);
  const choices = metricChoices(runs);
  const metric = shownMetric(choices, chosen, objectiveMetric);
  const shown = sortRuns(filterRuns(runs, filter), sort, metric);
  const ticked = checked.filter((id) => runs.some((r) => r.id === id));
  const models = MODEL_KINDS.filter((m) => runs.some((r) => r.model === m));

  return (
    <section className="card train-runs" aria-labelledby="train-runs-title">
      <div className="train-runs-head">
        <h2 id="train-runs-title">
          Runs <span className="count">{runs.length}</span>
        </h2>
        <div className="train-compare-actions">
          <button type="button" className="button small" data-testid="train-compare" disabled={ticked.length < 2} onClick={() => trainActions.open({ kind: 'compare', ids: ticked })}>
            Compare {ticked.length >= 2 ? `${ticked.length} runs` : 'runs'}
          </button>
          {ticked.length > 0 && (
            <button type="button" className="button small ghost" onClick={trainActions.clearChecked}>
              Clear ticks
            </button>
          )}
          {ticked.length < 2 && <span className="muted">Tick two or more runs to compare them.</span>}
        </div>
      </div>
      <div className="train-filters" role="search" aria-label="Filter runs">
        <label>
          <span>Find</span>
          <input type="search" data-testid="train-filter-text" placeholder="name, dataset, target…" value={filter.text} onChange={(e) => trainActions.setFilter({ text: e.target.value })} />
        </label>
        <label>
          <span>Model</span>
          <select data-testid="train-filter-model" value={filter.model} onChange={(e) => trainActions.setFilter({ model: e.target.value })}>
            <option value="">All models</option>
            {models.map((m) => (
              <option key={m} value={m}>
                {MODEL_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>Status</span>
          <select data-testid="train-filter-status" value={filter.status} onChange={(e) => trainActions.setFilter({ status: e.target.value })}>
            <option value="">Any status</option>
            {RUN_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_TEXT[s]}
              </option>
            ))}
          </select>
        </label>
        {runs.some((r) => r.parentRunId) && (
          <label className="checkbox-row train-show-trials">
            <input type="checkbox" data-testid="train-filter-trials" checked={filter.trials} onChange={(e) => trainActions.setFilter({ trials: e.target.checked })} />
            Show search trials
          </label>
        )}
        {choices.length > 1 && (
          <label>
            <span>Metric column</span>
            <select data-testid="train-metric" value={metric ?? ''} onChange={(e) => trainActions.setMetric(e.target.value)}>
              {choices.map((m) => (
                <option key={m} value={m}>
                  {metricLabel(m)}
                  {m === objectiveMetric ? ' (the objective’s)' : ''}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {shown.length ? (
        <RunTable runs={shown} sort={sort} metric={metric} checked={ticked} opened={opened} />
      ) : (
        <p className="muted train-none" data-testid="train-none-match">
          No run matches these filters.{' '}
          <button type="button" className="button small ghost" onClick={() => trainActions.setFilter({ text: '', model: '', status: '', trials: true })}>
            Show all runs
          </button>
        </p>
      )}
      <p className="visually-hidden" role="status">
        {shown.length} of {runs.length} runs shown
      </p>
    </section>
  );
}
