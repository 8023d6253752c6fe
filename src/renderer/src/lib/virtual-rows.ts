/**
 * The arithmetic of a virtual table: which rows are in view and where to draw them. Rows have a
 * fixed height, and a spacer as tall as all rows gives the scroll bar its size. Browsers cap an
 * element's height (about 33.5M px in Chromium, less elsewhere), so past MAX_SCROLL_PX the spacer
 * stays at that height and scroll positions map linearly onto rows: the rows in view are drawn
 * right where the viewport is, and the last row is reached exactly at the bottom.
 */
export const ROW_HEIGHT = 28;
export const MAX_SCROLL_PX = 16_000_000;

export interface RowWindow {
  /** Height of the spacer that makes the scroll bar. */
  spacer: number;
  /** First and last row index to draw (last < first when there are no rows). */
  first: number;
  last: number;
  /** Where row `first` is drawn, from the top of the spacer. */
  offset: number;
}

/** How many scroll pixels one row's height in content stands for (1 until the cap is reached). */
function ratio(total: number, viewport: number, rowHeight: number, max: number): number {
  const content = total * rowHeight;
  const spacer = Math.min(content, max);
  const scrollable = spacer - viewport;
  return scrollable > 0 && content > spacer ? (content - viewport) / scrollable : 1;
}

export function rowWindow(total: number, scrollTop: number, viewport: number, rowHeight = ROW_HEIGHT, max = MAX_SCROLL_PX): RowWindow {
  const content = total * rowHeight;
  const spacer = Math.min(content, max);
  const top = Math.max(0, Math.min(scrollTop, Math.max(0, spacer - viewport)));
  const virtualTop = Math.min(Math.max(0, content - viewport), top * ratio(total, viewport, rowHeight, max));
  const first = Math.min(Math.max(0, total - 1), Math.floor(virtualTop / rowHeight));
  const last = Math.min(total - 1, first + Math.ceil(Math.max(viewport, 0) / rowHeight));
  return { spacer, first, last, offset: top + first * rowHeight - virtualTop };
}

/** The scroll position that puts `row` at the top of the viewport. */
export function scrollTopForRow(row: number, total: number, viewport: number, rowHeight = ROW_HEIGHT, max = MAX_SCROLL_PX): number {
  const clamped = Math.max(0, Math.min(row, total - 1));
  return (clamped * rowHeight) / ratio(total, viewport, rowHeight, max);
}

/** The pages (of `pageSize` rows) that hold rows first..last. */
export function pagesFor(first: number, last: number, pageSize: number): number[] {
  if (last < first) return [];
  const pages: number[] = [];
  for (let page = Math.floor(first / pageSize); page <= Math.floor(last / pageSize); page++) pages.push(page);
  return pages;
}

/**
 * The row to put at the top of the viewport so that `row` is wholly in view, when rows from `first`
 * are shown and `fullRows` fit; null when it is in view already (a keyboard cursor that moved
 * within the screen does not scroll it).
 */
export function topRowToShow(row: number, first: number, fullRows: number): number | null {
  const fit = Math.max(1, fullRows);
  if (row < first) return row;
  if (row > first + fit - 1) return row - fit + 1;
  return null;
}
