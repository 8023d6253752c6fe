import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import { MlcycleError } from '../../../shared/contract/errors';
import type { ImportSource } from '../../../shared/data/models';
import { ident } from './sql';

/** A source turned into a local file DuckDB can read, plus the column types when known. */
export interface Staged {
  kind: 'csv' | 'parquet' | 'json';
  path: string;
  /** For staged NDJSON: the DuckDB type of each column, in order. */
  columns?: Record<string, string>;
  /** How errors name the source: the path, URL or table. */
  displayName: string;
}

type Progress = (fraction: number, phase: string) => void;

/** Writes rows as NDJSON with backpressure, so a big table never sits in memory whole. */
class NdjsonWriter {
  private readonly out: fs.WriteStream;
  constructor(file: string) {
    this.out = fs.createWriteStream(file);
  }
  async write(row: Record<string, unknown>): Promise<void> {
    if (!this.out.write(`${JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v))}\n`)) await once(this.out, 'drain');
  }
  async close(): Promise<void> {
    this.out.end();
    await once(this.out, 'finish');
  }
}

const SQLITE_AFFINITY: Array<[RegExp, string]> = [
  [/INT/i, 'BIGINT'],
  [/CHAR|CLOB|TEXT/i, 'VARCHAR'],
  [/REAL|FLOA|DOUB|NUMERIC|DECIMAL/i, 'DOUBLE'],
  [/BOOL/i, 'BOOLEAN'],
  [/DATETIME|TIMESTAMP/i, 'TIMESTAMP'],
  [/DATE/i, 'DATE'],
];

async function stageSqlite(source: Extract<ImportSource, { kind: 'sqlite' }>, work: string, progress: Progress): Promise<Staged> {
  if (!fs.existsSync(source.path)) throw new MlcycleError('NOT_FOUND', `${source.path} does not exist.`, { file: source.path });
  let db: Database.Database;
  try {
    db = new Database(source.path, { readonly: true, fileMustExist: true });
    db.pragma('schema_version');
  } catch (error) {
    throw new MlcycleError('INVALID_ARGUMENT', `${source.path} is not a readable SQLite database: ${(error as Error).message}`, { file: source.path });
  }
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') ORDER BY name").all() as Array<{ name: string }>).map((t) => t.name);
    if (!tables.includes(source.table)) {
      throw new MlcycleError('NOT_FOUND', `${source.path} has no table '${source.table}'. Tables: ${tables.join(', ') || '(none)'}.`, { file: source.path, table: source.table });
    }
    const info = db.prepare(`PRAGMA table_info(${ident(source.table)})`).all() as Array<{ name: string; type: string }>;
    const columns = Object.fromEntries(info.map((c) => [c.name, SQLITE_AFFINITY.find(([re]) => re.test(c.type))?.[1] ?? 'VARCHAR']));
    const total = (db.prepare(`SELECT COUNT(*) AS n FROM ${ident(source.table)}`).get() as { n: number }).n;
    const file = path.join(work, 'staged.ndjson');
    const writer = new NdjsonWriter(file);
    let done = 0;
    for (const row of db.prepare(`SELECT * FROM ${ident(source.table)}`).iterate() as Iterable<Record<string, unknown>>) {
      await writer.write(row);
      if (++done % 50_000 === 0) progress((0.4 * done) / Math.max(1, total), `reading ${source.table}: ${done.toLocaleString('en')} rows`);
    }
    await writer.close();
    return { kind: 'json', path: file, columns, displayName: `${source.path}:${source.table}` };
  } finally {
    db.close();
  }
}

const PG_TYPES: Record<number, string> = { 16: 'BOOLEAN', 20: 'BIGINT', 21: 'INTEGER', 23: 'INTEGER', 700: 'DOUBLE', 701: 'DOUBLE', 1700: 'DOUBLE', 1082: 'DATE', 1114: 'TIMESTAMP', 1184: 'TIMESTAMP' };
/** Dates and timestamps stay text: JavaScript Dates would shift them into the local time zone. */
const RAW_TEXT_TYPES = new Set([1082, 1114, 1184]);

