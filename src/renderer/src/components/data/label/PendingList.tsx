import { count } from '../../../lib/data-words';

/** A long list (a range of thousands of rows) shows its start; the count says how many more. */
const SHOWN = 200;

/** Every label typed and not yet saved, including rows outside the queue, each removable. */
export function PendingList({ entries, onRemove }: { entries: [string, string][]; onRemove(row: number): void }) {
  const sorted = [...entries].sort((a, b) => Number(a[0]) - Number(b[0]));
  const more = sorted.length - SHOWN;
  return (
    <details className="ls-pending">
      <summary>Review the {count(entries.length)} pending {entries.length === 1 ? 'label' : 'labels'}</summary>
      <ul>
        {sorted.slice(0, SHOWN).map(([row, text]) => (
          <li key={row}>
            <span className="muted">row {count(Number(row) + 1)}</span> → <strong>{text.trim()}</strong>
            <button type="button" className="icon-button small" aria-label={`Remove the label of row ${Number(row) + 1}`} onClick={() => onRemove(Number(row))}>
              ×
            </button>
          </li>
        ))}
        {more > 0 && <li className="muted">and {count(more)} more</li>}
      </ul>
    </details>
  );
}
