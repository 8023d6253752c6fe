import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '../duckdb';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MlcycleError } from '../../../shared/contract/errors';
import type { ColumnInfo, ImportOptions, ImportSource, RejectedRow, SemanticType } from '../../../shared/data/models';
import type { Profile } from '../../../shared/data/profile';
import { sha256File, temporaryName } from '../store/artifacts';
import { timedPhases } from '../jobs/tasks/phases';
import type { Task } from '../jobs/tasks/types';
import { checkCsvHeader, headerNames } from './header';
import { profileView } from './profile-task';
import { csvDelimiter, ident, lit, readExpression } from './sql';
import { checkFileKind } from './file-kind';
import { stageSource } from './stage';

export interface ImportParams {
  source: ImportSource;
  options: ImportOptions;
  /** Folder on the project's disk for the temporary Parquet file (renamed into artifacts/ on commit). */
  tempDir: string;
}

export interface ImportResult {
  tempFile: string;
  sha256: string;
  rows: number;
  bytes: number;
  columns: ColumnInfo[];
  rejectedRows: number;
  rejectSample: RejectedRow[];
  /** A name for the dataset when the user gave none. */
  suggestedName: string;
  /** The new version's profile (versionId still empty: the main thread assigns it), unless the user turned it off. */
  profile: Profile | null;
}

const REJECT_SAMPLE = 20;
/** DuckDB's budget for reading, writing and profiling: its CSV reader's buffers swing peak RSS by 150 MB without one. */
const IMPORT_MEMORY = '384MB';

function semanticOf(type: string, distinct: number | undefined, rows: number): SemanticType {
  if (type === 'BOOLEAN') return 'boolean';
  if (/^(DATE|TIME|TIMESTAMP)/.test(type)) return 'datetime';
  if (/INT|DOUBLE|FLOAT|DECIMAL|REAL|HUGEINT/.test(type)) return 'numeric';
  // Text with few distinct values is a category; with many (names, free text, ids) it is text.
  return distinct !== undefined && distinct <= Math.max(50, rows * 0.05) ? 'categorical' : 'text';
}

function suggestName(source: ImportSource): string {
  switch (source.kind) {
    case 'sqlite':
      return source.table;
    case 'postgres':
      return source.table ?? 'query';
    case 'url':
      return path.basename(new URL(source.url).pathname).replace(/\.[^.]+$/, '') || 'download';
    default:
      return path.basename(source.path).replace(/\.[^.]+$/, '');
  }
}

/** Runs a statement while reporting DuckDB's own progress, and interrupts it on cancel. */
async function runWithProgress(con: DuckDBConnection, sql: string, from: number, to: number, phase: string, report: (f: number, p: string) => void, isCancelled: () => boolean) {
  const timer = setInterval(() => {
    if (isCancelled()) con.interrupt();
    const pct = con.progress.percentage;
    if (pct >= 0) report(from + ((to - from) * pct) / 100, phase);
  }, 100);
  try {
    await con.run(sql);
  } catch (error) {
    if (isCancelled()) throw new MlcycleError('CANCELLED', 'Import cancelled; nothing was written.');
    throw error;
  } finally {
    clearInterval(timer);
  }
}

/** Whether DuckDB can work out the file's columns (its sniffer fails on some malformed files). */
async function sniffs(con: DuckDBConnection, read: string): Promise<boolean> {
  try {
    await con.run(`DESCRIBE SELECT * FROM ${read}`);
    return true;
  } catch {
    return false;
  }
}

/**
 * Worker-thread task: reads the source with DuckDB and writes one zstd Parquet file next to the
 * project's artifacts, hashed. The main thread commits it (rename + SQLite rows); on any failure
 * the temporary files are removed, so nothing half-written remains.
 */
