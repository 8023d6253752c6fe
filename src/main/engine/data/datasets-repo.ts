import { randomUUID } from 'node:crypto';
import { MlcycleError } from '../../../shared/contract/errors';
import { parseDatasetRef, type ColumnInfo, type Dataset, type DatasetVersion, type RejectedRow } from '../../../shared/data/models';
import type { Analysis } from '../../../shared/data/analysis';
import type { Profile } from '../../../shared/data/profile';
import type { Db } from '../store/database';

interface VersionRow {
  id: string;
  dataset_id: string;
  dataset_name: string;
  version: number;
  sha256: string;
  rows: number;
  bytes: number;
  columns: string;
  target: string | null;
  source: string;
  parent_id: string | null;
  recipe: string | null;
  rejected_rows: number;
  reject_sample: string;
  created_at: string;
  created_by: string;
}

const VERSION_SELECT = 'SELECT v.*, d.name AS dataset_name FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id';

const toVersion = (row: VersionRow): DatasetVersion => ({
  id: row.id,
  datasetId: row.dataset_id,
  datasetName: row.dataset_name,
  version: row.version,
  sha256: row.sha256,
  rows: row.rows,
  bytes: row.bytes,
  columns: JSON.parse(row.columns) as ColumnInfo[],
  target: row.target,
  source: JSON.parse(row.source),
  parentId: row.parent_id,
  recipe: row.recipe === null ? null : JSON.parse(row.recipe),
  rejectedRows: row.rejected_rows,
  rejectSample: JSON.parse(row.reject_sample) as RejectedRow[],
  createdAt: row.created_at,
  createdBy: row.created_by,
});

export interface NewVersion {
  name: string;
  sha256: string;
  rows: number;
  bytes: number;
  columns: ColumnInfo[];
  target: string | null;
  source: unknown;
  parentId?: string | null;
  recipe?: unknown;
  rejectedRows: number;
  rejectSample: RejectedRow[];
  jobId: string;
}

/** Datasets and their immutable versions; the Parquet bytes live in artifacts/ under their sha256. */
export class DatasetsRepo {
  constructor(private readonly db: Db) {}

