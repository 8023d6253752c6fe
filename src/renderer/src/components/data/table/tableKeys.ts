import type { KeyboardEvent } from 'react';
import { clearSelection, moveCursor, selectAll, toggleCursor, type RowSelection } from '../../../lib/label-row-selection';
import { topRowToShow } from '../../../lib/virtual-rows';

export interface TableKeyContext {
  total: number;
  /** The first row in view and how many fit wholly. */
  first: number;
  fullRows: number;
  selection: RowSelection;
  select(next: RowSelection): void;
  /** Scrolls so `row` is the top row; `goToEnd` to the very bottom. */
  goToRow(row: number): void;
  goToEnd(): void;
  /** Enter with rows selected: "Set target…". */
  onEnter(): void;
}

/**
 * The table's keys. Arrows, Page Up/Down, Home and End move the cursor (and scroll it into view)
 * without changing the selection; with Shift they extend it. Space toggles the cursor's row,
 * Ctrl/Cmd+A selects every row of the version, Escape clears, Enter opens "Set target…".
 * Returns whether the key was the table's.
 */
export function handleTableKey(event: KeyboardEvent, ctx: TableKeyContext): boolean {
  const { total, first, fullRows, selection } = ctx;
  if (event.altKey || total === 0) return false;
  const mod = event.ctrlKey || event.metaKey;
  if (mod && event.key.toLowerCase() === 'a') {
    ctx.select(selectAll(selection, total));
    return true;
  }
  if (event.key === 'Escape') {
    // Nothing to clear: Escape stays free for the workspace (it closes the Jobs drawer).
    if (selection.ranges.length === 0) return false;
    ctx.select(clearSelection(selection));
    return true;
  }
  if (event.key === 'Enter' && selection.ranges.length > 0) {
    ctx.onEnter();
    return true;
  }
  if (event.key === ' ' && !mod) {
    const at = selection.cursor === null ? { ...selection, cursor: first } : selection;
    ctx.select(toggleCursor(at));
    return true;
  }
  const from = selection.cursor ?? first;
  const page = Math.max(1, fullRows - 1);
  const clamp = (row: number) => Math.max(0, Math.min(total - 1, row));
  let to: number;
  let top: number | null;
  switch (event.key) {
    case 'ArrowDown':
    case 'ArrowUp': {
      // The first arrow press puts the cursor on the top row in view rather than moving past it.
      to = clamp(selection.cursor === null ? first : from + (event.key === 'ArrowDown' ? 1 : -1));
      top = topRowToShow(to, first, fullRows);
      break;
    }
    case 'PageDown':
    case 'PageUp': {
      // Both the view and the cursor move a screen, as in a spreadsheet.
      const step = event.key === 'PageDown' ? page : -page;
      to = clamp(from + step);
      const screen = clamp(first + step);
      top = topRowToShow(to, screen, fullRows) ?? screen;
      break;
    }
    case 'Home':
      to = 0;
      top = 0;
      break;
    case 'End':
      to = total - 1;
      top = null;
      ctx.goToEnd();
      break;
    default:
      return false;
  }
  if (top !== null) ctx.goToRow(top);
  ctx.select(moveCursor(selection, to, total, event.shiftKey));
  return true;
}