export const importTask: Task<ImportParams, ImportResult> = async (params, ctx) => {
  const { source, options } = params;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mlcycle-import-'));
  const tempFile = path.join(params.tempDir, temporaryName('import', '.parquet'));
  const instance = await DuckDBInstance.create(':memory:', { threads: String(Math.max(1, os.availableParallelism())), memory_limit: IMPORT_MEMORY, temp_directory: work });
  const con = await instance.connect();
  const phases = timedPhases(ctx);
  try {
    await con.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false');
    phases.phase(0, 'opening the source');
    const staged = await stageSource(source, work, ctx.progress, ctx.signal);
    checkFileKind(staged.path, staged.displayName, staged.kind);
    const csv = source.kind === 'csv' ? source : {};
    if (staged.kind === 'csv') checkCsvHeader(staged.path, staged.displayName, csvDelimiter(staged.path, csv), (csv as { quote?: string }).quote ?? '"', (csv as { skipRows?: number }).skipRows ?? 0);

    const csvOptions = { ...csv, ...(source.kind === 'json' ? { format: source.format } : {}) } as Parameters<typeof readExpression>[1];
    let read = readExpression(staged, csvOptions, staged.kind === 'csv' ? options.types : {});
    if (staged.kind === 'csv' && !(await sniffs(con, read))) {
      // DuckDB's sniffer gives up on some broken files (an unterminated quote): read the columns
      // named in the header as text instead, so the reject table can say which line is wrong.
      const names = headerNames(staged.path, csvDelimiter(staged.path, csv), (csv as { quote?: string }).quote ?? '"', (csv as { skipRows?: number }).skipRows ?? 0);
      read = readExpression(staged, csvOptions, {}, Object.fromEntries(names.map((n) => [n, options.types[n] ?? 'VARCHAR'])));
    }
    // Non-CSV sources apply type overrides by casting, so a failing value names its column.
    const casts = staged.kind === 'csv' ? [] : Object.entries(options.types).map(([col, type]) => `CAST(${ident(col)} AS ${type}) AS ${ident(col)}`);
    const select = casts.length ? `SELECT * REPLACE (${casts.join(', ')}) FROM ${read}` : `SELECT * FROM ${read}`;
    fs.mkdirSync(params.tempDir, { recursive: true });
    try {
      phases.phase(0.4, 'reading and writing Parquet');
      await runWithProgress(con, `COPY (${select}) TO ${lit(tempFile)} (FORMAT parquet, COMPRESSION zstd)`, 0.4, 0.9, 'reading and writing Parquet', ctx.progress, ctx.isCancelled);
    } catch (error) {
      if (error instanceof MlcycleError) throw error;
      throw new MlcycleError('INVALID_ARGUMENT', `Cannot read ${staged.displayName}: ${(error as Error).message.split('\n')[0]}`, { file: staged.displayName });
    }

    let rejectedRows = 0;
    let rejectSample: RejectedRow[] = [];
    if (staged.kind === 'csv') {
      const rejects = await con.runAndReadAll(`SELECT line, column_name, error_message, csv_line FROM reject_errors ORDER BY line, column_idx LIMIT ${REJECT_SAMPLE * 4}`);
      const total = await con.runAndReadAll('SELECT COUNT(DISTINCT line) AS n FROM reject_errors');
      rejectedRows = Number(total.getRowObjects()[0]!.n);
      const seenLines = new Set<number>();
      rejectSample = rejects
        .getRowObjects()
        // One entry per line: a row can fail several ways (too many columns, then a cast).
        .filter((r) => (r.line === null ? true : !seenLines.has(Number(r.line)) && Boolean(seenLines.add(Number(r.line)))))
        .map((r) => ({
        line: r.line === null ? null : Number(r.line),
        column: (r.column_name as string | null) ?? null,
        message: String(r.error_message),
          text: String(r.csv_line ?? ''),
        }))
        .slice(0, REJECT_SAMPLE);
      if (rejectedRows > 0 && options.onBadRows === 'fail') {
        const first = rejectSample[0]!;
        const column = first.column ? `, column '${first.column}'` : '';
        throw new MlcycleError(
          'INVALID_ARGUMENT',
          `${staged.displayName}, line ${first.line}${column}: ${first.message}. ${rejectedRows} malformed row${rejectedRows > 1 ? 's' : ''} in all; nothing was imported. Fix the file, or import with bad rows skipped.`,
          { file: staged.displayName, line: first.line, column: first.column, rejectedRows, sample: rejectSample },
        );
      }
    }

    phases.phase(0.92, 'describing columns');
    const described = (await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${lit(tempFile)})`)).getRowObjects() as Array<{ column_name: string; column_type: string }>;
    const rows = Number((await con.runAndReadAll(`SELECT COUNT(*) AS n FROM read_parquet(${lit(tempFile)})`)).getRowObjects()[0]!.n);
    if (rows === 0) throw new MlcycleError('INVALID_ARGUMENT', `${staged.displayName} has no rows${staged.kind === 'csv' ? ' below its header' : ''}: there is nothing to import.`, { file: staged.displayName });
    const textColumns = described.filter((c) => c.column_type === 'VARCHAR').map((c) => c.column_name);
    const distinct = textColumns.length
      ? ((await con.runAndReadAll(`SELECT ${textColumns.map((c, i) => `approx_count_distinct(${ident(c)}) AS d${i}`).join(', ')} FROM read_parquet(${lit(tempFile)})`)).getRowObjects()[0] as Record<string, bigint>)
      : {};
    const columns: ColumnInfo[] = described.map((c) => {
      const at = textColumns.indexOf(c.column_name);
      return { name: c.column_name, type: c.column_type, semantic: options.semantic[c.column_name] ?? semanticOf(c.column_type, at >= 0 ? Number(distinct[`d${at}`]) : undefined, rows) };
    });
    for (const name of [...Object.keys(options.semantic), ...(options.target ? [options.target] : [])]) {
      if (!columns.some((c) => c.name === name)) throw new MlcycleError('INVALID_ARGUMENT', `There is no column '${name}' in ${staged.displayName}. Columns: ${columns.map((c) => c.name).join(', ')}.`, { column: name });
    }

    phases.phase(options.profile ? 0.55 : 0.95, 'hashing');
    const sha256 = await sha256File(tempFile);
    let profile: Profile | null = null;
    if (options.profile) {
      // Same instance, same file, while it is still in the page cache: no second job to start.
      const cancelled = setInterval(() => ctx.isCancelled() && con.interrupt(), 100);
      try {
        await con.run(`CREATE VIEW t AS SELECT * FROM read_parquet(${lit(tempFile)})`);
        profile = await profileView(con, { versionId: '', columns, target: options.target ?? null }, { phase: (f, name) => phases.phase(0.6 + 0.4 * f, `profile: ${name}`) });
      } catch (error) {
        if (ctx.isCancelled()) throw new MlcycleError('CANCELLED', 'Import cancelled; nothing was written.');
        throw error;
      } finally {
        clearInterval(cancelled);
      }
    }
    phases.end();
    ctx.progress(1, 'done');
    return { tempFile, sha256, rows, bytes: fs.statSync(tempFile).size, columns, rejectedRows, rejectSample, suggestedName: suggestName(source), profile };
  } catch (error) {
    fs.rmSync(tempFile, { force: true });
    throw error;
  } finally {
    con.closeSync();
    instance.closeSync();
    fs.rmSync(work, { recursive: true, force: true });
  }
};