async function stagePostgres(source: Extract<ImportSource, { kind: 'postgres' }>, work: string, progress: Progress): Promise<Staged> {
  const display = source.table ? `table ${source.table}` : 'query';
  // Loaded here: the PostgreSQL client's 90 ms of module loading would otherwise delay every import job.
  const { default: pg } = await import('pg');
  const client = new pg.Client({
    connectionString: source.url,
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (RAW_TEXT_TYPES.has(oid) ? (v: string) => v : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
  });
  try {
    await client.connect();
  } catch (error) {
    throw new MlcycleError('TRANSPORT', `Cannot connect to PostgreSQL: ${(error as Error).message}`, { source: 'postgres' });
  }
  try {
    const query = source.table ? `SELECT * FROM ${source.table.split('.').map(ident).join('.')}` : source.query!;
    await client.query('BEGIN READ ONLY');
    try {
      await client.query(`DECLARE mlcycle_import NO SCROLL CURSOR FOR ${query}`);
    } catch (error) {
      throw new MlcycleError('INVALID_ARGUMENT', `PostgreSQL refused the ${display}: ${(error as Error).message}`, { source: 'postgres' });
    }
    const file = path.join(work, 'staged.ndjson');
    const writer = new NdjsonWriter(file);
    let columns: Record<string, string> | undefined;
    let done = 0;
    for (;;) {
      const batch = await client.query('FETCH 10000 FROM mlcycle_import');
      columns ??= Object.fromEntries(batch.fields.map((f) => [f.name, PG_TYPES[f.dataTypeID] ?? 'VARCHAR']));
      for (const row of batch.rows as Array<Record<string, unknown>>) await writer.write(row);
      done += batch.rowCount ?? 0;
      progress(Math.min(0.4, 0.4 * (1 - 1 / (1 + done / 1e6))), `reading from PostgreSQL: ${done.toLocaleString('en')} rows`);
      if ((batch.rowCount ?? 0) === 0) break;
    }
    await writer.close();
    await client.query('COMMIT');
    return { kind: 'json', path: file, columns, displayName: `PostgreSQL ${display}` };
  } finally {
    await client.end().catch(() => {});
  }
}

/** Downloads to a local file, then reads it by its declared or apparent format. */
async function stageUrl(source: Extract<ImportSource, { kind: 'url' }>, work: string, progress: Progress, signal: AbortSignal): Promise<Staged> {
  let response: Response;
  try {
    response = await fetch(source.url, { signal });
  } catch (error) {
    throw new MlcycleError('TRANSPORT', `Cannot download ${source.url}: ${(error as Error).message}`, { url: source.url });
  }
  if (!response.ok || !response.body) throw new MlcycleError('TRANSPORT', `Cannot download ${source.url}: the server answered ${response.status} ${response.statusText}.`, { url: source.url, status: response.status });
  const type = response.headers.get('content-type') ?? '';
  const pathname = new URL(source.url).pathname;
  const kind: Staged['kind'] =
    source.format !== 'auto'
      ? source.format
      : /\.parquet$/i.test(pathname) || /parquet/.test(type)
        ? 'parquet'
        : /\.(nd)?jsonl?$/i.test(pathname) || /json/.test(type)
          ? 'json'
          : 'csv';
  const file = path.join(work, `download.${kind === 'csv' && /\.tsv$/i.test(pathname) ? 'tsv' : kind}`);
  const expected = Number(response.headers.get('content-length') ?? 0);
  const out = fs.createWriteStream(file);
  let received = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    received += chunk.byteLength;
    if (!out.write(chunk)) await once(out, 'drain');
    if (expected) progress((0.4 * received) / expected, `downloading: ${(received / 1e6).toFixed(1)} of ${(expected / 1e6).toFixed(1)} MB`);
  }
  out.end();
  await once(out, 'finish');
  if (expected && received !== expected) {
    throw new MlcycleError('TRANSPORT', `The download of ${source.url} was cut off: ${received} of ${expected} bytes arrived. Nothing was imported.`, { url: source.url });
  }
  return { kind, path: file, displayName: source.url };
}

export async function stageSource(source: ImportSource, work: string, progress: Progress, signal: AbortSignal): Promise<Staged> {
  switch (source.kind) {
    case 'csv':
    case 'parquet':
    case 'json':
      if (!fs.existsSync(source.path)) throw new MlcycleError('NOT_FOUND', `${source.path} does not exist.`, { file: source.path });
      try {
        fs.accessSync(source.path, fs.constants.R_OK);
      } catch {
        throw new MlcycleError('INVALID_ARGUMENT', `${source.path} cannot be read (permission denied).`, { file: source.path });
      }
      if (fs.statSync(source.path).isDirectory()) throw new MlcycleError('INVALID_ARGUMENT', `${source.path} is a folder, not a file.`, { file: source.path });
      return { kind: source.kind, path: source.path, displayName: source.path };
    case 'sqlite':
      return stageSqlite(source, work, progress);
    case 'postgres':
      return stagePostgres(source, work, progress);
    case 'url':
      return stageUrl(source, work, progress, signal);
  }
}
