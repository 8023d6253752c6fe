import type { DuckDBConnection, DuckDBDataChunk, DuckDBResult, DuckDBVector } from '@duckdb/node-api';
import fs from 'node:fs';
import { ident, lit } from '../data/sql';
import type { Signature } from './package-docs';
import type { ScoreInputs } from './score-session';

/** Above this many categories a per-row list lookup costs more than reading the text. */
const MAX_CODED_CATEGORIES = 256;
const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*)$/;

/** A batch for the graph, plus what stays with the writer: each row's problem and id. */
export interface ReadBatch extends ScoreInputs {
  /** Per row, the numeric columns holding something that is not a number ('' when none); null when no column can. */
  bad: string[] | null;
  ids: string[] | null;
}

const codedCategories = (input: Signature['inputs'][number]) => (input.categories && input.categories.length <= MAX_CODED_CATEGORIES ? input.categories : []);

/**
 * The SELECT that turns the file's rows into the graph's inputs, in file order. Numbers come as
 * DOUBLE without NULLs (NaN), so a vector copies in one go. A column the reader already typed as a
 * number cannot hold text, so only the others are tried and tested (TRY_CAST, and `bad` names the
 * columns where it failed). Categories come as their 1-based position in the signature's list, a
 * number per row instead of a string to decode; the rare value outside the list keeps its text in
 * a column that is NULL everywhere else.
 */
export function scoreSelect(signature: Signature, types: Map<string, string>, idColumn: string | null): { sql: string; tested: boolean } {
  const select: string[] = [];
  const tests: string[] = [];
  signature.inputs.forEach((input, j) => {
    const x = ident(input.name);
    if (input.datatype === 'FP32') {
      if (NUMERIC.test(types.get(input.name) ?? '')) select.push(`COALESCE(${x}::DOUBLE, 'NaN'::DOUBLE) AS v${j}`);
      else {
        select.push(`COALESCE(TRY_CAST(${x} AS DOUBLE), 'NaN'::DOUBLE) AS v${j}`);
        tests.push(`CASE WHEN ${x} IS NOT NULL AND TRY_CAST(${x} AS DOUBLE) IS NULL THEN ${lit(input.name)} END`);
      }
      return;
    }
    const known = codedCategories(input);
    const position = known.length ? `list_position([${known.map(lit).join(', ')}], ${x}::VARCHAR)` : 'NULL';
    select.push(`COALESCE(${position}, 0)::USMALLINT AS v${j}`, `CASE WHEN ${position} IS NULL THEN COALESCE(${x}::VARCHAR, '') END AS o${j}`);
  });
  if (tests.length) select.push(`CONCAT_WS(', ', ${tests.join(', ')}) AS bad`);
  if (idColumn) select.push(`${ident(idColumn)}::VARCHAR AS id`);
  return { sql: `SELECT ${select.join(', ')}`, tested: tests.length > 0 };
}

/** The vector's typed array, when it exposes one (DOUBLE and integer vectors do). */
const itemsOf = (vector: DuckDBVector) => (vector as unknown as { items?: unknown }).items;

/**
 * Streams batches of `size` rows (fewer only at the end) in file order. Each batch owns fresh
 * arrays, since they move to the scoring thread.
 */
export class BatchReader {
  private constructor(
    private readonly stream: DuckDBResult,
    private readonly signature: Signature,
    private readonly tested: boolean,
    private readonly withIds: boolean,
  ) {}

  static async open(con: DuckDBConnection, relation: string, signature: Signature, types: Map<string, string>, idColumn: string | null): Promise<BatchReader> {
    const { sql, tested } = scoreSelect(signature, types, idColumn);
    return new BatchReader(await con.stream(`${sql} FROM ${relation}`), signature, tested, idColumn !== null);
  }

  /** A chunk the last batch had no room for all of: its first `used` rows went there. */
  private rest: { chunk: DuckDBDataChunk; used: number } | null = null;

  async next(size: number): Promise<ReadBatch | null> {
    const inputs = this.signature.inputs;
    const columns = inputs.map((input) => (input.datatype === 'FP32' ? new Float32Array(size) : new Uint16Array(size)));
    const other: ReadBatch['other'] = inputs.map(() => null);
    const bad = this.tested ? new Array<string>(size) : null;
    const ids = this.withIds ? new Array<string>(size) : null;
    let filled = 0;
    while (filled < size) {
      const { chunk, used } = this.rest ?? { chunk: await this.stream.fetchChunk(), used: 0 };
      this.rest = null;
      if (!chunk || chunk.rowCount === 0) break;
      // Chunks vary in size, so the last one of a batch may have to be split across two.
      const n = Math.min(chunk.rowCount - used, size - filled);
      if (used + n < chunk.rowCount) this.rest = { chunk, used: used + n };
      // Columns come in the SELECT's order: a number, or a code and its text; then bad; then the id.
      let at = 0;
      inputs.forEach((input, j) => {
        const vector = chunk.getColumnVector(at++);
        const items = itemsOf(vector);
        const target = columns[j]!;
        if (ArrayBuffer.isView(items)) target.set((items as Float64Array).subarray(used, used + n), filled);
        else for (let i = 0; i < n; i++) target[filled + i] = vector.getItem(used + i) as number;
        if (input.datatype === 'FP32') return;
        const texts = chunk.getColumnVector(at++);
        for (let i = 0; i < n; i++) {
          if (target[filled + i] !== 0) continue;
          (other[j] ??= new Map()).set(filled + i, texts.getItem(used + i) as string);
        }
      });
      if (bad) {
        const reasons = chunk.getColumnVector(at++);
        for (let i = 0; i < n; i++) bad[filled + i] = reasons.getItem(used + i) as string;
      }
      if (ids) {
        const idVector = chunk.getColumnVector(at++);
        for (let i = 0; i < n; i++) ids[filled + i] = (idVector.getItem(used + i) as string | null) ?? '';
      }
      filled += n;
    }
    if (filled === 0) return null;
    if (filled === size) return { rows: filled, columns, other, bad, ids };
    // The last batch: the graph takes exactly `rows` values per input.
    return { rows: filled, columns: columns.map((c) => c.slice(0, filled)), other, bad, ids };
  }
}

/**
 * The row count for progress. Parquet keeps it in its footer; a CSV would need a full parse to
 * count (about a sixth of the whole job), so its count is estimated from the file's size and the
 * lines in its first megabyte, exact when that is the whole file.
 */
export async function rowsForProgress(con: DuckDBConnection, file: string, relation: string): Promise<{ total: number; exact: boolean }> {
  if (!/\.(csv|tsv|txt)$/i.test(file)) return { total: Number((await con.runAndReadAll(`SELECT COUNT(*) FROM ${relation}`)).getRows()[0]![0]), exact: true };
  const size = fs.statSync(file).size;
  const sample = Buffer.alloc(Math.min(size, 1 << 20));
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, sample, 0, sample.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  let lines = 0;
  for (let at = sample.indexOf(0x0a); at !== -1; at = sample.indexOf(0x0a, at + 1)) lines++;
  const whole = sample.length === size;
  // Lines after the header; a last line without a newline counts too.
  if (whole) return { total: Math.max(0, lines - 1 + (size > 0 && sample[size - 1] !== 0x0a ? 1 : 0)), exact: true };
  return { total: Math.max(1, Math.round((size / sample.length) * lines) - 1), exact: false };
}
