import type { DuckDBConnection } from '@duckdb/node-api';
import { ident, lit } from '../data/sql';
import { loadEncoded, type EncodedRows } from '../train/load';
import type { FittedPipeline } from '../train/pipeline';
import { MISSING_STRING } from './inputs';

/**
 * The run's rows with the columns its pipeline uses, each with its position (`row`) and its set in
 * the run's split (`set`): the relation parity and the reference profile read.
 */
export function splitRowsSql(p: FittedPipeline, files: { versionFile: string; splitFile: string }): string {
  const used = [...new Set([...p.numeric.map((c) => c.name), ...p.categorical.map((c) => c.name), p.target.name])].map((c) => `v.${ident(c)}`).join(', ');
  return `SELECT ${used}, a.row, a.set FROM read_parquet(${lit(files.versionFile)}, file_row_number = true) v JOIN read_parquet(${lit(files.splitFile)}) a ON a.row = v.file_row_number`;
}

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
