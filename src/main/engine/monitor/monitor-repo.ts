import type { Db } from '../store/database';

export interface CursorState {
  cursor: number;
  lost: number;
  lastPullAt: string | null;
  lastError: string | null;
}

export interface WindowRow {
  model: string;
  version: string;
  windowStart: string;
  requests: number;
  rows: number;
  meanLatencyMs: number;
  maxLatencyMs: number;
}

/** Where collection stands per target (its cursor into the server's prediction log), and what it gathered. */
export class MonitorRepo {
  constructor(private readonly db: Db) {}

  cursor(targetId: string): CursorState {
    const row = this.db.prepare('SELECT cursor, lost, last_pull_at AS lastPullAt, last_error AS lastError FROM monitor_cursors WHERE target_id = ?').get(targetId) as CursorState | undefined;
    return row ?? { cursor: 0, lost: 0, lastPullAt: null, lastError: null };
  }

  /** A pull that failed (target offline): the cursor stays where it was, the reason is kept. */
  pullFailed(targetId: string, error: string): void {
    this.db
      .prepare('INSERT INTO monitor_cursors (target_id, last_pull_at, last_error) VALUES (?, ?, ?) ON CONFLICT (target_id) DO UPDATE SET last_pull_at = excluded.last_pull_at, last_error = excluded.last_error')
      .run(targetId, new Date().toISOString(), error);
  }

  /**
   * Records a collected page in one transaction: its batch files, its per-hour windows and the new
   * cursor. A crash before the commit leaves the cursor where it was, so the page is read again;
   * after it, the page is never read twice.
   */
  commitPage(targetId: string, page: { cursor: number; lost: number; batches: Array<{ model: string; firstSeq: number; lastSeq: number; rows: number; sha256: string }>; windows: WindowRow[] }): void {
    const now = new Date().toISOString();
    this.db.transaction(() => {
      for (const b of page.batches) {
        this.db.prepare('INSERT INTO monitor_batches (target_id, model, first_seq, last_seq, rows, sha256, collected_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(targetId, b.model, b.firstSeq, b.lastSeq, b.rows, b.sha256, now);
      }
      const upsert = this.db.prepare(
        `INSERT INTO prediction_windows (target_id, model, version, window_start, requests, rows, latency_sum_ms, latency_max_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (target_id, model, version, window_start) DO UPDATE SET requests = requests + excluded.requests, rows = rows + excluded.rows,
           latency_sum_ms = latency_sum_ms + excluded.latency_sum_ms, latency_max_ms = MAX(latency_max_ms, excluded.latency_max_ms)`,
      );
      for (const w of page.windows) upsert.run(targetId, w.model, w.version, w.windowStart, w.requests, w.rows, w.meanLatencyMs * w.requests, w.maxLatencyMs);
      this.db
        .prepare(
          `INSERT INTO monitor_cursors (target_id, cursor, lost, last_pull_at, last_error) VALUES (?, ?, ?, ?, NULL)
           ON CONFLICT (target_id) DO UPDATE SET cursor = excluded.cursor, lost = lost + excluded.lost, last_pull_at = excluded.last_pull_at, last_error = NULL`,
        )
        .run(targetId, page.cursor, page.lost, now);
    })();
  }

  windows(targetId: string): WindowRow[] {
    return this.db
      .prepare('SELECT model, version, window_start AS windowStart, requests, rows, latency_sum_ms / requests AS meanLatencyMs, latency_max_ms AS maxLatencyMs FROM prediction_windows WHERE target_id = ? ORDER BY window_start, model, version')
      .all(targetId) as WindowRow[];
  }

  batches(targetId: string): Array<{ model: string; firstSeq: number; lastSeq: number; rows: number; sha256: string }> {
    return this.db.prepare('SELECT model, first_seq AS firstSeq, last_seq AS lastSeq, rows, sha256 FROM monitor_batches WHERE target_id = ? ORDER BY id').all(targetId) as never;
  }

  /** What monitoring holds for a target: rows collected, labels added, alerts not yet acknowledged. */
  totals(targetId: string): { rowsCollected: number; labeledRows: number; openAlerts: number } {
    const one = (sql: string) => Number((this.db.prepare(sql).pluck().get(targetId) as number | null) ?? 0);
    return {
      rowsCollected: one('SELECT SUM(rows) FROM monitor_batches WHERE target_id = ?'),
      labeledRows: one('SELECT COUNT(*) FROM monitor_labels WHERE target_id = ?'),
      openAlerts: one("SELECT COUNT(*) FROM alerts WHERE target_id = ? AND status = 'open'"),
    };
  }
}
