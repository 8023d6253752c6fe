import { MODEL_LABELS, type Run } from '../../../../shared/train/models';
import { dateTime } from '../../lib/format';
import { nextSort, testMetric, type RunSort, type SortKey } from '../../lib/train-table';
import { metricLabel, metricText, secondsText } from '../../lib/train-words';
import { trainActions, type Opened } from './train-store';

interface RunTableProps {
  runs: Run[];
  sort: RunSort;
  metric: string | null;
  checked: string[];
  opened: Opened;
}

export const STATUS_TEXT: Record<Run['status'], string> = { running: 'Running', succeeded: 'Succeeded', failed: 'Failed', cancelled: 'Cancelled' };

function SortHeader({ label, column, sort, metric, numeric }: { label: string; column: SortKey; sort: RunSort; metric: string | null; numeric?: boolean }) {
  const active = sort.key === column;
  return (
    <th scope="col" aria-sort={active ? sort.direction : undefined} className={numeric ? 'num' : undefined}>
      <button type="button" className="train-sort" data-testid={`train-sort-${column}`} onClick={() => trainActions.setSort(nextSort(sort, column, metric))}>
        {label}
        <span className="train-sort-mark" aria-hidden="true">
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
        </span>
      </button>
    </th>
  );
}

/** The runs as a real table: sortable headers (buttons with aria-sort), a tick to compare, the name to open. */
export function RunTable({ runs, sort, metric, checked, opened }: RunTableProps) {
  const openId = opened?.kind === 'run' ? opened.id : null;
  const header = (label: string, column: SortKey, numeric?: boolean) => <SortHeader label={label} column={column} sort={sort} metric={metric} numeric={numeric} />;
  return (
    <div className="train-table-wrap" role="region" aria-label="Runs" tabIndex={0}>
      <table className="train-table" data-testid="train-runs">
        <thead>
          <tr>
            <th scope="col" className="train-tick">
              <span className="visually-hidden">Compare</span>
            </th>
            {header('Name', 'name')}
            {header('Model', 'model')}
            {header('Dataset', 'dataset')}
            {header('Status', 'status')}
            {header(metric ? `Test ${metricLabel(metric)}` : 'Test metric', 'metric', true)}
            {header('Duration', 'duration', true)}
            {header('Created', 'created')}
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id} data-testid="train-run-row" data-run-id={run.id} data-status={run.status} className={run.id === openId ? 'is-open' : undefined}>
              <td className="train-tick">
                <input type="checkbox" data-testid="train-run-check" aria-label={`Compare ${run.name}`} checked={checked.includes(run.id)} onChange={() => trainActions.toggleChecked(run.id)} />
              </td>
              <td className="train-name-cell">
                <button type="button" className="train-open" data-testid="train-run-open" aria-current={run.id === openId ? 'true' : undefined} title={run.name} onClick={() => trainActions.open({ kind: 'run', id: run.id })}>
                  {run.name}
                </button>
                {run.search && <span className="badge badge-planned">{run.search.strategy === 'auto' ? 'auto' : 'search'} · {run.search.trials}</span>}
                {run.parentRunId && <span className="badge">trial</span>}
              </td>
              <td data-testid="train-run-model">{MODEL_LABELS[run.model].replace(/ \(L2\)$/, '')}</td>
              <td>{run.dataset}</td>
              <td>
                <span className={`badge train-status-${run.status}`}>{STATUS_TEXT[run.status]}</span>
              </td>
              <td className="num" data-testid="train-run-metric">
                {metricText(testMetric(run, metric))}
              </td>
              <td className="num">{secondsText(run.durationSeconds)}</td>
              <td className="train-created">{dateTime(run.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
