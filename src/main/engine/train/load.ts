import type { DuckDBConnection } from '@duckdb/node-api';
import { encodedSelect, type FittedPipeline } from './pipeline';

export interface EncodedRows {
  rows: number;
  /** One column per pipeline input (numeric, then categorical codes), NaN where missing. */
  inputs: Float64Array[];
  /** Class index or value per row. */
  target: Float64Array;
  /** Position of each row in the dataset version (for explanations and per-row lookups). */
  rowNumbers: Float64Array;
}

/**
 * Reads the rows of `relation` (which must have a `row` column) encoded by the pipeline, straight
 * from DuckDB's vectors into typed arrays (a block copy per column and chunk): building JS objects
 * per value took 5.6 s for 1M × 15.
 * Rows without a target are left out (they cannot be trained on or scored).
 */
export async function loadEncoded(con: DuckDBConnection, relation: string, p: FittedPipeline): Promise<EncodedRows> {
  const width = p.numeric.length + p.categorical.length;
  const y = `"${p.target.name.replace(/"/g, '""')}"`;
  const count = Number((await con.runAndReadAll(`SELECT COUNT(*) FROM ${relation} WHERE ${y} IS NOT NULL`)).getRows()[0]![0]);
  const inputs = Array.from({ length: width }, () => new Float64Array(count));
  const target = new Float64Array(count);
  const rowNumbers = new Float64Array(count);
  const result = await con.stream(`SELECT ${encodedSelect(p)}, row::DOUBLE FROM ${relation} WHERE ${y} IS NOT NULL ORDER BY row`);
  const outputs = [...inputs, target, rowNumbers];
  let offset = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    const n = chunk.rowCount;
    for (let j = 0; j < outputs.length; j++) {
      const vector = chunk.getColumnVector(j);
      const out = outputs[j]!;
      // The SELECT leaves no NULLs, so a DOUBLE vector's values can be copied in one go; the
      // per-item path stays for any other vector shape.
      const items = (vector as unknown as { items?: unknown }).items;
      if (items instanceof Float64Array && items.length === n) out.set(items, offset);
      else
        for (let i = 0; i < n; i++) {
          const v = vector.getItem(i) as number | null;
          out[offset + i] = v === null ? Number.NaN : v;
        }
    }
    offset += n;
  }
  return { rows: offset, inputs, target, rowNumbers };
}
