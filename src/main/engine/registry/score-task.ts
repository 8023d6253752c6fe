import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fs from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import ort from 'onnxruntime-node';
import { MlcycleError } from '../../../shared/contract/errors';
import type { ScoreResult } from '../../../shared/package/models';
import { ident, lit } from '../data/sql';
import type { Task } from '../jobs/tasks/types';
import { temporaryName } from '../store/artifacts';
import { trustedKeys } from '../signing/keys';
import { readPackage, verifyContents } from '../signing/verify';
import type { Signature } from './package-docs';

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

async function columnsOf(con: DuckDBConnection, relation: string): Promise<string[]> {
  return (await con.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`)).getRowObjects().map((r) => String(r.column_name));
}

const csvCell = (v: string | number) => (typeof v === 'number' ? (Number.isNaN(v) ? '' : String(v)) : /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * Worker task: scores a CSV or Parquet file through a verified package in batches — DuckDB streams
 * the rows in file order, onnxruntime scores each batch — and writes one output row per input row,
 * in the same order, with the id column if named. A value that is not a number in a numeric column
 * marks that row invalid (no prediction, the reason in `error`) instead of failing the file.
 */
export const scoreTask: Task<ScoreParams, ScoreResult> = async (params, ctx) => {
  const started = performance.now();
  const { signature, model } = openPackage(params.packagePath, params.homeDir);
  const instance = await DuckDBInstance.create(':memory:', { threads: String(Math.max(1, os.availableParallelism())) });
  const con = await instance.connect();
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: Math.max(1, os.availableParallelism()) });
  const csvOut = /\.csv$/i.test(params.out) ? params.out : path.join(path.dirname(params.out), temporaryName('score', '.csv'));
  const partial = `${csvOut}.${process.pid}.partial`;
  const writer = fs.createWriteStream(partial);
  try {
    if (!/\.(csv|parquet)$/i.test(params.out)) throw new MlcycleError('INVALID_ARGUMENT', `${params.out}: write the scores to a .csv or .parquet file.`, { field: 'out' });
    const relation = source(params.input);
    const available = new Set(await columnsOf(con, relation));
    const missing = signature.inputs.filter((i) => !available.has(i.name)).map((i) => i.name);
    if (missing.length) throw new MlcycleError('INVALID_ARGUMENT', `${params.input} lacks the column${missing.length > 1 ? 's' : ''} the model needs: ${missing.join(', ')}. Needed: ${signature.inputs.map((i) => i.name).join(', ')}.`, { field: 'input', missing });
    if (params.idColumn && !available.has(params.idColumn)) throw new MlcycleError('INVALID_ARGUMENT', `${params.input} has no column '${params.idColumn}' to use as the id.`, { field: 'id' });
    const total = Number((await con.runAndReadAll(`SELECT COUNT(*) FROM ${relation}`)).getRows()[0]![0]);

    // Numbers come without NULLs (NaN instead), so their DOUBLE vectors copy in one go; one text
    // column names the row's non-numbers ('' when there are none).
    const select = signature.inputs.map((input, j) => {
      const x = ident(input.name);
      return input.datatype === 'FP32' ? `COALESCE(TRY_CAST(${x} AS DOUBLE), 'NaN'::DOUBLE) AS v${j}` : `COALESCE(${x}::VARCHAR, '') AS v${j}`;
    });
    const badTests = signature.inputs.filter((i) => i.datatype === 'FP32').map((i) => `CASE WHEN ${ident(i.name)} IS NOT NULL AND TRY_CAST(${ident(i.name)} AS DOUBLE) IS NULL THEN ${lit(i.name)} END`);
    select.push(badTests.length ? `CONCAT_WS(', ', ${badTests.join(', ')}) AS bad` : `'' AS bad`);
    if (params.idColumn) select.push(`${ident(params.idColumn)}::VARCHAR AS id`);
    const classes = signature.classes;
    const header = [...(params.idColumn ? [params.idColumn] : []), 'row', ...(classes ? ['label', ...classes.map((c) => `p_${c}`)] : ['prediction']), 'error'];
    writer.write(`${header.map(csvCell).join(',')}\n`);

    const width = signature.inputs.length;
    let rows = 0;
    let invalid = 0;
    const rejected: ScoreResult['rejectSample'] = [];
    const stream = await con.stream(`SELECT ${select.join(', ')} FROM ${relation}`);
    // One batch, column by column: numbers as float32 (NaN where missing), categories as text.
    const numbers = signature.inputs.map((input) => (input.datatype === 'FP32' ? new Float32Array(BATCH) : null));
    const strings = signature.inputs.map((input) => (input.datatype === 'FP32' ? null : new Array<string>(BATCH)));
    const bad = new Array<string>(BATCH);
    const ids = new Array<string>(BATCH);
    let filled = 0;
    const flush = async () => {
      if (!filled) return;
      const n = filled;
      const feeds: Record<string, ort.Tensor> = {};
      signature.inputs.forEach((input, j) => {
        feeds[input.name] = numbers[j] ? new ort.Tensor('float32', numbers[j]!.slice(0, n), [n, 1]) : new ort.Tensor('string', strings[j]!.slice(0, n), [n, 1]);
      });
      const out = await session.run(feeds);
      const scores = (classes ? out.probabilities! : out.variable!).data as Float32Array;
      const labels = classes ? (out.label!.data as string[]) : null;
      const k = classes ? classes.length : 1;
      const lines: string[] = [];
      for (let i = 0; i < n; i++) {
        const cells: Array<string | number> = params.idColumn ? [ids[i] ?? ''] : [];
        cells.push(rows + i);
        if (bad[i]) {
          invalid++;
          const reason = `not a number in ${bad[i]}`;
          if (rejected.length < REJECT_SAMPLE) rejected.push({ row: rows + i, reason });
          cells.push(...new Array<string>(classes ? k + 1 : 1).fill(''), reason);
        } else {
          if (labels) cells.push(labels[i]!);
          // float32 holds about 7 significant digits; printing more would be noise.
          for (let c = 0; c < k; c++) cells.push(Number(scores[i * k + c]!.toPrecision(7)));
          cells.push('');
        }
        lines.push(cells.map(csvCell).join(','));
      }
      if (!writer.write(`${lines.join('\n')}\n`)) await once(writer, 'drain');
      rows += n;
      filled = 0;
      ctx.progress(Math.min(0.95, rows / Math.max(1, total)), `${rows.toLocaleString('en')} of ${total.toLocaleString('en')} rows`);
      if (ctx.isCancelled()) throw new MlcycleError('CANCELLED', 'Scoring cancelled; nothing was written.');
    };
    for (;;) {
      const chunk = await stream.fetchChunk();
      if (!chunk || chunk.rowCount === 0) break;
      // Columns come as v0 … v(width−1), bad, then the id. The batch is flushed before the next
      // chunk (at most 2,048 rows, DuckDB's vector size) could overflow it.
      const n = chunk.rowCount;
      for (let j = 0; j < width; j++) {
        const vector = chunk.getColumnVector(j);
        const target = numbers[j];
        const items = (vector as unknown as { items?: unknown }).items;
        if (target && items instanceof Float64Array && items.length === n) target.set(items, filled);
        else if (target) for (let i = 0; i < n; i++) target[filled + i] = vector.getItem(i) as number;
        else for (let i = 0; i < n; i++) strings[j]![filled + i] = vector.getItem(i) as string;
      }
      const reasons = chunk.getColumnVector(width);
      for (let i = 0; i < n; i++) bad[filled + i] = reasons.getItem(i) as string;
      if (params.idColumn) {
        const idVector = chunk.getColumnVector(width + 1);
        for (let i = 0; i < n; i++) ids[filled + i] = (idVector.getItem(i) as string | null) ?? '';
      }
      filled += chunk.rowCount;
      if (filled + 2048 > BATCH) await flush();
    }
    await flush();
    writer.end();
    await once(writer, 'finish');
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
    await session.release();
    con.closeSync();
    instance.closeSync();
  }
};
