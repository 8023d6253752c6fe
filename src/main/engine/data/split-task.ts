import { DuckDBInstance } from '../duckdb';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MlcycleError } from '../../../shared/contract/errors';
import { SPLIT_SETS, type SplitStrategy } from '../../../shared/data/split';
import { sha256File, temporaryName } from '../store/artifacts';
import type { Task } from '../jobs/tasks/types';
import { ident, lit } from './sql';

export interface SplitParams {
  file: string;
  strategy: SplitStrategy;
  column: string | null;
  ratios: number[];
  seed: number;
  tempDir: string;
}

export interface SplitResult {
  tempFile: string;
  sha256: string;
  counts: Record<string, number>;
}

/** `CASE WHEN share < r1 THEN 'train' WHEN share < r1+r2 THEN 'validation' ELSE 'test' END` */
function setFromShare(share: string, ratios: number[]): string {
  const names = ratios.length === 2 ? ['train', 'test'] : [...SPLIT_SETS];
  let cumulative = 0;
  const whens = ratios.slice(0, -1).map((r, i) => {
    cumulative += r;
    return `WHEN ${share} < ${cumulative} THEN '${names[i]}'`;
  });
  return `CASE ${whens.join(' ')} ELSE '${names.at(-1)}' END`;
}

/**
 * The assignment of each row (its position in the version's Parquet file) to a set. Every strategy
 * orders rows by a seeded hash (or by time), so the same seed and data give the same split:
 * - random: by hash of the row position;
 * - stratified: the same within each class of the column, so every set keeps the class shares;
 * - time: by the column, oldest first (train before validation before test);
 * - group: whole groups by hash of the group value, so a group never crosses sets.
 */
export function assignmentSql(p: SplitParams): string {
  const source = `read_parquet(${lit(p.file)}, file_row_number = true)`;
  const h = (expr: string) => `hash(${expr}, ${p.seed})`;
  switch (p.strategy) {
    case 'random':
      return `SELECT file_row_number AS row, ${setFromShare(`(row_number() OVER (ORDER BY ${h('file_row_number')}, file_row_number) - 1) / COUNT(*) OVER ()`, p.ratios)} AS set FROM ${source}`;
    case 'stratified': {
      const c = ident(p.column!);
      return `SELECT file_row_number AS row, ${setFromShare(`(row_number() OVER (PARTITION BY ${c} ORDER BY ${h('file_row_number')}, file_row_number) - 1) / COUNT(*) OVER (PARTITION BY ${c})`, p.ratios)} AS set FROM ${source}`;
    }
    case 'time':
      return `SELECT file_row_number AS row, ${setFromShare(`(row_number() OVER (ORDER BY ${ident(p.column!)} NULLS FIRST, file_row_number) - 1) / COUNT(*) OVER ()`, p.ratios)} AS set FROM ${source}`;
    case 'group': {
      const c = ident(p.column!);
      const groups = `SELECT ${c} AS g, COUNT(*) AS n FROM ${source} GROUP BY ${c}`;
      const placed = `SELECT g, (SUM(n) OVER (ORDER BY ${h('g')}, g ROWS UNBOUNDED PRECEDING) - n) / SUM(n) OVER () AS share FROM (${groups})`;
      return `SELECT r.file_row_number AS row, ${setFromShare('p.share', p.ratios)} AS set FROM ${source} r JOIN (${placed}) p ON p.g IS NOT DISTINCT FROM r.${c}`;
    }
  }
}

/** Worker task: writes the row → set assignment as Parquet, hashed, for the main thread to commit. */
export const splitTask: Task<SplitParams, SplitResult> = async (params, ctx) => {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(Math.max(1, os.availableParallelism())) });
  const con = await instance.connect();
  const tempFile = path.join(params.tempDir, temporaryName('split', '.parquet'));
  try {
    ctx.progress(0.1, `assigning rows (${params.strategy})`);
    await con.run(`COPY (SELECT row, set FROM (${assignmentSql(params)}) ORDER BY row) TO ${lit(tempFile)} (FORMAT parquet, COMPRESSION zstd)`);
    if (ctx.isCancelled()) throw new MlcycleError('CANCELLED', 'Split cancelled');
    ctx.progress(0.8, 'counting');
    const rows = (await con.runAndReadAll(`SELECT set, COUNT(*) AS n FROM read_parquet(${lit(tempFile)}) GROUP BY set`)).getRowObjects();
    const found = new Map(rows.map((r) => [String(r.set), Number(r.n)]));
    const counts = Object.fromEntries(SPLIT_SETS.filter((set) => found.has(set)).map((set) => [set, found.get(set)!]));
    ctx.progress(1, 'done');
    return { tempFile, sha256: await sha256File(tempFile), counts };
  } catch (error) {
    fs.rmSync(tempFile, { force: true });
    throw error;
  } finally {
    con.closeSync();
    instance.closeSync();
  }
};
