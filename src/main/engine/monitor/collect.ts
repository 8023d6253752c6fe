import fs from 'node:fs';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { lit } from '../data/sql';
import type { LogPage, PredictionRecord } from '../../../shared/monitor/prediction-record';
import type { ServerClient } from '../deploy/server-client';
import type { ArtifactStore } from '../store/artifacts';
import { temporaryName } from '../store/artifacts';
import type { MonitorRepo, WindowRow } from './monitor-repo';

export interface CollectResult {
  records: number;
  rows: number;
  lost: number;
  cursor: number;
}

/** Records are stored per window of this length (the start is the hour, in UTC). */
const windowOf = (at: string) => `${at.slice(0, 13)}:00:00Z`;

/** Per model, version and hour: requests, rows and latency. */
function windowsOf(records: PredictionRecord[]): WindowRow[] {
  const byKey = new Map<string, WindowRow & { sum: number }>();
  for (const r of records) {
    const key = `${r.model}\u0000${r.version}\u0000${windowOf(r.at)}`;
    const w = byKey.get(key) ?? { model: r.model, version: r.version, windowStart: windowOf(r.at), requests: 0, rows: 0, meanLatencyMs: 0, maxLatencyMs: 0, sum: 0 };
    w.requests++;
    w.rows += r.rows;
    w.sum += r.latencyMs;
    w.maxLatencyMs = Math.max(w.maxLatencyMs, r.latencyMs);
    byKey.set(key, w);
  }
  return [...byKey.values()].map(({ sum, ...w }) => ({ ...w, meanLatencyMs: sum / w.requests }));
}

/** One line per scored row: the request's fields, the row's inputs, and its outputs (a probability row as a list). */
function flatRows(r: PredictionRecord): string[] {
  const lines: string[] = [];
  for (let i = 0; i < r.rows; i++) {
    const row: Record<string, unknown> = { seq: r.seq, at: r.at, request_id: r.requestId, version: r.version, latency_ms: r.latencyMs, row: i };
    for (const [name, values] of Object.entries(r.inputs)) row[`in_${name}`] = values[i] ?? null;
    for (const [name, values] of Object.entries(r.outputs)) {
      const width = values.length / r.rows;
      row[`out_${name}`] = width === 1 ? values[i] : values.slice(i * width, (i + 1) * width);
    }
    lines.push(JSON.stringify(row));
  }
  return lines;
}

/**
 * Pulls what a deployment's server logged since this project's cursor, page by page: each page's
 * rows become a Parquet file in the project's artifacts (one per model) and per-hour windows in
 * SQLite, and the cursor moves in the same transaction — so nothing is read twice or skipped, and a
 * target that is offline only delays collection. `maxPages` bounds one call's work.
 */
export async function collectPredictions(server: ServerClient, targetId: string, repo: MonitorRepo, artifacts: ArtifactStore, con: DuckDBConnection, maxPages = 20, pageSize = 2000): Promise<CollectResult> {
  const total: CollectResult = { records: 0, rows: 0, lost: 0, cursor: repo.cursor(targetId).cursor };
  for (let page = 0; page < maxPages; page++) {
    const reply = (await server.ok('GET', `/v2/logs/predictions?after=${total.cursor}&limit=${pageSize}`, undefined, true)) as LogPage;
    if (reply.records.length === 0 && reply.lost === 0) break;
    const batches: Array<{ model: string; firstSeq: number; lastSeq: number; rows: number; sha256: string }> = [];
    const byModel = new Map<string, PredictionRecord[]>();
    for (const r of reply.records) {
      const list = byModel.get(r.model);
      if (list) list.push(r);
      else byModel.set(r.model, [r]);
    }
    for (const [model, records] of byModel) {
      const ndjson = path.join(artifacts.root, temporaryName('predictions', '.ndjson'));
      const parquet = path.join(artifacts.root, temporaryName('predictions', '.parquet'));
      try {
        fs.writeFileSync(ndjson, `${records.flatMap(flatRows).join('\n')}\n`);
        await con.run(`COPY (SELECT * FROM read_json_auto(${lit(ndjson)}, format = 'newline_delimited')) TO ${lit(parquet)} (FORMAT parquet, COMPRESSION zstd)`);
        const stored = await artifacts.putFile(parquet, 'application/vnd.apache.parquet');
        const rows = records.reduce((s, r) => s + r.rows, 0);
        batches.push({ model, firstSeq: records[0]!.seq, lastSeq: records.at(-1)!.seq, rows, sha256: stored.sha256 });
        total.rows += rows;
      } finally {
        fs.rmSync(ndjson, { force: true });
        fs.rmSync(parquet, { force: true });
      }
    }
    repo.commitPage(targetId, { cursor: reply.next, lost: reply.lost, batches, windows: windowsOf(reply.records) });
    total.records += reply.records.length;
    total.lost += reply.lost;
    total.cursor = reply.next;
    if (reply.next >= reply.last) break;
  }
  return total;
}
