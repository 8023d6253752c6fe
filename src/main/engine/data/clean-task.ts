import { DuckDBInstance } from '../duckdb';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MlcycleError } from '../../../shared/contract/errors';
import type { ColumnInfo } from '../../../shared/data/models';
import type { Recipe } from '../../../shared/data/recipe';
import { sha256File, temporaryName } from '../store/artifacts';
import type { Task } from '../jobs/tasks/types';
import { firstFailingStep, parquetSource, recipeSql } from './recipe-sql';
import { lit } from './sql';

export interface CleanParams {
  file: string;
  recipe: Recipe;
  parentColumns: ColumnInfo[];
  tempDir: string;
}

export interface CleanResult {
  tempFile: string;
  sha256: string;
  rows: number;
  bytes: number;
  columns: ColumnInfo[];
}

const guessSemantic = (type: string): ColumnInfo['semantic'] =>
  type === 'BOOLEAN' ? 'boolean' : /^(DATE|TIME|TIMESTAMP)/.test(type) ? 'datetime' : /INT|DOUBLE|FLOAT|DECIMAL|REAL/.test(type) ? 'numeric' : 'categorical';

/** Worker task: runs the recipe over the whole version and writes the result as a new Parquet file. */
export const cleanTask: Task<CleanParams, CleanResult> = async (params, ctx) => {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(Math.max(1, os.availableParallelism())) });
  const con = await instance.connect();
  const tempFile = path.join(params.tempDir, temporaryName('clean', '.parquet'));
  const cancel = setInterval(() => ctx.isCancelled() && con.interrupt(), 100);
  try {
    const source = parquetSource(params.file);
    await firstFailingStep(params.recipe, source, async (sql) => void (await con.run(`DESCRIBE ${sql}`)));
    ctx.progress(0.1, 'applying the recipe');
    await con.run(`COPY (${recipeSql(params.recipe, source)}) TO ${lit(tempFile)} (FORMAT parquet, COMPRESSION zstd)`);
    if (ctx.isCancelled()) throw new MlcycleError('CANCELLED', 'Cleaning cancelled; no version was written.');
    ctx.progress(0.85, 'describing the result');
    const described = (await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${lit(tempFile)})`)).getRowObjects() as Array<{ column_name: string; column_type: string }>;
    const rows = Number((await con.runAndReadAll(`SELECT COUNT(*) AS n FROM read_parquet(${lit(tempFile)})`)).getRowObjects()[0]!.n);
    // A column keeps how it was treated when its type did not change.
    const columns = described.map((c) => {
      const parent = params.parentColumns.find((p) => p.name === c.column_name && p.type === c.column_type);
      return { name: c.column_name, type: c.column_type, semantic: parent?.semantic ?? guessSemantic(c.column_type) };
    });
    ctx.progress(1, 'done');
    return { tempFile, sha256: await sha256File(tempFile), rows, bytes: fs.statSync(tempFile).size, columns };
  } catch (error) {
    fs.rmSync(tempFile, { force: true });
    if (ctx.isCancelled()) throw new MlcycleError('CANCELLED', 'Cleaning cancelled; no version was written.');
    throw error;
  } finally {
    clearInterval(cancel);
    con.closeSync();
    instance.closeSync();
  }
};
