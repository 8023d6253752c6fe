/**
 * Which rows of the data table are selected, kept as row positions (from 0), never as DOM rows:
 * the table only draws the rows in view, and a selection may run over a million rows (Ctrl+A), so
 * it is a short list of sorted, disjoint ranges. Pure, so every gesture is unit-tested.
 *
 * The gestures are a spreadsheet's and a file manager's: a click selects one row, Ctrl/Cmd+click
 * toggles one, Shift+click selects from the anchor to the row clicked (on top of what was selected
 * when the anchor was set, so a second Shift+click replaces the first one's range rather than
 * adding to it). The keyboard follows WAI-ARIA's multi-select listbox: arrows move the cursor
 * without changing the selection, Shift+arrows extend it, Space toggles the cursor's row.
 */

export interface RowRange {
  first: number;
  last: number;
}

export interface RowSelection {
  /** Sorted, disjoint, never touching (1–3 and 4–5 are one range, 1–5). */
  ranges: readonly RowRange[];
  /** Where Shift extends from; null before anything was clicked. */
  anchor: number | null;
  /** The row the keyboard is on (drawn with a focus ring); null until a click or a key. */
  cursor: number | null;
  /** The selection as it was when the anchor was set: a Shift gesture adds its range to this. */
  base: readonly RowRange[];
}

export const NO_SELECTION: RowSelection = { ranges: [], anchor: null, cursor: null, base: [] };

/** Ranges sorted and merged where they overlap or touch. */
export function normalize(ranges: readonly RowRange[]): RowRange[] {
  const sorted = ranges.filter((r) => r.last >= r.first).sort((a, b) => a.first - b.first);
  const merged: RowRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.first <= last.last + 1) last.last = Math.max(last.last, range.last);
    else merged.push({ ...range });
  }
  return merged;
}

export const span = (a: number, b: number): RowRange => ({ first: Math.min(a, b), last: Math.max(a, b) });

/** The index of the range holding `row`, or -1 (binary search: called for every row drawn). */
function rangeAt(ranges: readonly RowRange[], row: number): number {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = ranges[mid]!;
    if (row < r.first) hi = mid - 1;
    else if (row > r.last) lo = mid + 1;
    else return mid;
  }
  return -1;
}

export function isSelected(ranges: readonly RowRange[], row: number): boolean {
  return rangeAt(ranges, row) >= 0;
}

export function selectedCount(ranges: readonly RowRange[]): number {
  return ranges.reduce((n, r) => n + r.last - r.first + 1, 0);
}

/** Every selected row, in order; call it only once the count is known to be bounded. */
export function selectedRows(ranges: readonly RowRange[]): number[] {
  const rows: number[] = [];
  for (const r of ranges) for (let row = r.first; row <= r.last; row++) rows.push(row);
  return rows;
}

/** The ranges with `row` added if it was not selected, or taken out (splitting its range) if it was. */
export function toggleRow(ranges: readonly RowRange[], row: number): RowRange[] {
  const at = rangeAt(ranges, row);
  if (at < 0) return normalize([...ranges, { first: row, last: row }]);
  const r = ranges[at]!;
  const pieces = [
    { first: r.first, last: row - 1 },
    { first: row + 1, last: r.last },
  ].filter((p) => p.last >= p.first);
  return [...ranges.slice(0, at), ...pieces, ...ranges.slice(at + 1)];
}

export interface Modifiers {
  shift: boolean;
  /** Ctrl, or Cmd on a Mac. */
  toggle: boolean;
}

/** A click on `row` with the modifiers held. */
export function clickRow(sel: RowSelection, row: number, { shift, toggle }: Modifiers): RowSelection {
  if (shift && sel.anchor !== null) {
    // Ctrl+Shift keeps what is selected now and adds the range; Shift alone replaces the last range.
    const base = toggle ? sel.ranges : sel.base;
    const ranges = normalize([...base, span(sel.anchor, row)]);
    return { ranges, anchor: sel.anchor, cursor: row, base: toggle ? ranges : sel.base };
  }
  if (toggle) {
    const ranges = toggleRow(sel.ranges, row);
    return { ranges, anchor: row, cursor: row, base: ranges };
  }
  return { ranges: [{ first: row, last: row }], anchor: row, cursor: row, base: [] };
}

/**
 * The cursor moved to `row` (clamped to the table). Without Shift the selection stays and the
 * cursor's new place becomes the anchor; with Shift the rows from the anchor to the cursor are added.
 */
export function moveCursor(sel: RowSelection, row: number, total: number, extend: boolean): RowSelection {
  if (total <= 0) return sel;
  const to = Math.max(0, Math.min(total - 1, row));
  if (!extend) return { ...sel, cursor: to, anchor: to, base: sel.ranges };
  // Shift with no anchor yet extends from where the cursor was (or starts at the new row).
  const anchor = sel.anchor ?? sel.cursor ?? to;
  const base = sel.anchor === null ? sel.ranges : sel.base;
  return { ranges: normalize([...base, span(anchor, to)]), anchor, cursor: to, base };
}

/** Space: the cursor's row in or out, as Ctrl+click would. */
export function toggleCursor(sel: RowSelection): RowSelection {
  return sel.cursor === null ? sel : clickRow(sel, sel.cursor, { shift: false, toggle: true });
}

/** Ctrl/Cmd+A: every row of the version, loaded or not. */
export function selectAll(sel: RowSelection, total: number): RowSelection {
  const ranges = total > 0 ? [{ first: 0, last: total - 1 }] : [];
  return { ...sel, ranges, base: ranges };
}

/** Escape: nothing selected; the cursor stays where it is. */
export function clearSelection(sel: RowSelection): RowSelection {
  return { ranges: [], anchor: sel.cursor, cursor: sel.cursor, base: [] };
}

/** Ranges as a person reads them, numbered from 1 like the table: "1–3, 7". Long lists are cut. */
export function rangesInWords(ranges: readonly RowRange[], shown = 6): string {
  const words = ranges.slice(0, shown).map((r) => (r.first === r.last ? fmt(r.first + 1) : `${fmt(r.first + 1)}–${fmt(r.last + 1)}`));
  const more = ranges.length - shown;
  return more > 0 ? `${words.join(', ')} and ${fmt(more)} more ${more === 1 ? 'range' : 'ranges'}` : words.join(', ');
}

const fmt = (n: number) => n.toLocaleString('en-US');
