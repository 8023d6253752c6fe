import { describe, expect, it } from 'vitest';
import {
  clearSelection,
  clickRow,
  isSelected,
  moveCursor,
  NO_SELECTION,
  normalize,
  rangesInWords,
  selectAll,
  selectedCount,
  selectedRows,
  toggleCursor,
  toggleRow,
  type RowSelection,
} from '../../../src/renderer/src/lib/label-row-selection';
import { filledInWords, isEmptyTarget, planReads } from '../../../src/renderer/src/lib/label-table-targets';
import { topRowToShow } from '../../../src/renderer/src/lib/virtual-rows';

const plain = { shift: false, toggle: false };
const ctrl = { shift: false, toggle: true };
const shift = { shift: true, toggle: false };
const ctrlShift = { shift: true, toggle: true };

/** Replays gestures from nothing selected and gives the selected rows. */
function rowsAfter(...steps: ((s: RowSelection) => RowSelection)[]): number[] {
  return selectedRows(steps.reduce((s, step) => step(s), NO_SELECTION).ranges);
}

describe('row selection in the data table', () => {
  it('keeps ranges sorted and merged, whatever order they come in', () => {
    expect(
      normalize([
        { first: 8, last: 9 },
        { first: 0, last: 2 },
        { first: 3, last: 3 },
        { first: 5, last: 6 },
        { first: 6, last: 8 },
      ]),
    ).toEqual([
      { first: 0, last: 3 },
      { first: 5, last: 9 },
    ]);
  });

  it('selects one row on a click, and only that row on the next click', () => {
    expect(rowsAfter((s) => clickRow(s, 4, plain))).toEqual([4]);
    expect(rowsAfter((s) => clickRow(s, 4, plain), (s) => clickRow(s, 9, plain))).toEqual([9]);
  });

  it('toggles rows with Ctrl/Cmd+click, splitting a range when one in its middle is taken out', () => {
    expect(rowsAfter((s) => clickRow(s, 2, plain), (s) => clickRow(s, 5, ctrl), (s) => clickRow(s, 3, ctrl))).toEqual([2, 3, 5]);
    expect(rowsAfter((s) => clickRow(s, 2, plain), (s) => clickRow(s, 6, shift), (s) => clickRow(s, 4, ctrl))).toEqual([2, 3, 5, 6]);
    expect(toggleRow([{ first: 1, last: 1 }], 1)).toEqual([]);
  });

  it('extends with Shift+click from the anchor, either way, and a second Shift+click replaces the first range', () => {
    expect(rowsAfter((s) => clickRow(s, 3, plain), (s) => clickRow(s, 6, shift))).toEqual([3, 4, 5, 6]);
    expect(rowsAfter((s) => clickRow(s, 6, plain), (s) => clickRow(s, 3, shift))).toEqual([3, 4, 5, 6]);
    expect(rowsAfter((s) => clickRow(s, 3, plain), (s) => clickRow(s, 8, shift), (s) => clickRow(s, 4, shift))).toEqual([3, 4]);
  });

  it('adds a Shift range to rows picked with Ctrl+click before it (the spreadsheet way)', () => {
    // Click 1, Ctrl+click 10 (anchor moves to 10), Shift+click 12: 1 stays, 10–12 join.
    expect(rowsAfter((s) => clickRow(s, 1, plain), (s) => clickRow(s, 10, ctrl), (s) => clickRow(s, 12, shift))).toEqual([1, 10, 11, 12]);
    // Ctrl+Shift keeps an earlier Shift range too.
    expect(rowsAfter((s) => clickRow(s, 1, plain), (s) => clickRow(s, 3, shift), (s) => clickRow(s, 10, ctrl), (s) => clickRow(s, 11, ctrlShift))).toEqual([1, 2, 3, 10, 11]);
  });

  it('works across rows far apart, as a table that only draws the rows in view needs', () => {
    const s = [(x: RowSelection) => clickRow(x, 10, plain), (x: RowSelection) => clickRow(x, 999_990, shift)].reduce((x, f) => f(x), NO_SELECTION);
    expect(s.ranges).toEqual([{ first: 10, last: 999_990 }]);
    expect(selectedCount(s.ranges)).toBe(999_981);
    expect(isSelected(s.ranges, 500_000)).toBe(true);
    expect(isSelected(s.ranges, 9)).toBe(false);
  });

  it('moves the cursor with the keyboard without changing the selection; Shift extends; Space toggles', () => {
    const total = 20;
    let s = clickRow(NO_SELECTION, 2, plain);
    s = moveCursor(s, 3, total, false);
    s = moveCursor(s, 4, total, false);
    expect(selectedRows(s.ranges)).toEqual([2]);
    expect(s.cursor).toBe(4);
    s = moveCursor(s, 5, total, true);
    s = moveCursor(s, 6, total, true);
    expect(selectedRows(s.ranges)).toEqual([2, 4, 5, 6]);
    // Shift+Up back over the range shrinks it again: the range runs from the anchor to the cursor.
    s = moveCursor(s, 5, total, true);
    expect(selectedRows(s.ranges)).toEqual([2, 4, 5]);
    s = toggleCursor(moveCursor(s, 9, total, false));
    expect(selectedRows(s.ranges)).toEqual([2, 4, 5, 9]);
    s = toggleCursor(s);
    expect(selectedRows(s.ranges)).toEqual([2, 4, 5]);
    // The cursor stays inside the table.
    expect(moveCursor(s, 25, total, false).cursor).toBe(19);
    expect(moveCursor(s, -3, total, false).cursor).toBe(0);
  });

  it('Shift+arrow with nothing clicked yet extends from where the cursor was', () => {
    const s = moveCursor({ ...NO_SELECTION, cursor: 7 }, 9, 100, true);
    expect(selectedRows(s.ranges)).toEqual([7, 8, 9]);
  });

  it('selects every row of the version with Ctrl+A and clears with Escape, keeping the cursor', () => {
    const all = selectAll(clickRow(NO_SELECTION, 5, plain), 1_000_000);
    expect(selectedCount(all.ranges)).toBe(1_000_000);
    const none = clearSelection(all);
    expect(none.ranges).toEqual([]);
    expect(none.cursor).toBe(5);
    expect(selectAll(NO_SELECTION, 0).ranges).toEqual([]);
  });

  it('says the selection in the row numbers the table shows (from 1)', () => {
    expect(
      rangesInWords([
        { first: 0, last: 2 },
        { first: 6, last: 6 },
        { first: 9999, last: 10_003 },
      ]),
    ).toBe('1–3, 7, 10,000–10,004');
    const many = Array.from({ length: 9 }, (_, i) => ({ first: i * 3, last: i * 3 }));
    expect(rangesInWords(many, 6)).toBe('1, 4, 7, 10, 13, 16 and 3 more ranges');
  });
});

