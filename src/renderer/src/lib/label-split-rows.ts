/**
 * Row numbers as a person types them ("12, 40-45"), counted from 1 as the Table tab shows them,
 * turned into the engine's row positions (counted from 0). Pure, so it is unit-tested.
 */

/** The engine takes at most this many labels in one call (data.label's `values`). */
export const MAX_LABELS = 100_000;

export type RowSpec = { rows: number[]; error: null } | { rows: null; error: string };

const fail = (error: string): RowSpec => ({ rows: null, error });

/** "12, 40-45" → positions [11, 39, 40, 41, 42, 43, 44], sorted, each once; `total` is the version's row count. */
export function parseRowSpec(text: string, total: number): RowSpec {
  // En and em dashes count as hyphens (people paste ranges from documents); "40 - 45" is one range.
  const parts = text
    .replace(/\s*[-–—]\s*/g, '-')
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return fail('Type row numbers, e.g. 12, 40-45.');
  const rows = new Set<number>();
  for (const part of parts) {
    const match = /^(\d[\d_]*)(?:-(\d[\d_]*))?$/.exec(part);
    if (!match) return fail(`"${part}" is not a row number or a range like 40-45.`);
    const first = Number(match[1]!.replaceAll('_', ''));
    const last = match[2] === undefined ? first : Number(match[2].replaceAll('_', ''));
    if (first < 1 || last < 1) return fail('Row numbers start at 1, as in the Table tab.');
    if (last < first) return fail(`The range ${part} runs backwards; write it as ${last}-${first}.`);
    if (last > total) return fail(`Row ${last.toLocaleString('en-US')} is past the last row (${total.toLocaleString('en-US')}).`);
    if (rows.size + (last - first + 1) > MAX_LABELS) return fail(`At most ${MAX_LABELS.toLocaleString('en-US')} rows can be labelled at once.`);
    for (let row = first; row <= last; row++) rows.add(row - 1);
  }
  return { rows: [...rows].sort((a, b) => a - b), error: null };
}

/** Positions back to what a person reads: [11, 39, 40, 41] → "12, 40–42". */
export function rowsInWords(positions: number[]): string {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    const from = sorted[i]! + 1;
    const to = sorted[j]! + 1;
    ranges.push(from === to ? String(from) : `${from}–${to}`);
    i = j + 1;
  }
  return ranges.join(', ');
}
