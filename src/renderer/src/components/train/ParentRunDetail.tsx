import { useEffect, useMemo, useRef, useState } from 'react';
import { MODEL_LABELS, type Run } from '../../../../shared/train/models';
import { dateTime } from '../../lib/format';
import { metricTable, SETS } from '../../lib/train-compare';
import { BEST_FIRST, searchedValues, trialRows, trialValueText, type TrialSort } from '../../lib/train-trials';
import { metricLabel, metricText } from '../../lib/train-words';
import { Leaderboard } from './Leaderboard';
import { MetricsTable } from './MetricsTable';
import { ParentProgress } from './ParentProgress';
import { STATUS_TEXT } from './RunTable';
import { TrialChart } from './TrialChart';
import { TrialTable } from './TrialTable';
import { trainActions } from './train-store';
import { useChildRuns } from './useChildRuns';

const STRATEGY_WORDS = { random: 'Random search', halving: 'Successive halving', auto: 'Auto' } as const;

/**
 * A search or auto run opened: its progress and Cancel while it runs, its trials (or auto's
 * leaderboard) filling in as they finish with the best starred, a chart of them, and once done the
 * best trial's metrics, which the parent run takes on.
 */
export function ParentRunDetail({ run }: { run: Run }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start' });
  }, []);
  const search = run.search!;
  const auto = search.strategy === 'auto';
  const { children, error } = useChildRuns(run);
  const rows = useMemo(() => trialRows(run, children ?? []), [run, children]);
  const [sort, setSort] = useState<TrialSort>(BEST_FIRST);
  const best = rows.find((r) => r.best);
  const sets = SETS.filter((set) => run.metrics[set] !== null);
  const what = auto ? `${search.trials} learners` : `${search.trials} trials of ${MODEL_LABELS[run.model].toLowerCase()}`;

  return (
    <section ref={ref} className="card train-detail" aria-labelledby="train-detail-title" data-testid="train-search-detail" data-run-id={run.id}>
      <header className="train-detail-head">
        <h2 id="train-detail-title">{run.name}</h2>
        <span className={`badge train-status-${run.status}`} data-testid="train-detail-status">
          {STATUS_TEXT[run.status]}
        </span>
        <span className="muted">
          {STRATEGY_WORDS[search.strategy]}: {what}, ranked by validation {metricLabel(search.metric)} ({search.higherIsBetter ? 'higher' : 'lower'} is better) · {run.createdBy}, {dateTime(run.createdAt)}
        </span>
      </header>
      {run.status === 'running' && <ParentProgress parent={run} rows={rows} />}
      {run.error && (
        <p className="form-error" role="alert" data-testid="train-run-error">
          {run.status === 'cancelled' ? 'Cancelled' : 'Failed'}: {run.error}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          Could not list the trials: {error}
        </p>
      )}
      {best && best.score !== null && (
        <p className="search-best" data-testid="train-search-best">
          <span aria-hidden="true">★ </span>
          {run.status === 'running' ? 'Best so far' : 'Best'}: <strong>{auto ? MODEL_LABELS[best.run.model] : `trial ${best.number}`}</strong>
          {!auto && ` (${Object.entries(searchedValues(best, search)).map(([k, v]) => `${k} = ${trialValueText(v)}`).join(', ')})`}, validation {metricLabel(search.metric)} {metricText(best.score)}.{' '}
          <button type="button" className="button small" data-testid="train-open-best" onClick={() => trainActions.open({ kind: 'run', id: best.run.id })}>
            Open it
          </button>
        </p>
      )}
      {children === null && !error ? (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> Loading the trials…
        </p>
      ) : rows.length === 0 ? (
        <p className="muted">No trial has started yet{run.status === 'running' ? ': the split is being made.' : '.'}</p>
      ) : (
        <div className="search-grid">
          {auto ? <Leaderboard rows={rows} search={search} /> : <TrialTable rows={rows} search={search} sort={sort} onSort={setSort} />}
          <TrialChart rows={rows} search={search} />
        </div>
      )}
      {run.status === 'succeeded' && sets.length > 0 && <MetricsTable caption="The best trial’s metrics per set" columns={sets} rows={metricTable(sets.map((s) => run.metrics[s]))} testId="train-detail-metrics" />}
    </section>
  );
}
