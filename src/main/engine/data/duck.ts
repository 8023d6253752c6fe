import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '../duckdb';
import os from 'node:os';
import { ident, lit } from './sql';

/**
 * The engine's interactive DuckDB (reading pages of rows, previews): in-memory, created on first
 * use, closed with the project. Queries run on DuckDB's own threads; only small results come back
 * to the thread that answers the UI. Heavy work (import, profile) runs in job workers instead.
 */
export class InteractiveDuck {
  private connection: Promise<{ instance: DuckDBInstance; con: DuckDBConnection }> | null = null;

  async con(): Promise<DuckDBConnection> {
    this.connection ??= (async () => {
      const instance = await DuckDBInstance.create(':memory:', { threads: String(Math.max(1, os.availableParallelism())) });
      return { instance, con: await instance.connect() };
    })();
    return (await this.connection).con;
  }

  /** Exact number of distinct non-missing values of one column of a Parquet file. */
  async distinctCount(file: string, column: string): Promise<number> {
    const rows = (await (await this.con()).runAndReadAll(`SELECT COUNT(DISTINCT ${ident(column)}) FROM read_parquet(${lit(file)})`)).getRows();
    return Number(rows[0]![0]);
  }

  async close(): Promise<void> {
    const open = this.connection;
    this.connection = null;
    if (!open) return;
    const { instance, con } = await open;
    con.closeSync();
    instance.closeSync();
  }
}
