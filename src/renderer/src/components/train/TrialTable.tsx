import type { Run, SearchSummary } from '../../../../shared/train/models';
import { percent } from '../../lib/format';
import { nextTrialSort, searchedValues, sortTrials, trialAriaSort, trialValueText, type TrialRow, type TrialSort, type TrialSortKey } from '../../lib/train-trials';
import { metricLabel, metricText, secondsText } from '../../lib/train-words';
import { useAppStore } from '../../store';
import { STATUS_TEXT } from './RunTable';
import { trainActions, useTrainStore } from './train-store';
import { learnerOf } from './useLearners';

/** "Running 45%" while a trial's job reports progress, "Queued" while it waits for a free core; its status otherwise. */
export function TrialStatus({ run }: { run: Run }) {
  const job = useAppStore((s) => (run.status === 'running' && run.jobId ? s.jobs.find((j) => j.id === run.jobId) : undefined));
  return (
    <span className={`badge train-status-${run.status}`}>
      {job?.status === 'queued' ? 'Queued' : STATUS_TEXT[run.status]}
      {job?.status === 'running' ? ` ${percent(job.progress)}%` : ''}
    </span>
  );
}

/** The star and word that mark the best trial (the word, so it is not colour or shape alone). */
/** A trial's validation score, test score, status and duration: the last cells of the trials table and the leaderboard. */
export function TrialOutcomeCells({ row, metric }: { row: TrialRow; metric: string }) {
  return (
    <>
      <td className="num" data-testid="train-trial-score">
        {metricText(row.score)}
      </td>
      <td className="num">{metricText(row.run.metrics.test?.[metric])}</td>
      <td>
        <TrialStatus run={row.run} />
      </td>
      <td className="num">{secondsText(row.run.durationSeconds)}</td>
    </>
  );
}

export function BestBadge() {
  return (
    <span className="badge train-best-badge" data-testid="train-trial-best">
      <span aria-hidden="true">★ </span>best
    </span>
  );
}

function SortHeader({ label, column, sort, higherIsBetter, onSort }: { label: string; column: TrialSortKey; sort: TrialSort; higherIsBetter: boolean; onSort(sort: TrialSort): void }) {
  const active = sort.key === column;
  const order = trialAriaSort(sort, column, higherIsBetter);
  return (
    <th scope="col" aria-sort={order} className={column === 'score' ? 'num' : undefined}>
      <button type="button" className="train-sort" data-testid={`train-trials-sort-${column}`} onClick={() => onSort(nextTrialSort(sort, column))}>
        {label}
        <span className="train-sort-mark" aria-hidden="true">
          {active ? (order === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

interface TrialTableProps {
  rows: TrialRow[];
  search: SearchSummary;
  sort: TrialSort;
  onSort(sort: TrialSort): void;
}

/** A search's trials: the values it tried, the validation score it ranks by (sortable), the best starred; a trial's number opens it. */
export function TrialTable({ rows, search, sort, onSort }: TrialTableProps) {
  const names = Object.keys(search.space);
  // Headed by the learner's words for each parameter ("L2 penalty (λ)"), the engine's name beside it.
  const learner = useTrainStore((s) => learnerOf(s.learners, rows[0]?.run.model ?? 'logistic'));
  const labelOf = (name: string) => learner?.parameters.find((p) => p.name === name)?.label ?? name;
  const halving = search.strategy === 'halving';
  const sorted = sortTrials(rows, sort, search.higherIsBetter);
  const header = (label: string, column: TrialSortKey) => <SortHeader label={label} column={column} sort={sort} higherIsBetter={search.higherIsBetter} onSort={onSort} />;
  return (
    <div className="train-table-wrap" role="region" aria-label="Trials" tabIndex={0}>
      <table className="train-table search-trials" data-testid="train-trials">
        <caption>
          Trials <span className="count">{rows.length}</span>
        </caption>
        <thead>
          <tr>
            {header('Trial', 'number')}
            {halving && <th scope="col">Round</th>}
            {names.map((n) => (
              <th key={n} scope="col" title={n}>
                {labelOf(n)}
              </th>
            ))}
            {header(`Validation ${metricLabel(search.metric)}`, 'score')}
            <th scope="col" className="num">
              Test {metricLabel(search.metric)}
            </th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Duration
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => {
            const values = searchedValues(row, search);
            return (
              <tr key={row.run.id} data-testid="train-trial-row" data-run-id={row.run.id} data-best={row.best ? 'true' : undefined} className={row.best ? 'is-best' : undefined}>
                <td className="train-name-cell">
                  <button type="button" className="train-open" data-testid="train-trial-open" title={row.run.name} onClick={() => trainActions.open({ kind: 'run', id: row.run.id })}>
                    Trial {row.number}
                  </button>
                  {row.best && <BestBadge />}
                </td>
                {halving && <td>{row.round}</td>}
                {names.map((n) => (
                  <td key={n} className="mono">
                    {trialValueText(values[n])}
                  </td>
                ))}
                <TrialOutcomeCells row={row} metric={search.metric} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
