import { createRequire } from 'node:module';
import type * as DuckDB from '@duckdb/node-api';

let loaded: typeof DuckDB | undefined;

/**
 * DuckDB's Node API, loaded with require on first use. Importing it as an ES module makes Node scan
 * each of its CommonJS files for export names: 270 ms against 100 ms, paid by every CLI command and
 * job worker, most of which never open DuckDB.
 */
function duckdb(): typeof DuckDB {
  loaded ??= createRequire(import.meta.url)('@duckdb/node-api') as typeof DuckDB;
  return loaded;
}

export const DuckDBInstance = {
  create: (...args: Parameters<typeof DuckDB.DuckDBInstance.create>): Promise<DuckDB.DuckDBInstance> => duckdb().DuckDBInstance.create(...args),
};
export type DuckDBInstance = DuckDB.DuckDBInstance;
