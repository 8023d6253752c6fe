import type { z } from 'zod';
import { diffFields } from '../../../shared/governance/diff';
import type { VersionEntry } from '../../../shared/governance/methods';
import type { Db } from '../store/database';

export interface VersionedRecord<T> {
  version: number;
  value: T;
  changedAt: string | null;
  changedBy: string | null;
  note: string;
}

interface Row {
  version: number;
  data: string;
  changed_at: string;
  changed_by: string;
  note: string;
}

/**
 * A settings document where every save is a new numbered version (objective, policy). Version 0 is
 * the default, never stored. History lists each version with the fields it changed.
 */
export class VersionedSettings<S extends z.ZodType> {
  constructor(
    private readonly db: Db,
    private readonly table: 'objective_versions' | 'policy_versions',
    private readonly schema: S,
    private readonly defaults: z.output<S>,
  ) {}

  current(): VersionedRecord<z.output<S>> {
    const row = this.db.prepare(`SELECT * FROM ${this.table} ORDER BY version DESC LIMIT 1`).get() as Row | undefined;
    if (!row) return { version: 0, value: this.defaults, changedAt: null, changedBy: null, note: '' };
    return this.toRecord(row);
  }

  /** Saves a new version unless nothing changed, in which case the current one is returned. */
  save(value: z.output<S>, changedBy: string, note: string): VersionedRecord<z.output<S>> {
    const current = this.current();
    if (JSON.stringify(current.value) === JSON.stringify(value)) return current;
    this.db
      .prepare(`INSERT INTO ${this.table} (version, data, changed_at, changed_by, note) VALUES (?, ?, ?, ?, ?)`)
      .run(current.version + 1, JSON.stringify(value), new Date().toISOString(), changedBy, note);
    return this.current();
  }

  /** Newest first, each with its changes against the version before (or the defaults). */
  history(): VersionEntry[] {
    const rows = this.db.prepare(`SELECT * FROM ${this.table} ORDER BY version`).all() as Row[];
    let previous: unknown = this.defaults;
    const entries = rows.map((row) => {
      const record = this.toRecord(row);
      const entry: VersionEntry = {
        version: record.version,
        changedAt: row.changed_at,
        changedBy: row.changed_by,
        note: row.note,
        changes: diffFields(previous, record.value),
      };
      previous = record.value;
      return entry;
    });
    return entries.reverse();
  }

  private toRecord(row: Row): VersionedRecord<z.output<S>> {
    // Parsing on read fills fields added by later versions of the schema with their defaults.
    return { version: row.version, value: this.schema.parse(JSON.parse(row.data)), changedAt: row.changed_at, changedBy: row.changed_by, note: row.note };
  }
}
