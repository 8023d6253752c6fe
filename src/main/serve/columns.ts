import ort from 'onnxruntime-node';
import type { Signature, SignatureInput } from '../engine/registry/package-docs';
import { badRequest } from './http-error';

/** One request's rows, column by column, as the graph takes them: numbers as float32 (NaN = missing), categories as text ('' = missing). */
export interface Columns {
  rows: number;
  values: Map<string, Float32Array | string[]>;
  /** Category values the model never saw (scored as "other"), per input: counted for monitoring. */
  unseen: number;
}

/** At most this many rows per request: a bigger batch belongs in `mlcycle score`. */
export const MAX_ROWS = 100_000;

const show = (v: unknown) => (typeof v === 'string' ? `"${v.length > 40 ? `${v.slice(0, 40)}…` : v}"` : JSON.stringify(v)?.slice(0, 40));

/** A JSON cell as a float32 value: numbers as they are, null as missing; anything else is refused by name. */
export function numberCell(input: SignatureInput, value: unknown, row: number): number {
  if (typeof value === 'number') return value;
  if (value === null || value === undefined) return Number.NaN;
  if (value === 'NaN') return Number.NaN;
  throw badRequest(`input '${input.name}' expects numbers (FP32); element ${row} is ${show(value)}`);
}

/** A JSON cell as a category: strings as they are, null as missing ('' — the graph's missing category). */
export function textCell(input: SignatureInput, value: unknown, row: number): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  // Booleans arrive from JSON tools that typed "true"/"false" columns; the graph knows them as text.
  if (typeof value === 'boolean') return String(value);
  throw badRequest(`input '${input.name}' expects text (BYTES); element ${row} is ${show(value)}`);
}

/** Builds the columns from a cell reader (row, input) → JSON value, checking every cell against the signature. */
export function columnsFrom(signature: Signature, rows: number, cell: (input: SignatureInput, row: number) => unknown, strictCategories: boolean): Columns {
  if (rows < 1) throw badRequest('the request holds no rows');
  if (rows > MAX_ROWS) throw badRequest(`the request holds ${rows} rows; at most ${MAX_ROWS} are scored per request (use mlcycle score for files)`);
  const values = new Map<string, Float32Array | string[]>();
  let unseen = 0;
  for (const input of signature.inputs) {
    if (input.datatype === 'FP32') {
      const column = new Float32Array(rows);
      for (let i = 0; i < rows; i++) column[i] = numberCell(input, cell(input, i), i);
      values.set(input.name, column);
    } else {
      const column = new Array<string>(rows);
      const known = input.categories ? new Set(input.categories) : null;
      for (let i = 0; i < rows; i++) {
        const v = textCell(input, cell(input, i), i);
        if (known && v !== '' && !known.has(v)) {
          if (strictCategories) throw badRequest(`input '${input.name}' element ${i} is ${show(v)}, a category the model never saw; it knows ${input.categories!.slice(0, 10).map((c) => `"${c}"`).join(', ')}${input.categories!.length > 10 ? ', …' : ''}`);
          unseen++;
        }
        column[i] = v;
      }
      values.set(input.name, column);
    }
  }
  return { rows, values, unseen };
}

export function feedsOf(signature: Signature, columns: Columns): Record<string, ort.Tensor> {
  const feeds: Record<string, ort.Tensor> = {};
  for (const input of signature.inputs) {
    const v = columns.values.get(input.name)!;
    feeds[input.name] = v instanceof Float32Array ? new ort.Tensor('float32', v, [columns.rows, 1]) : new ort.Tensor('string', v, [columns.rows, 1]);
  }
  return feeds;
}
