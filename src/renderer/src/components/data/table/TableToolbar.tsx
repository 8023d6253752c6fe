import { useState, type FormEvent } from 'react';
import { count } from '../../../lib/data-words';
import { useAppStore } from '../../../store';

interface TableToolbarProps {
  first: number;
  last: number;
  total: number;
  /** Whether the rows in view have arrived. */
  loaded: boolean;
  onGo(row: number): void;
}

/** Above the table: which rows are in view, a "go to row" box, and why rows could not be read. */
export function TableToolbar({ first, last, total, loaded, onGo }: TableToolbarProps) {
  const [target, setTarget] = useState('');
  const error = useAppStore((s) => s.rowsError);
  const retry = useAppStore((s) => s.retryRows);
  const go = (event: FormEvent) => {
    event.preventDefault();
    const row = Number(target.replace(/[,\s_]/g, ''));
    if (Number.isInteger(row) && row >= 1) onGo(Math.min(row, total) - 1);
  };

  return (
    <div className="table-toolbar">
      <p className="muted" data-testid="table-position">
        {total === 0 ? 'No rows' : `Rows ${count(first + 1)}–${count(Math.min(last + 1, total))} of ${count(total)}`}
        {!loaded && !error && (
          <span className="table-loading">
            {' '}
            · <span className="spinner" aria-hidden="true" /> reading rows…
          </span>
        )}
      </p>
      {error && (
        <p className="form-error table-error" role="alert">
          {error}{' '}
          <button type="button" className="button small" onClick={retry}>
            Try again
          </button>
        </p>
      )}
      <form className="go-to-row" onSubmit={go}>
        <label htmlFor="go-to-row">Go to row</label>
        <input id="go-to-row" data-testid="table-go-to-row" inputMode="numeric" value={target} onChange={(e) => setTarget(e.target.value)} placeholder={`1–${count(Math.max(1, total))}`} />
        <button type="submit" className="button small">
          Go
        </button>
      </form>
    </div>
  );
}
