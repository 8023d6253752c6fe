import { count } from '../../../lib/data-words';
import { rangesInWords, selectedCount, type RowRange } from '../../../lib/label-row-selection';
import { MAX_LABELS } from '../../../lib/label-split-rows';

interface SelectionBarProps {
  ranges: readonly RowRange[];
  /** The version's target column, or null when none is chosen yet. */
  target: string | null;
  /** What the last "Set target…" did, said until the selection changes. */
  note: string | null;
  onSetTarget(): void;
  onClear(): void;
  onChooseTarget(): void;
}

/**
 * Above the table: how many rows are selected and what can be done with them. With nothing
 * selected it says how to select, so the bar keeps its place and the table does not jump.
 */
export function SelectionBar({ ranges, target, note, onSetTarget, onClear, onChooseTarget }: SelectionBarProps) {
  const n = selectedCount(ranges);
  if (n === 0)
    return (
      <div className="table-selection-bar is-empty" data-testid="table-selection-bar">
        <p className="muted" aria-live="polite" data-testid="table-selection-count">
          Click a row to select it · <kbd>Shift</kbd>+click a range · <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+click one more · <kbd>Ctrl</kbd>+<kbd>A</kbd> all
        </p>
      </div>
    );

  const tooMany = n > MAX_LABELS;
  return (
    <div className="table-selection-bar" data-testid="table-selection-bar">
      <p aria-live="polite" data-testid="table-selection-count">
        <strong>
          {count(n)} {n === 1 ? 'row' : 'rows'} selected
        </strong>{' '}
        <span className="muted">({rangesInWords(ranges)})</span>
      </p>
      {target ? (
        <>
          <button type="button" className="button primary small" data-testid="table-set-target" disabled={tooMany} aria-describedby={tooMany ? 'table-too-many' : undefined} onClick={onSetTarget}>
            Set target…
          </button>
          {tooMany ? (
            <span className="field-error" id="table-too-many">
              At most {count(MAX_LABELS)} rows can be labelled at once — select fewer.
            </span>
          ) : (
            <span className="muted">
              target {target} · <kbd>Enter</kbd>
            </span>
          )}
        </>
      ) : (
        <span className="muted" data-testid="table-no-target">
          No target chosen: pick the column to label first.{' '}
          <button type="button" className="button small" data-testid="table-choose-target" onClick={onChooseTarget}>
            Choose a target…
          </button>
        </span>
      )}
      <button type="button" className="button ghost small" data-testid="table-clear-selection" onClick={onClear}>
        Clear <kbd>Esc</kbd>
      </button>
      {note && (
        <p className="muted table-selection-note" role="status" data-testid="table-selection-note">
          {note}
        </p>
      )}
    </div>
  );
}
