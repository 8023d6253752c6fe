import { randomUUID } from 'node:crypto';
import { MlcycleError } from '../../../shared/contract/errors';
import type { Split } from '../../../shared/data/split';
import type { Db } from '../store/database';
import { rowByIdOrPrefix } from '../store/id-prefix';

interface Row {
  id: string;
  name: string;
  version_id: string;
  dataset: string;
  strategy: Split['strategy'];
  column_name: string | null;
  ratios: string;
  seed: number;
  counts: string;
  sha256: string;
  created_at: string;
  created_by: string;
}

const SELECT = `SELECT s.*, d.name || '@' || v.version AS dataset FROM splits s JOIN dataset_versions v ON v.id = s.version_id JOIN datasets d ON d.id = v.dataset_id`;

const toSplit = (r: Row): Split => ({
  id: r.id,
  name: r.name,
  versionId: r.version_id,
  dataset: r.dataset,
  strategy: r.strategy,
  column: r.column_name,
  ratios: JSON.parse(r.ratios) as number[],
  seed: r.seed,
  counts: JSON.parse(r.counts) as Record<string, number>,
  sha256: r.sha256,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

/** Saved splits: each names its dataset version, strategy, shares and seed, and stores the assignment. */
export class SplitsRepo {
  constructor(private readonly db: Db) {}

  add(split: Omit<Split, 'id' | 'createdAt' | 'dataset'>): Split {
    const id = randomUUID();
    this.db
      .prepare('INSERT INTO splits (id, name, version_id, strategy, column_name, ratios, seed, counts, sha256, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, split.name, split.versionId, split.strategy, split.column, JSON.stringify(split.ratios), split.seed, JSON.stringify(split.counts), split.sha256, new Date().toISOString(), split.createdBy);
    return toSplit(this.db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as Row);
  }

  /** By id, a unique prefix of it (data split prints 8 characters), or name (the newest of that name). */
  resolve(ref: string): Split {
    const row = rowByIdOrPrefix<Row>(this.db, SELECT, 's.id', ref, 'split') ?? (this.db.prepare(`${SELECT} WHERE s.name = ? ORDER BY s.created_at DESC LIMIT 1`).get(ref) as Row | undefined);
    if (!row) throw new MlcycleError('NOT_FOUND', `There is no split '${ref}'. List splits with "mlcycle data show <dataset>" or make one with "mlcycle data split".`, { split: ref });
    return toSplit(row);
  }

  list(versionId?: string): Split[] {
    const rows = versionId ? this.db.prepare(`${SELECT} WHERE s.version_id = ? ORDER BY s.created_at DESC`).all(versionId) : this.db.prepare(`${SELECT} ORDER BY s.created_at DESC`).all();
    return (rows as Row[]).map(toSplit);
  }
}
