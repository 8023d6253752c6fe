import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '../duckdb';
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { MlcycleError } from '../../../shared/contract/errors';
import type { ScoreResult } from '../../../shared/package/models';
import { lit } from '../data/sql';
import type { Task } from '../jobs/tasks/types';
import { temporaryName } from '../store/artifacts';
import { trustedKeys } from '../signing/keys';
import { readPackage, verifyContents } from '../signing/verify';
import type { Signature } from './package-docs';
import { CsvBuffer, csvCell, scoreLines } from './score-csv';
import { BatchReader, rowsForProgress, type ReadBatch } from './score-read';
import { SCORE_THREADS, ScoreSession, type ScoreOutputs } from './score-session';

export interface ScoreParams {
  /** A package folder or .mlpkg, verified before use. */
  packagePath: string;
  /** CSV or Parquet with the signature's input columns (others are ignored, the id column kept). */
  input: string;
  /** .csv or .parquet to write. */
  out: string;
  /** A column copied into the output beside each row's prediction. */
  idColumn: string | null;
  homeDir: string;
}

/** Rows per session.run: large enough that onnxruntime's per-call cost vanishes. */
const BATCH = 65_536;
/** Batches handed to the session and not yet written: one scoring, one waiting, so it never idles. */
const IN_FLIGHT = 2;
/** DuckDB's result buffer; the default (about 1 MB) makes it stop and restart every few chunks. */
const STREAM_BUFFER = '16MB';
/**
 * onnxruntime takes every core while it scores (SCORE_THREADS); DuckDB reads the next batch
 * meanwhile on one thread of its own (more would only contend with the session), enough to keep ahead.
 */
const DUCKDB_THREADS = 1;
const REJECT_SAMPLE = 20;

function source(file: string): string {
  if (/\.parquet$/i.test(file)) return `read_parquet(${lit(file)})`;
  if (/\.(csv|tsv|txt)$/i.test(file)) return `read_csv(${lit(file)})`;
  throw new MlcycleError('INVALID_ARGUMENT', `${file}: score reads .csv or .parquet files.`, { field: 'input' });
}

/** The package's signature and graph, after its manifest verified against the trusted keys. */
function openPackage(location: string, homeDir: string): { signature: Signature; model: Uint8Array } {
  const { contents, unsafe } = readPackage(location);
  const verified = verifyContents(contents, trustedKeys(homeDir), unsafe);
  if (!verified.ok) throw new MlcycleError('INVALID_ARGUMENT', `${location} did not verify, so it was not used: ${verified.problems.map((p) => p.message).join(' ')}`, { problems: verified.problems });
  return { signature: JSON.parse(Buffer.from(contents.get('signature.json')!).toString('utf8')) as Signature, model: contents.get('model.onnx')! };
}

