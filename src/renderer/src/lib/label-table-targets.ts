/**
 * Before "Set target…" replaces what selected rows already hold, it says how many hold something.
 * The rows in view are in the table's page cache; the others are read with `data.rows`, whose
 * calls are planned here. Pure, so it is unit-tested.
 */

/** `data.rows` answers at most this many rows per call. */
export const MAX_READ = 10_000;
/** Unwanted rows read to save a call: two selected rows this close share one read. */
const MAX_GAP = 500;

export interface RowRead {
  offset: number;
  limit: number;
}

/**
 * A target is empty where the engine's queue (`data.unlabelled`, IS NULL) would list it; blank text
 * counts too, since replacing it loses nothing a person wrote.
 */
export function isEmptyTarget(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** The `data.rows` calls that cover the sorted rows: nearby rows share a call, none over MAX_READ. */
export function planReads(rows: readonly number[], maxRead = MAX_READ, maxGap = MAX_GAP): RowRead[] {
  const reads: RowRead[] = [];
  for (const row of rows) {
    const last = reads[reads.length - 1];
    const end = last ? last.offset + last.limit : 0;
    if (last && row < end) continue; // a repeat: already read
    // Rows skipped between the last read and this row: read them too if few, as one call.
    if (last && row - end < maxGap && row - last.offset < maxRead) last.limit = row - last.offset + 1;
    else reads.push({ offset: row, limit: 1 });
  }
  return reads;
}

/** "1 of the 5 rows already has a value in kind", or for one row "This row already has a value in a". */
export function filledInWords(filled: number, total: number, column: string): string {
  const n = (x: number) => x.toLocaleString('en-US');
  if (total === 1) return filled === 1 ? `This row already has a value in ${column}` : `This row has no value in ${column} yet`;
  if (filled === 0) return `None of the ${n(total)} rows has a value in ${column} yet`;
  return `${n(filled)} of the ${n(total)} rows already ${filled === 1 ? 'has' : 'have'} a value in ${column}`;
}
