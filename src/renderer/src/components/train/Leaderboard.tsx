import { MODEL_LABELS, type SearchSummary } from '../../../../shared/train/models';
import { leaderboard, type TrialRow } from '../../lib/train-trials';
import { metricLabel } from '../../lib/train-words';
import { BestBadge, TrialOutcomeCells } from './TrialTable';
import { trainActions } from './train-store';

/** Auto's learners ranked by the validation score (best first); a learner's name opens its run. */
export function Leaderboard({ rows, search }: { rows: TrialRow[]; search: SearchSummary }) {
  const ranked = leaderboard(rows, search.higherIsBetter);
  return (
    <div className="train-table-wrap" role="region" aria-label="Leaderboard" tabIndex={0}>
      <table className="train-table search-trials" data-testid="train-leaderboard">
        <caption>Leaderboard, by validation {metricLabel(search.metric)}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Rank
            </th>
            <th scope="col">Learner</th>
            <th scope="col" className="num" aria-sort={search.higherIsBetter ? 'descending' : 'ascending'}>
              Validation {metricLabel(search.metric)}
            </th>
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
          {ranked.map((row) => (
            <tr key={row.run.id} data-testid="train-leader-row" data-model={row.run.model} data-best={row.best ? 'true' : undefined} className={row.best ? 'is-best' : undefined}>
              <td className="num" data-testid="train-leader-rank">
                {row.rank ?? '—'}
              </td>
              <td className="train-name-cell">
                <button type="button" className="train-open" data-testid="train-trial-open" title={row.run.name} onClick={() => trainActions.open({ kind: 'run', id: row.run.id })}>
                  {MODEL_LABELS[row.run.model]}
                </button>
                {row.best && <BestBadge />}
              </td>
              <TrialOutcomeCells row={row} metric={search.metric} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
