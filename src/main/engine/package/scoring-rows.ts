import type { DuckDBConnection } from '@duckdb/node-api';
import { ident, lit } from '../data/sql';
import { loadEncoded, type EncodedRows } from '../train/load';
import type { FittedPipeline } from '../train/pipeline';
import { MISSING_STRING } from './inputs';

/** The rows to score, as the app reads them (encoded) and as a caller of the graph sends them (categories as text). */
export interface ScoringRows {
  encoded: EncodedRows;
  /** Per categorical column (pipeline order), each row's value as text; MISSING_STRING where it is NULL. */
  strings: string[][];
}

/**
 * Reads the labelled rows of `relation` (with a `row` column) in row order, twice over the same
 * filter and order: encoded for the in-app model (loadEncoded), and the categories as text for the
 * graph. The graph's numbers are the encoded raw numbers (NaN where missing) as float32.
 */
export async function readScoringRows(con: DuckDBConnection, relation: string, p: FittedPipeline): Promise<ScoringRows> {
  const encoded = await loadEncoded(con, relation, p);
  const strings = p.categorical.map(() => new Array<string>(encoded.rows));
  if (p.categorical.length) {
    const select = p.categorical.map((c) => `COALESCE(${ident(c.name)}::VARCHAR, ${lit(MISSING_STRING)})`).join(', ');
    const result = await con.stream(`SELECT ${select} FROM ${relation} WHERE ${ident(p.target.name)} IS NOT NULL ORDER BY row`);
    let offset = 0;
    for (;;) {
      const chunk = await result.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      strings.forEach((column, k) => {
        const vector = chunk.getColumnVector(k);
        for (let i = 0; i < chunk.rowCount; i++) column[offset + i] = vector.getItem(i) as string;
      });
      offset += chunk.rowCount;
    }
  }
  return { encoded, strings };
}
