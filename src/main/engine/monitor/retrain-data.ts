import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '../duckdb';
import fs from 'node:fs';
import path from 'node:path';
import { MlcycleError } from '../../../shared/contract/errors';
import type { ColumnInfo } from '../../../shared/data/models';
import { ident, lit } from '../data/sql';
import { temporaryName } from '../store/artifacts';
import { labelTable } from './labels';
import type { ValidLabel } from './labels-validate';
import { servedRows } from './served-rows';

/** Share of the labeled rows, newest first, kept out of training to compare champion and challenger on. */
export const HELD_OUT_SHARE = 0.3;

/**
 * How many of `labeled` rows (the newest) are held out: 30%, raised towards the policy's minimum
 * window (so the comparison is judged on enough rows) but never past half, so at least half of
 * the recent rows still reach training.
 */
export function heldOutRows(labeled: number, minWindowRows: number): number {
  return Math.max(Math.ceil(HELD_OUT_SHARE * labeled), Math.min(minWindowRows, Math.floor(labeled / 2)));
}

/** One feature of the champion as it was served: the graph input's name and the training column behind it. */
export interface ServedFeature {
  input: string;
  column: ColumnInfo;
  /** The graph reads it as a number (else as a category, where '' means missing). */
  numeric: boolean;
}

export interface RetrainDataInput {
  /** The target's collected Parquet files (columns in_<input>, request_id, row, at, seq, version). */
  servedFiles: string[];
  /** The live version, as the log writes it. */
  version: string;
  /** Only rows served at or after this time. */
  from: string | null;
  labels: readonly ValidLabel[];
  features: ServedFeature[];
  target: ColumnInfo;
  /** The champion's training data to add (its features and target), or null. */
  originalFile: string | null;
  minWindowRows: number;
  /** Where temporary files go (the artifacts folder, so the dataset file can be adopted by rename). */
  tempDir: string;
}

export interface RetrainData {
  /** The new dataset version: original rows first (when asked), then the older labeled rows, oldest first. */
  datasetFile: string;
  rows: number;
  columns: Array<{ name: string; type: string }>;
  /** The held-out rows as the models take them: holdout_row, one column per graph input (as served), __label (text). */
  holdoutFile: string;
  labeled: number;
  training: number;
  heldOut: number;
  original: number;
  window: { from: string; to: string };
}

const count = async (con: DuckDBConnection, sql: string) => Number((await con.runAndReadAll(sql)).getRows()[0]![0]);

/** A served value back in the training column's type; a category's '' (how a caller sends "missing") is NULL again. */
function asTrained(f: ServedFeature): string {
  const served = `s.${ident(`in_${f.input}`)}`;
  const value = f.numeric ? served : `NULLIF(CAST(${served} AS VARCHAR), '')`;
  return `TRY_CAST(${value} AS ${f.column.type}) AS ${ident(f.column.name)}`;
}

/**
 * The data of a retrain, from what the live version served and the labels that arrived for it:
 * served rows joined to their labels by request id and row (the latest logging of a request id
 * wins), features renamed back to the training columns and cast to their types, the label cast to
 * the target's type (rows whose label does not cast are left out). The newest `heldOutRows` are
 * written apart for the comparison; the rest, after the champion's own training rows when asked,
 * become the new dataset version's file.
 */
export async function buildRetrainData(input: RetrainDataInput): Promise<RetrainData> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  const datasetFile = path.join(input.tempDir, temporaryName('retrain', '.parquet'));
  const holdoutFile = path.join(input.tempDir, temporaryName('retrain-holdout', '.parquet'));
  try {
    const served = await servedRows(con, input.servedFiles, input.version, input.from, null);
    const absent = input.features.filter((f) => !served.columns.has(`in_${f.input}`)).map((f) => f.input);
    if (absent.length) throw new MlcycleError('INVALID_ARGUMENT', `The collected rows lack the input${absent.length > 1 ? 's' : ''} ${absent.join(', ')}: they were not logged by this version's server.`, { field: 'target' });
    await labelTable(con, 'labels', input.labels);
    const y = ident(input.target.name);
    const [rid, row, at, seq] = ['request_id', 'row', 'at', 'seq'].map(ident) as [string, string, string, string];
    await con.run(`
      CREATE TABLE labeled AS
      SELECT *, row_number() OVER (ORDER BY __at, __seq, __row) AS __order FROM (
        SELECT s.${at} AS __at, s.${seq} AS __seq, s.${row} AS __row,
               ${input.features.map(asTrained).join(', ')},
               ${input.features.map((f) => `s.${ident(`in_${f.input}`)} AS ${ident(`__in_${f.input}`)}`).join(', ')},
               TRY_CAST(l.label AS ${input.target.type}) AS ${y}
        FROM (SELECT * FROM ${served.relation} QUALIFY row_number() OVER (PARTITION BY ${rid}, ${row} ORDER BY ${seq} DESC) = 1) s
        JOIN labels l ON l.request_id = CAST(s.${rid} AS VARCHAR) AND l.${row} = s.${row}
      ) WHERE ${y} IS NOT NULL`);
    const labeled = await count(con, 'SELECT COUNT(*) FROM labeled');
    if (labeled < 2) {
      throw new MlcycleError('INVALID_ARGUMENT', `Only ${labeled} served row${labeled === 1 ? ' has' : 's have'} a usable label${input.from ? ` since ${input.from}` : ''}: retraining needs some to train on and some to compare on. Add labels (monitor.labels.add) and pull again.`, { field: 'target' });
    }
    const heldOut = heldOutRows(labeled, input.minWindowRows);
    const training = labeled - heldOut;

    const columns = [...input.features.map((f) => f.column.name), input.target.name].map(ident).join(', ');
    const parts = [
      ...(input.originalFile ? [`SELECT 0 AS __part, file_row_number AS __order, ${columns} FROM read_parquet(${lit(input.originalFile)}, file_row_number = true)`] : []),
      `SELECT 1 AS __part, __order, ${columns} FROM labeled WHERE __order <= ${training}`,
    ];
    await con.run(`COPY (SELECT ${columns} FROM (${parts.join(' UNION ALL BY NAME ')}) ORDER BY __part, __order) TO ${lit(datasetFile)} (FORMAT parquet, COMPRESSION zstd)`);
    const rows = await count(con, `SELECT COUNT(*) FROM read_parquet(${lit(datasetFile)})`);
    const described = (await con.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${lit(datasetFile)})`)).getRowObjects();

    const inputs = input.features.map((f) => `${ident(`__in_${f.input}`)} AS ${ident(f.input)}`).join(', ');
    await con.run(`COPY (SELECT __order AS holdout_row, ${inputs}, CAST(${y} AS VARCHAR) AS __label FROM labeled WHERE __order > ${training} ORDER BY __order) TO ${lit(holdoutFile)} (FORMAT parquet)`);
    const [first, last] = (await con.runAndReadAll(`SELECT epoch_ms(MIN(__at)), epoch_ms(MAX(__at)) FROM labeled WHERE __order > ${training}`)).getRows()[0]!.map((ms) => new Date(Number(ms)).toISOString());
    return {
      datasetFile,
      rows,
      columns: described.map((c) => ({ name: String(c.column_name), type: String(c.column_type) })),
      holdoutFile,
      labeled,
      training,
      heldOut,
      original: rows - training,
      window: { from: first!, to: last! },
    };
  } catch (error) {
    fs.rmSync(datasetFile, { force: true });
    fs.rmSync(holdoutFile, { force: true });
    throw error;
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
