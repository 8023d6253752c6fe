import { count } from '../../../lib/data-words';

interface QueueHeaderProps {
  column: string;
  /** Rows whose column is empty; null until the first page arrived. */
  total: number | null;
  loading: boolean;
  shortcuts: string[];
  classes: string[];
  source: string | null;
}

/** How many rows wait for a label, the classes to pick from, and the keys that do the work. */
export function QueueHeader({ column, total, loading, shortcuts, classes, source }: QueueHeaderProps) {
  return (
    <div className="ls-queue-head">
      <h3 data-testid="label-queue-count" aria-live="polite">
        {total === null ? (
          <>
            <span className="spinner" aria-hidden="true" /> Finding rows with an empty {column}…
          </>
        ) : total === 0 ? (
          `No rows with an empty ${column} — every row is labelled.`
        ) : (
          `${count(total)} ${total === 1 ? 'row has' : 'rows have'} an empty ${column}`
        )}
        {loading && total !== null && <span className="spinner" aria-label="loading" />}
      </h3>
      {total !== 0 && classes.length > 0 && (
        <p className="ls-classes" data-testid="label-classes">
          <span className="muted">Classes{source ? ` ${source}` : ''}:</span>{' '}
          {shortcuts.length > 0
            ? shortcuts.map((c, i) => (
                <span key={c} className="ls-class">
                  <kbd>{i + 1}</kbd> {c}
                </span>
              ))
            : classes.slice(0, 12).map((c) => (
                <span key={c} className="ls-class">
                  {c}
                </span>
              ))}
        </p>
      )}
      {total !== 0 && (
        <p className="muted ls-keys">
          Type a label{shortcuts.length > 0 ? ' or press its digit' : ''}, then <kbd>Enter</kbd> for the next row · <kbd>Shift</kbd>+<kbd>Enter</kbd> the previous ·{' '}
          <kbd>Esc</kbd> clears
        </p>
      )}
    </div>
  );
}
