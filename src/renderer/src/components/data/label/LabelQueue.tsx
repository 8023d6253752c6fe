import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { ColumnInfo } from '../../../../../shared/data/models';
import { cellText, isNumericType } from '../../../lib/data-words';
import { parseLabel, type LabelKind } from '../../../lib/label-split-values';
import type { QueuePage } from './useLabelQueue';

export interface FocusRequest {
  offset: number;
  which: 'first' | 'last';
}

interface LabelQueueProps {
  queue: QueuePage;
  column: ColumnInfo;
  kind: LabelKind;
  pending: Record<number, string>;
  onChange(row: number, text: string): void;
  /** Classes that digits 1–9 pick (empty: digits are typed). */
  shortcuts: string[];
  listId: string;
  /** Which input to focus once the page at `offset` shows (after paging with the keyboard). */
  focus: FocusRequest | null;
  onFocused(): void;
  /** Enter on the last row, Shift+Enter on the first: the page is left in that direction. */
  onLeave(direction: 1 | -1): void;
}

/**
 * One page of the queue: each row's values in a compact grid and an input for its label. The
 * keyboard does the work: type (or press a class's digit), Enter for the next row, Shift+Enter
 * for the previous, Escape to clear.
 */
export function LabelQueue({ queue, column, kind, pending, onChange, shortcuts, listId, focus, onFocused, onLeave }: LabelQueueProps) {
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const shown = queue.page.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.name !== column.name);

  useEffect(() => {
    // The old page stays shown while the next one loads: wait for the page that was asked for.
    if (!focus || queue.page.offset !== focus.offset) return;
    const index = focus.which === 'first' ? 0 : queue.rowNumbers.length - 1;
    inputs.current[index]?.focus();
    onFocused();
  }, [focus, queue, onFocused]);

  const move = (index: number, step: 1 | -1) => {
    const next = inputs.current[index + step];
    if (next) next.focus();
    else onLeave(step);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, index: number, row: number) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      move(index, event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape' && event.currentTarget.value) {
      // Escape clears this row's label; a second Escape (empty input) is left to the page.
      event.preventDefault();
      onChange(row, '');
    } else if (/^[1-9]$/.test(event.key) && !event.currentTarget.value && !event.ctrlKey && !event.metaKey && !event.altKey) {
      const pick = shortcuts[Number(event.key) - 1];
      if (!pick) return;
      event.preventDefault();
      onChange(row, pick);
      move(index, 1);
    }
  };

  return (
    <div className="ls-queue-scroll">
      <table className="ls-queue" data-testid="label-queue">
        <thead>
          <tr>
            <th scope="col">Row</th>
            {shown.map(({ c }) => (
              <th key={c.name} scope="col" className={isNumericType(c.type) ? 'num' : undefined}>
                {c.name}
              </th>
            ))}
            <th scope="col" className="ls-label-col">
              {column.name}
            </th>
          </tr>
        </thead>
        <tbody>
          {queue.rowNumbers.map((row, index) => {
            const values = queue.page.rows[index] ?? [];
            const text = pending[row] ?? '';
            const problem = text.trim() ? parseLabel(text, kind).error : null;
            return (
              <tr key={row} data-testid="label-queue-row" data-row={row} className={text.trim() ? 'is-labelled' : undefined}>
                <th scope="row" className="num">
                  {row + 1}
                </th>
                {shown.map(({ c, i }) => {
                  const value = values[i];
                  return (
                    <td key={c.name} className={isNumericType(c.type) ? 'num' : undefined}>
                      {value === null || value === undefined ? <span className="null">∅</span> : cellText(value)}
                    </td>
                  );
                })}
                <td className="ls-label-col">
                  <input
                    ref={(el) => {
                      inputs.current[index] = el;
                    }}
                    data-testid="label-input"
                    data-row={row}
                    aria-label={`${column.name} for row ${row + 1}`}
                    aria-invalid={problem ? true : undefined}
                    title={problem ?? undefined}
                    inputMode={kind === 'integer' || kind === 'number' ? 'decimal' : undefined}
                    list={listId}
                    autoComplete="off"
                    value={text}
                    onChange={(e) => onChange(row, e.target.value)}
                    onKeyDown={(e) => onKeyDown(e, index, row)}
                  />
                  {problem && <span className="field-error ls-cell-error">{problem}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