/** Each column's name and DuckDB type, as the reader sees the file. */
async function columnTypes(con: DuckDBConnection, relation: string): Promise<Map<string, string>> {
  return new Map((await con.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`)).getRowObjects().map((r) => [String(r.column_name), String(r.column_type)]));
}

/**
 * Worker task: scores a CSV or Parquet file through a verified package in batches and writes one
 * output row per input row, in the same order, with the id column if named. Three things overlap:
 * onnxruntime scores one batch on its own thread (score-session.ts) while this thread writes the
 * last batch's scores and DuckDB streams the next. A value that is not a number in a numeric
 * column marks that row invalid (no prediction, the reason in `error`) instead of failing the file.
 */
export const scoreTask: Task<ScoreParams, ScoreResult> = async (params, ctx) => {
  const started = performance.now();
  const { signature, model } = openPackage(params.packagePath, params.homeDir);
  const instance = await DuckDBInstance.create(':memory:', { threads: String(DUCKDB_THREADS) });
  const con = await instance.connect();
  const session = new ScoreSession(model, signature, SCORE_THREADS);
  const csvOut = /\.csv$/i.test(params.out) ? params.out : path.join(path.dirname(params.out), temporaryName('score', '.csv'));
  const partial = `${csvOut}.${process.pid}.partial`;
  const writer = fs.createWriteStream(partial);
  try {
    if (!/\.(csv|parquet)$/i.test(params.out)) throw new MlcycleError('INVALID_ARGUMENT', `${params.out}: write the scores to a .csv or .parquet file.`, { field: 'out' });
    const relation = source(params.input);
    const types = await columnTypes(con, relation);
    const missing = signature.inputs.filter((i) => !types.has(i.name)).map((i) => i.name);
    if (missing.length) throw new MlcycleError('INVALID_ARGUMENT', `${params.input} lacks the column${missing.length > 1 ? 's' : ''} the model needs: ${missing.join(', ')}. Needed: ${signature.inputs.map((i) => i.name).join(', ')}.`, { field: 'input', missing });
    if (params.idColumn && !types.has(params.idColumn)) throw new MlcycleError('INVALID_ARGUMENT', `${params.input} has no column '${params.idColumn}' to use as the id.`, { field: 'id' });
    const { total, exact } = await rowsForProgress(con, params.input, relation);
    const ofTotal = `of ${exact ? '' : 'about '}${total.toLocaleString('en')} rows`;
    await con.run(`SET streaming_buffer_size = '${STREAM_BUFFER}'`);
    const reader = await BatchReader.open(con, relation, signature, types, params.idColumn);
    await session.ready;

    const classes = signature.classes ?? null;
    const k = classes ? classes.length : 1;
    const header = [...(params.idColumn ? [params.idColumn] : []), 'row', ...(classes ? ['label', ...classes.map((c) => `p_${c}`)] : ['prediction']), 'error'];
    writer.write(`${header.map(csvCell).join(',')}\n`);
    const csv = new CsvBuffer(BATCH * 48, 32 + 26 * k);
    let read = 0;
    let rows = 0;
    let invalid = 0;
    const rejected: ScoreResult['rejectSample'] = [];
    const onInvalid = (row: number, reason: string) => {
      invalid++;
      if (rejected.length < REJECT_SAMPLE) rejected.push({ row, reason });
    };
    // Batches sent to the session and not yet written, oldest first: two keep it busy while this
    // thread writes one and reads the next.
    const inFlight: Array<{ batch: ReadBatch; first: number; scored: Promise<ScoreOutputs> }> = [];
    // Where the time went, for the job's log: waiting on DuckDB, waiting on the session, formatting.
    const spent = { reading: 0, waiting: 0, formatting: 0, running: 0 };
    // Before the loop: the package checked, DuckDB and the session started, the row count read.
    const preparing = (performance.now() - started) / 1000;
    let clock = performance.now();
    const lap = (phase: keyof typeof spent) => {
      const now = performance.now();
      spent[phase] += (now - clock) / 1000;
      clock = now;
    };
    for (;;) {
      const batch = await reader.next(BATCH);
      lap('reading');
      if (batch) {
        const scored = session.score(batch);
        // Awaited below, in order; until then a failure must not count as unhandled.
        scored.catch(() => undefined);
        inFlight.push({ batch, first: read, scored });
        read += batch.rows;
      }
      if (!inFlight.length) break;
      if (batch && inFlight.length < IN_FLIGHT) continue;
      const { batch: done, first, scored } = inFlight.shift()!;
      const out = await scored;
      lap('waiting');
      spent.running += out.runSeconds;
      const lines = scoreLines(csv, { first, rows: done.rows, ids: done.ids, bad: done.bad, scores: out.scores, k, classes, labels: out.labels, labelTexts: out.labelTexts }, onInvalid);
      if (!writer.write(lines)) await once(writer, 'drain');
      lap('formatting');
      rows += done.rows;
      ctx.progress(Math.min(0.95, rows / Math.max(1, total)), `${rows.toLocaleString('en')} ${ofTotal}`);
      if (ctx.isCancelled()) throw new MlcycleError('CANCELLED', 'Scoring cancelled; nothing was written.');
    }
    writer.end();
    await once(writer, 'finish');
    ctx.log(`preparing (package, session, row count): ${preparing.toFixed(2)} s`);
    ctx.log(`waiting for DuckDB to read: ${spent.reading.toFixed(2)} s`);
    ctx.log(`waiting for onnxruntime to score: ${spent.waiting.toFixed(2)} s`);
    ctx.log(`writing CSV lines: ${spent.formatting.toFixed(2)} s`);
    ctx.log(`session.run, on its own thread: ${spent.running.toFixed(2)} s`);
    if (/\.parquet$/i.test(params.out)) {
      const parquetPartial = `${params.out}.${process.pid}.partial`;
      await con.run(`COPY (SELECT * FROM read_csv(${lit(partial)}, header = true, all_varchar = false)) TO ${lit(parquetPartial)} (FORMAT parquet, COMPRESSION zstd)`);
      fs.renameSync(parquetPartial, params.out);
    } else fs.renameSync(partial, params.out);
    ctx.progress(1, 'done');
    const seconds = (performance.now() - started) / 1000;
    return { out: params.out, rows, scored: rows - invalid, invalid, rejectSample: rejected, seconds, rowsPerSecond: rows / seconds };
  } finally {
    writer.destroy();
    fs.rmSync(partial, { force: true });
    fs.rmSync(`${params.out}.${process.pid}.partial`, { force: true });
    if (csvOut !== params.out) fs.rmSync(csvOut, { force: true });
    await session.close();
    con.closeSync();
    instance.closeSync();
  }
};
