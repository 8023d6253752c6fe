import type { RawLabel } from './labels-read';

/** What a label must be: one of the model's classes, or a number for regression. */
export type LabelTask = { kind: 'classification'; classes: readonly string[] } | { kind: 'regression' };

export interface ValidLabel {
  requestId: string;
  row: number;
  label: string;
}

export interface ValidatedLabels {
  /** One per (request id, row): where the file repeats one, its last line wins. */
  labels: ValidLabel[];
  rejected: number;
  /** The first few rejected records with why, e.g. "line 14: empty label". */
  rejectedSample: string[];
}

export const REJECTED_SAMPLE = 20;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const WHOLE = /^\d+$/;

/** Why one record cannot be stored, or its label as stored (classes verbatim, numbers in one spelling). */
function check(record: RawLabel, task: LabelTask): { why: string } | ValidLabel {
  const id = record.id?.trim() ?? '';
  const label = record.label?.trim() ?? '';
  const row = record.row?.trim() ?? '';
  if (!id) return { why: 'empty request id' };
  if (!label) return { why: 'empty label' };
  // An empty row cell means the request's first (or only) row, as when there is no row column.
  if (row && !WHOLE.test(row)) return { why: `row '${row}' is not a whole number of 0 or more` };
  if (task.kind === 'regression') {
    if (!NUMBER.test(label) || !Number.isFinite(Number(label))) return { why: `label '${label}' is not a number (the model predicts numbers)` };
    return { requestId: id, row: row ? Number(row) : 0, label: String(Number(label)) };
  }
  if (!task.classes.includes(label)) {
    const near = task.classes.find((c) => c.toLowerCase() === label.toLowerCase());
    return { why: `label '${label}' is not one of the model's classes (${task.classes.join(', ')})${near ? `; did you mean '${near}'?` : ''}` };
  }
  return { requestId: id, row: row ? Number(row) : 0, label };
}

/**
 * Checks every record of a labels file; the good ones are kept (deduplicated, last wins), the others
 * counted with a sample of reasons that say where they are (`place(i)`).
 */
export function validateLabels(records: readonly RawLabel[], task: LabelTask, place: (i: number) => string): ValidatedLabels {
  const byKey = new Map<string, ValidLabel>();
  const rejectedSample: string[] = [];
  let rejected = 0;
  records.forEach((record, i) => {
    const result = check(record, task);
    if ('why' in result) {
      rejected++;
      if (rejectedSample.length < REJECTED_SAMPLE) rejectedSample.push(`${place(i)}: ${result.why}`);
      return;
    }
    const key = `${result.requestId}\u0000${result.row}`;
    // Deleting first moves a repeated key to where its winning line is, so the order stays the file's.
    byKey.delete(key);
    byKey.set(key, result);
  });
  return { labels: [...byKey.values()], rejected, rejectedSample };
}
