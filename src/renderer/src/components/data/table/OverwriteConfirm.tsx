import { useEffect, useRef } from 'react';
import { count } from '../../../lib/data-words';
import { filledInWords } from '../../../lib/label-table-targets';

interface OverwriteConfirmProps {
  column: string;
  value: string;
  rows: number[];
  /** The selected rows whose target already holds a value (sorted). */
  filled: number[];
  onApply(rows: number[]): void;
  onBack(): void;
}

/**
 * Setting a value over labels someone already gave is confirmed, saying how many; the rows whose
 * target is empty can be set alone instead. Replace has the focus: nothing is lost by it (the
 * labels are only pending, and a save leaves this version as it is).
 */
export function OverwriteConfirm({ column, value, rows, filled, onApply, onBack }: OverwriteConfirmProps) {
  const replace = useRef<HTMLButtonElement>(null);
  const n = filled.length;
  const held = new Set(filled);
  const empty = rows.filter((r) => !held.has(r));

  useEffect(() => replace.current?.focus(), []);

  return (
    <div className="set-target-confirm" role="alertdialog" aria-labelledby="set-target-confirm-text" data-testid="set-target-confirm">
      <p id="set-target-confirm-text">
        <strong>{filledInWords(n, rows.length, column)}.</strong>{' '}
        {n === 1 ? 'Setting it replaces its value' : 'Setting them replaces their values'} with “{value}” in the new version; this version keeps {n === 1 ? 'it' : 'them'}.
      </p>
      <div className="dialog-actions">
        <button type="button" className="button ghost" onClick={onBack}>
          Back
        </button>
        {empty.length > 0 && (
          <button type="button" className="button" data-testid="set-target-only-empty" onClick={() => onApply(empty)}>
            Only the {count(empty.length)} empty {empty.length === 1 ? 'row' : 'rows'}
          </button>
        )}
        <button ref={replace} type="button" className="button primary" data-testid="set-target-replace" onClick={() => onApply(rows)}>
          {empty.length === 0 ? `Replace ${n === 1 ? 'it' : `all ${count(n)}`}` : `Replace ${count(n)} and set all ${count(rows.length)}`}
        </button>
      </div>
    </div>
  );
}