describe('reading the targets of selected rows', () => {
  it('treats missing and blank values as empty, and anything else (0, false) as a label', () => {
    expect([null, undefined, '', '  '].map(isEmptyTarget)).toEqual([true, true, true, true]);
    expect([0, false, 'cat', '0'].map(isEmptyTarget)).toEqual([false, false, false, false]);
  });

  it('plans few data.rows calls: near rows share one, far rows get their own, none too long', () => {
    expect(planReads([5, 6, 7, 20], 10_000, 500)).toEqual([{ offset: 5, limit: 16 }]);
    expect(planReads([5, 2000], 10_000, 500)).toEqual([
      { offset: 5, limit: 1 },
      { offset: 2000, limit: 1 },
    ]);
    const rows = Array.from({ length: 25_000 }, (_, i) => i);
    expect(planReads(rows, 10_000, 500)).toEqual([
      { offset: 0, limit: 10_000 },
      { offset: 10_000, limit: 10_000 },
      { offset: 20_000, limit: 5_000 },
    ]);
    expect(planReads([])).toEqual([]);
  });

  it('says how many selected rows hold a value already, in words that fit one row or many', () => {
    expect(filledInWords(3, 5, 'kind')).toBe('3 of the 5 rows already have a value in kind');
    expect(filledInWords(1, 1200, 'kind')).toBe('1 of the 1,200 rows already has a value in kind');
    expect(filledInWords(0, 5, 'kind')).toBe('None of the 5 rows has a value in kind yet');
    expect(filledInWords(1, 1, 'a')).toBe('This row already has a value in a');
    expect(filledInWords(0, 1, 'a')).toBe('This row has no value in a yet');
  });
});

describe('keeping the keyboard cursor in view', () => {
  it('scrolls only when the cursor leaves the rows in view', () => {
    // Rows 100–119 are in view (20 fit).
    expect(topRowToShow(110, 100, 20)).toBeNull();
    expect(topRowToShow(119, 100, 20)).toBeNull();
    expect(topRowToShow(120, 100, 20)).toBe(101);
    expect(topRowToShow(99, 100, 20)).toBe(99);
  });
});
