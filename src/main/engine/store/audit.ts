import type { AuditEntry } from '../../../shared/contract/models';
import type { Db } from './database';

export interface AuditRecord {
  actor: string;
  action: string;
  target?: string | null;
  details?: unknown;
  outcome: 'ok' | 'error';
}

/** Append-only record of every mutating call: who, when, what, and whether it worked. */
export class AuditLog {
  constructor(private readonly db: Db) {}

  record(entry: AuditRecord): AuditEntry {
    const at = new Date().toISOString();
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO audit_log (at, actor, action, target, details, outcome) VALUES (?, ?, ?, ?, ?, ?)')
      .run(
        at,
        entry.actor,
        entry.action,
        entry.target ?? null,
        entry.details === undefined ? null : JSON.stringify(entry.details),
        entry.outcome,
      );
    return { id: Number(lastInsertRowid), at, actor: entry.actor, action: entry.action, target: entry.target ?? null, details: entry.details ?? null, outcome: entry.outcome };
  }

  list(limit: number): AuditEntry[] {
    const rows = this.db
      .prepare('SELECT id, at, actor, action, target, details, outcome FROM audit_log ORDER BY id DESC LIMIT ?')
      .all(limit) as Array<Omit<AuditEntry, 'details'> & { details: string | null }>;
    return rows.map((row) => ({ ...row, details: row.details === null ? null : JSON.parse(row.details) }));
  }
}
