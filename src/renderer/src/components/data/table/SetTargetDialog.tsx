import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { ColumnInfo, DatasetVersion } from '../../../../../shared/data/models';
import { count } from '../../../lib/data-words';
import { rangesInWords, selectedRows, type RowRange } from '../../../lib/label-row-selection';
import { digitShortcuts, labelKind, parseLabel } from '../../../lib/label-split-values';
import { useLabelClasses } from '../label/useLabelClasses';
import { ExistingNote } from './ExistingNote';
import { OverwriteConfirm } from './OverwriteConfirm';
import { useSelectedTargets } from './useSelectedTargets';

interface SetTargetDialogProps {
  version: DatasetVersion;
  column: ColumnInfo;
  /** The target's place among the columns. */
  target: number;
  ranges: readonly RowRange[];
  pending: Record<number, string>;
  onAdd(rows: number[], text: string): void;
  onClose(): void;
}

const rowsWord = (n: number) => `${count(n)} ${n === 1 ? 'row' : 'rows'}`;

/**
 * "Set target…": one value for the selected rows, picked from the target's classes (digits 1–9)
 * or typed. It joins the pending labels, which Save writes as a new version. Rows whose target
 * already holds a value are counted first, and replacing them is confirmed (or left out).
 */
export function SetTargetDialog({ version, column, target, ranges, pending, onAdd, onClose }: SetTargetDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const rows = useMemo(() => selectedRows(ranges), [ranges]);
  const existing = useSelectedTargets(version.id, rows, target);
  const { classes, source } = useLabelClasses(version.id, column);
  const kind = labelKind(column);
  const shortcuts = digitShortcuts(kind, classes);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const listId = `set-target-classes-${version.id}`;
  const repending = rows.filter((r) => (pending[r] ?? '').trim() !== '').length;

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    input.current?.focus();
  }, []);

  const apply = (chosen: number[]) => {
    onAdd(chosen, text.trim());
    ref.current?.close();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const label = parseLabel(text, kind);
    setError(label.error);
    if (label.error !== null || existing.filled === null) return;
    if (existing.filled.length > 0) setConfirming(true);
    else apply(rows);
  };

  const pick = (value: string) => {
    setText(value);
    setError(null);
    setConfirming(false);
    input.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    // The native dialog closes on Escape; keep the key from also clearing the table's selection.
    if (event.key === 'Escape') event.nativeEvent.stopPropagation();
    // A digit in an empty box picks a class, as in the Label tab's queue.
    const digit = /^[1-9]$/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey ? shortcuts[Number(event.key) - 1] : undefined;
    if (digit && !text && !confirming) {
      event.preventDefault();
      pick(digit);
    }
  };

  return (
    <dialog ref={ref} className="dialog set-target-dialog" aria-labelledby="set-target-title" data-testid="set-target-dialog" onClose={onClose} onKeyDown={onKeyDown}>
      <div className="dialog-header">
        <h2 id="set-target-title">
          Set {column.name} on {rowsWord(rows.length)}
        </h2>
        <button type="button" className="icon-button" aria-label="Close (Escape)" onClick={() => ref.current?.close()}>
          ×
        </button>
      </div>
      <form onSubmit={submit} noValidate className="set-target-form">
        <p className="muted">
          {rows.length === 1 ? 'Row' : 'Rows'} {rangesInWords(ranges)} of {version.datasetName}@{version.version}. The value joins the pending labels; Save writes them as a new version and leaves this
          one as it is.
        </p>
        {classes.length > 0 && (
          <div className="set-target-classes" role="group" aria-label={`Classes of ${column.name}`} data-testid="set-target-classes">
            <span className="muted">Classes{source ? ` ${source}` : ''}:</span>
            {classes.slice(0, 12).map((c, i) => (
              <button key={c} type="button" className="button small" aria-pressed={text.trim() === c} data-testid="set-target-class" onClick={() => pick(c)}>
                {i < shortcuts.length && <kbd>{i + 1}</kbd>} {c}
              </button>
            ))}
          </div>
        )}
        <div className={`field${error ? ' has-error' : ''}`}>
          <label htmlFor="set-target-value">{classes.length > 0 ? `${column.name} (a class above, or type a new one)` : `${column.name} (type the value)`}</label>
          <input
            ref={input}
            id="set-target-value"
            data-testid="set-target-value"
            list={listId}
            autoComplete="off"
            inputMode={kind === 'integer' || kind === 'number' ? 'decimal' : undefined}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? 'set-target-error' : undefined}
            value={text}
            onChange={(e) => pick(e.target.value)}
          />
          <datalist id={listId}>
            {classes.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          {error && (
            <p className="field-error" id="set-target-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <ExistingNote column={column.name} total={rows.length} existing={existing} repending={repending} />
        {confirming && existing.filled ? (
          <OverwriteConfirm column={column.name} value={text.trim()} rows={rows} filled={existing.filled} onApply={apply} onBack={() => setConfirming(false)} />
        ) : (
          <div className="dialog-actions">
            <button type="button" className="button ghost" onClick={() => ref.current?.close()}>
              Cancel
            </button>
            <button type="submit" className="button primary" data-testid="set-target-apply" disabled={existing.filled === null}>
              {existing.filled === null && !existing.error ? 'Checking the rows…' : `Set ${rowsWord(rows.length)}`}
            </button>
          </div>
        )}
      </form>
    </dialog>
  );
}