  /**
   * Adds a version to the named dataset (created if new). Identical content already stored as a
   * version of that dataset is reused instead of duplicated.
   */
  addVersion(input: NewVersion, by: string): { version: DatasetVersion; reused: boolean } {
    return this.db.transaction(() => {
      let dataset = this.db.prepare('SELECT id FROM datasets WHERE name = ?').get(input.name) as { id: string } | undefined;
      const now = new Date().toISOString();
      if (!dataset) {
        dataset = { id: randomUUID() };
        this.db.prepare('INSERT INTO datasets (id, name, created_at, created_by) VALUES (?, ?, ?, ?)').run(dataset.id, input.name, now, by);
      }
      const same = this.db.prepare(`${VERSION_SELECT} WHERE v.dataset_id = ? AND v.sha256 = ?`).get(dataset.id, input.sha256) as VersionRow | undefined;
      if (same) return { version: toVersion(same), reused: true };
      const next = ((this.db.prepare('SELECT MAX(version) AS v FROM dataset_versions WHERE dataset_id = ?').get(dataset.id) as { v: number | null }).v ?? 0) + 1;
      const id = randomUUID();
      this.db
        .prepare(
          `INSERT INTO dataset_versions (id, dataset_id, version, sha256, rows, bytes, columns, target, source, parent_id, recipe, rejected_rows, reject_sample, job_id, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, dataset.id, next, input.sha256, input.rows, input.bytes, JSON.stringify(input.columns), input.target, JSON.stringify(input.source), input.parentId ?? null, input.recipe === undefined ? null : JSON.stringify(input.recipe), input.rejectedRows, JSON.stringify(input.rejectSample), input.jobId, now, by);
      return { version: this.version(id), reused: false };
    })();
  }

  version(id: string): DatasetVersion {
    const row = this.db.prepare(`${VERSION_SELECT} WHERE v.id = ?`).get(id) as VersionRow | undefined;
    if (!row) throw new MlcycleError('NOT_FOUND', `No dataset version with id '${id}'`, { id });
    return toVersion(row);
  }

  versions(datasetId: string): DatasetVersion[] {
    return (this.db.prepare(`${VERSION_SELECT} WHERE v.dataset_id = ? ORDER BY v.version DESC`).all(datasetId) as VersionRow[]).map(toVersion);
  }

  list(): Dataset[] {
    const rows = this.db.prepare('SELECT d.*, COUNT(v.id) AS n FROM datasets d JOIN dataset_versions v ON v.dataset_id = d.id GROUP BY d.id ORDER BY d.name').all() as Array<{
      id: string;
      name: string;
      created_at: string;
      created_by: string;
      n: number;
    }>;
    return rows.map((d) => ({ id: d.id, name: d.name, createdAt: d.created_at, createdBy: d.created_by, versions: d.n, latest: this.versions(d.id)[0]! }));
  }

  /**
   * Resolves `name`, `name@version`, a version id, a dataset id, or a unique id prefix to one
   * version (the latest when none is named).
   */
  resolve(ref: string): { dataset: Dataset; version: DatasetVersion } {
    const { name, version } = parseDatasetRef(ref);
    const datasets = this.list();
    const byName = datasets.find((d) => d.name === name);
    const byId = datasets.filter((d) => d.id === name || (name.length >= 4 && d.id.startsWith(name)));
    const versionRow = this.db.prepare(`${VERSION_SELECT} WHERE v.id = ?`).get(name) as VersionRow | undefined;
    if (versionRow && version === null) return { dataset: datasets.find((d) => d.id === versionRow.dataset_id)!, version: toVersion(versionRow) };
    const dataset = byName ?? (byId.length === 1 ? byId[0] : undefined);
    if (!dataset) {
      throw new MlcycleError('NOT_FOUND', `No dataset '${name}'. Datasets: ${datasets.map((d) => d.name).join(', ') || '(none yet)'}.`, { ref });
    }
    if (version === null) return { dataset, version: dataset.latest };
    const match = this.versions(dataset.id).find((v) => v.version === version);
    if (!match) throw new MlcycleError('NOT_FOUND', `Dataset '${dataset.name}' has no version ${version}; it has 1 to ${dataset.latest.version}.`, { ref });
    return { dataset, version: match };
  }

  profile(versionId: string): Profile | null {
    const row = this.db.prepare('SELECT profile FROM dataset_profiles WHERE version_id = ?').get(versionId) as { profile: string } | undefined;
    return row ? (JSON.parse(row.profile) as Profile) : null;
  }

  saveProfile(profile: Profile): void {
    this.db.prepare('INSERT OR REPLACE INTO dataset_profiles (version_id, profile, computed_at) VALUES (?, ?, ?)').run(profile.versionId, JSON.stringify(profile), profile.computedAt);
  }

  /** k = 0 is the analysis with k chosen by the elbow. */
  analysis(versionId: string, k: number): Analysis | null {
    const row = this.db.prepare('SELECT analysis FROM dataset_analyses WHERE version_id = ? AND k = ?').get(versionId, k) as { analysis: string } | undefined;
    return row ? (JSON.parse(row.analysis) as Analysis) : null;
  }

  saveAnalysis(k: number, analysis: Analysis): void {
    this.db.prepare('INSERT OR REPLACE INTO dataset_analyses (version_id, k, analysis, computed_at) VALUES (?, ?, ?, ?)').run(analysis.versionId, k, JSON.stringify(analysis), analysis.computedAt);
  }

  /** Annotations that do not change the data: a column's semantic type and the target. */
  annotate(id: string, columns: ColumnInfo[], target: string | null): DatasetVersion {
    // The profile's target section and column treatment depend on these: compute it afresh.
    this.db.prepare('DELETE FROM dataset_profiles WHERE version_id = ?').run(id);
    this.db.prepare('DELETE FROM dataset_analyses WHERE version_id = ?').run(id);
    this.db.prepare('UPDATE dataset_versions SET columns = ?, target = ? WHERE id = ?').run(JSON.stringify(columns), target, id);
    return this.version(id);
  }
}
