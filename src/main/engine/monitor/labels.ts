import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '../duckdb';
import { MlcycleError } from '../../../shared/contract/errors';
import type { LabelsAdded } from '../../../shared/monitor/models';
import { ident, lit } from '../data/sql';
import type { ProjectStore } from '../store/project-store';
import { readLabelsFile, type LabelColumns } from './labels-read';
import { LabelsRepo } from './labels-repo';
import { validateLabels, type LabelTask, type ValidLabel } from './labels-validate';
import { liveVersion } from './live-version';

/** Puts labels in a DuckDB table (request_id, row, label), so they join collected rows there. */
export async function labelTable(con: DuckDBConnection, table: string, labels: readonly ValidLabel[]): Promise<void> {
  await con.run(`CREATE TABLE ${ident(table)} (request_id VARCHAR, "row" BIGINT, label VARCHAR)`);
  const appender = await con.createAppender(table);
  try {
    for (const l of labels) {
      appender.appendVarchar(l.requestId);
      appender.appendBigInt(BigInt(l.row));
      appender.appendVarchar(l.label);
      appender.endRow();
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
}

/** The labels (as "request id\0row" keys) that join a row in the collected Parquet files. */
async function collectedKeys(con: DuckDBConnection, files: string[], labels: readonly ValidLabel[]): Promise<Set<string>> {
  if (files.length === 0 || labels.length === 0) return new Set();
  await labelTable(con, 'labels', labels);
  const rows = await con.runAndReadAll(
    `SELECT l.request_id, l."row" FROM labels l SEMI JOIN (SELECT "request_id", "row" FROM read_parquet([${files.map(lit).join(', ')}], union_by_name = true)) p ON p."request_id" = l.request_id AND p."row" = l."row"`,
  );
  return new Set(rows.getRows().map(([id, row]) => `${String(id)}\u0000${Number(row)}`));
}

/**
 * Adds the labels of a CSV or Parquet file to a target: read and checked first (what the model can
 * be told: one of its classes, or a number), then stored in one SQLite transaction, so a file that
 * cannot be read, lacks a column or holds no usable label changes nothing. Records with a problem
 * are counted and sampled with their line; the others are stored.
 */
export async function addLabels(store: ProjectStore, args: LabelColumns & { target: string; path: string }, identity: string): Promise<LabelsAdded> {
  const live = liveVersion(store, args.target);
  const prediction = live.reference.prediction;
  const task: LabelTask = prediction.kind === 'classification' ? { kind: 'classification', classes: prediction.classes } : { kind: 'regression' };
  const allFiles = store.monitor.batches(live.target.id).map((b) => store.artifacts.pathOf(b.sha256));
  // A DuckDB of its own: the CSV reader's table of malformed lines belongs to the connection.
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const con = await instance.connect();
  try {
    const file = await readLabelsFile(con, args.path, args);
    if (file.records.length === 0) throw new MlcycleError('INVALID_ARGUMENT', `${file.name} has no labels below its header.`, { field: 'path' });
    const checked = validateLabels(file.records, task, file.place);
    if (checked.labels.length === 0) {
      throw new MlcycleError('INVALID_ARGUMENT', `${file.name}: none of its ${file.records.length} labels can be used, so nothing was added. ${checked.rejectedSample.slice(0, 3).join('; ')}.`, {
        field: 'path',
        rejected: checked.rejected,
        rejectedSample: checked.rejectedSample,
      });
    }
    const collected = await collectedKeys(con, allFiles, checked.labels);
    const added = new LabelsRepo(store.db).upsert(live.target.id, checked.labels, identity, file.name);
    return {
      read: file.records.length,
      added: added.length,
      matched: added.filter((l) => collected.has(`${l.requestId}\u0000${l.row}`)).length,
      rejected: checked.rejected,
      rejectedSample: checked.rejectedSample,
    };
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}
