import type { Db } from '../store/database';
import type { ValidLabel } from './labels-validate';

/** Ground truth per target, keyed by request id and row (table monitor_labels). */
export class LabelsRepo {
  constructor(private readonly db: Db) {}

  /**
   * Stores labels in one transaction: new ones are inserted, changed ones replaced (with who and
   * from which file), identical ones left as they were — so adding the same file twice changes
   * nothing. Returns the labels that were inserted or replaced.
   */
  upsert(targetId: string, labels: readonly ValidLabel[], by: string, source: string): ValidLabel[] {
    const now = new Date().toISOString();
    const statement = this.db.prepare(
      `INSERT INTO monitor_labels (target_id, request_id, row, label, added_at, added_by, source) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (target_id, request_id, row) DO UPDATE SET label = excluded.label, added_at = excluded.added_at, added_by = excluded.added_by, source = excluded.source
       WHERE monitor_labels.label <> excluded.label`,
    );
    return this.db.transaction(() => labels.filter((l) => statement.run(targetId, l.requestId, l.row, l.label, now, by, source).changes > 0))();
  }

  all(targetId: string): ValidLabel[] {
    return this.db.prepare('SELECT request_id AS requestId, row, label FROM monitor_labels WHERE target_id = ?').all(targetId) as ValidLabel[];
  }

  count(targetId: string): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM monitor_labels WHERE target_id = ?').get(targetId) as { n: number }).n;
  }
}
