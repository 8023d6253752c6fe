import { count } from '../../../lib/data-words';
import { normalize, rangesInWords, span } from '../../../lib/label-row-selection';
import { filledInWords } from '../../../lib/label-table-targets';
import type { SelectedTargets } from './useSelectedTargets';

/** What the selected rows hold now: being read, none set, how many set, or why it could not be read. */
export function ExistingNote({ column, total, existing, repending }: { column: string; total: number; existing: SelectedTargets; repending: number }) {
  const who = total === 1 ? 'It' : `${count(repending)} of them`;
  const again = repending > 0 ? ` ${who} already ${repending === 1 ? 'has a pending label' : 'have pending labels'}, which this replaces.` : '';
  if (existing.error)
    return (
      <p className="form-error" role="alert" data-testid="set-target-read-error">
        Could not read which selected rows already have a value in {column}: {existing.error.replace(/\.$/, '')}. Try again, or Cancel and select fewer rows.{' '}
        <button type="button" className="button small" onClick={existing.retry}>
          Try again
        </button>
      </p>
    );
  if (existing.filled === null)
    return (
      <p className="muted" role="status">
        <span className="spinner" aria-hidden="true" /> Reading which of the {count(total)} rows already have a value in {column}…
      </p>
    );
  const n = existing.filled.length;
  const which = n > 0 && total > 1 ? ` (${rangesInWords(normalize(existing.filled.map((r) => span(r, r))))})` : '';
  return (
    <p className="muted" role="status" data-testid="set-target-existing">
      {filledInWords(n, total, column)}
      {which}.
      {again}
    </p>
  );
}
