import type { DuckDBConnection } from '@duckdb/node-api';
import { MlcycleError } from '../../../shared/contract/errors';
import { ident, lit } from '../data/sql';

export interface ServedRows {
  /** A parenthesised SELECT over the collected Parquet files: one model version, optionally between two times. */
  relation: string;
  columns: Set<string>;
  rows: number;
}

/**
 * The rows one model version served, as collected from its deployment (every column quoted: `at` is
 * a keyword in DuckDB's grammar). `from` is inclusive, `to` exclusive.
 */
export async function servedRows(con: DuckDBConnection, files: string[], version: string, from: string | null = null, to: string | null = null): Promise<ServedRows> {
  if (files.length === 0) throw new MlcycleError('NOT_FOUND', 'Nothing collected for this deployment yet: pull its prediction log first (monitor pull).', { field: 'target' });
  const at = ident('at');
  const where = [`${ident('version')} = ${lit(version)}`, ...(from ? [`${at} >= ${lit(from)}`] : []), ...(to ? [`${at} < ${lit(to)}`] : [])].join(' AND ');
  const relation = `(SELECT * FROM read_parquet([${files.map(lit).join(', ')}], union_by_name = true) WHERE ${where})`;
  const columns = new Set((await con.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`)).getRowObjects().map((r) => String(r.column_name)));
  const rows = Number((await con.runAndReadAll(`SELECT COUNT(*) FROM ${relation}`)).getRows()[0]![0]);
  return { relation, columns, rows };
}
