import { randomUUID } from 'node:crypto';
import { MlcycleError } from '../../../shared/contract/errors';
import type { Role } from '../../../shared/governance/people';
import type { ParityReport } from '../../../shared/package/models';
import type { AliasChange, Approval, ModelVersion, RegisteredModel } from '../../../shared/registry/models';
import type { Db } from '../store/database';

interface ModelRow {
  id: string;
  name: string;
  description: string;
  tags: string;
  created_at: string;
  created_by: string;
}

interface VersionRow {
  id: string;
  model_id: string;
  model: string;
  version: number;
  run_id: string;
  run_name: string;
  learner: string;
  task: string;
  dataset_version_id: string;
  dataset: string;
  split_id: string | null;
  test_metrics: string;
  package_sha256: string;
  package_bytes: number;
  signer: string;
  parity: string;
  latency_p99_ms: number | null;
  model_bytes: number;
  description: string;
  tags: string;
  created_at: string;
  created_by: string;
}

const VERSION_SELECT = `
  SELECT mv.*, m.name AS model, r.name AS run_name, r.model AS learner, r.task, r.version_id AS dataset_version_id,
         d.name || '@' || dv.version AS dataset, r.split_id, json_extract(r.metrics, '$.test') AS test_metrics
  FROM model_versions mv
  JOIN registered_models m ON m.id = mv.model_id
  JOIN runs r ON r.id = mv.run_id
  JOIN dataset_versions dv ON dv.id = r.version_id
  JOIN datasets d ON d.id = dv.dataset_id`;

/** What a registration stores: the package in artifacts and the evidence measured while packaging. */
export interface NewVersion {
  runId: string;
  packageSha256: string;
  packageBytes: number;
  signer: string;
  parity: ParityReport;
  latencyP99Ms: number | null;
  modelBytes: number;
  description: string;
  tags: string[];
}

/**
 * The model registry in project.db. Versions are immutable once written (only their description and
 * tags change); aliases move, and every move is kept in alias_history.
 */
export class RegistryRepo {
  constructor(private readonly db: Db) {}

  private modelRow(name: string): ModelRow | undefined {
    return this.db.prepare('SELECT * FROM registered_models WHERE name = ?').get(name) as ModelRow | undefined;
  }

  private requireModelRow(name: string): ModelRow {
    const row = this.modelRow(name);
    if (!row) {
      const known = (this.db.prepare('SELECT name FROM registered_models ORDER BY name').all() as Array<{ name: string }>).map((r) => r.name);
      throw new MlcycleError('NOT_FOUND', `No registered model '${name}'.${known.length ? ` Registered: ${known.join(', ')}.` : ' Register a run first.'}`, { field: 'model' });
    }
    return row;
  }

  private toModel(row: ModelRow): RegisteredModel {
    const aliases = this.db.prepare('SELECT a.alias, v.version FROM model_aliases a JOIN model_versions v ON v.id = a.version_id WHERE a.model_id = ? ORDER BY a.alias').all(row.id) as Array<{ alias: string; version: number }>;
    const count = this.db.prepare('SELECT COUNT(*) AS n, MAX(version) AS latest FROM model_versions WHERE model_id = ?').get(row.id) as { n: number; latest: number | null };
    return {
      id: row.id,
      name: row.name,
      description: row.description,
      tags: JSON.parse(row.tags) as string[],
      aliases: Object.fromEntries(aliases.map((a) => [a.alias, a.version])),
      versions: count.n,
      latestVersion: count.latest,
      createdAt: row.created_at,
      createdBy: row.created_by,
    };
  }

  private toVersion(row: VersionRow): ModelVersion {
    const aliases = this.db.prepare('SELECT alias FROM model_aliases WHERE version_id = ? ORDER BY alias').all(row.id) as Array<{ alias: string }>;
    return {
      id: row.id,
      model: row.model,
      version: row.version,
      runId: row.run_id,
      runName: row.run_name,
      learner: row.learner,
      task: row.task,
      datasetVersionId: row.dataset_version_id,
      dataset: row.dataset,
      splitId: row.split_id,
      packageSha256: row.package_sha256,
      packageBytes: row.package_bytes,
      signer: row.signer,
      parity: JSON.parse(row.parity) as ParityReport,
      testMetrics: row.test_metrics ? (JSON.parse(row.test_metrics) as Record<string, number | null>) : {},
      latencyP99Ms: row.latency_p99_ms,
      modelSizeMb: row.model_bytes / 1e6,
      description: row.description,
      tags: JSON.parse(row.tags) as string[],
      aliases: aliases.map((a) => a.alias),
      approvals: this.approvals(row.id),
      createdAt: row.created_at,
      createdBy: row.created_by,
    };
  }

  list(): RegisteredModel[] {
    return (this.db.prepare('SELECT * FROM registered_models ORDER BY name').all() as ModelRow[]).map((r) => this.toModel(r));
  }

  model(name: string): RegisteredModel {
    return this.toModel(this.requireModelRow(name));
  }

  versions(model: string): ModelVersion[] {
    const m = this.requireModelRow(model);
    return (this.db.prepare(`${VERSION_SELECT} WHERE mv.model_id = ? ORDER BY mv.version DESC`).all(m.id) as VersionRow[]).map((r) => this.toVersion(r));
  }

  /** Every registered version of a run (a run may be registered under several models). */
  versionsOfRun(runId: string): ModelVersion[] {
    return (this.db.prepare(`${VERSION_SELECT} WHERE mv.run_id = ? ORDER BY m.name, mv.version`).all(runId) as VersionRow[]).map((r) => this.toVersion(r));
  }

  /** A version by number or by an alias it holds. */
  version(model: string, ref: number | string): ModelVersion {
    const m = this.requireModelRow(model);
    const row =
      typeof ref === 'number'
        ? (this.db.prepare(`${VERSION_SELECT} WHERE mv.model_id = ? AND mv.version = ?`).get(m.id, ref) as VersionRow | undefined)
        : (this.db.prepare(`${VERSION_SELECT} JOIN model_aliases a ON a.version_id = mv.id WHERE a.model_id = ? AND a.alias = ?`).get(m.id, ref) as VersionRow | undefined);
    if (!row) {
      const latest = this.toModel(m).latestVersion;
      const what = typeof ref === 'number' ? `version ${ref}` : `a version with the alias '${ref}'`;
      throw new MlcycleError('NOT_FOUND', `Model ${model} has no ${what}${latest ? ` (versions 1–${latest}; aliases: ${Object.keys(this.toModel(m).aliases).join(', ') || 'none'})` : ''}.`, { field: 'version' });
    }
    return this.toVersion(row);
  }

  /**
   * Stores a new version as the model's next number, creating the model if it is new. Runs in one
   * transaction, so two registrations racing for the same model get different numbers.
   */
  register(model: string, v: NewVersion, by: string): ModelVersion {
    const id = randomUUID();
    const at = new Date().toISOString();
    const number = this.db.transaction(() => {
      let m = this.modelRow(model);
      if (!m) {
        this.db.prepare('INSERT INTO registered_models (id, name, created_at, created_by) VALUES (?, ?, ?, ?)').run(randomUUID(), model, at, by);
        m = this.modelRow(model)!;
      }
      const next = this.nextVersionNumber(model);
      this.db
        .prepare(
          `INSERT INTO model_versions (id, model_id, version, run_id, package_sha256, package_bytes, signer, parity, latency_p99_ms, model_bytes, description, tags, created_at, created_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(id, m.id, next, v.runId, v.packageSha256, v.packageBytes, v.signer, JSON.stringify(v.parity), v.latencyP99Ms, v.modelBytes, v.description, JSON.stringify(v.tags), at, by);
      return next;
    })();
    return this.version(model, number);
  }

  /** The number the next registration of `model` will get (1 for a new model). */
  nextVersionNumber(model: string): number {
    return ((this.db.prepare('SELECT MAX(v.version) AS v FROM model_versions v JOIN registered_models m ON m.id = v.model_id WHERE m.name = ?').get(model) as { v: number | null }).v ?? 0) + 1;
  }

  describeModel(model: string, change: { description?: string; tags?: string[] }): RegisteredModel {
    const m = this.requireModelRow(model);
    if (change.description !== undefined) this.db.prepare('UPDATE registered_models SET description = ? WHERE id = ?').run(change.description, m.id);
    if (change.tags !== undefined) this.db.prepare('UPDATE registered_models SET tags = ? WHERE id = ?').run(JSON.stringify([...new Set(change.tags)]), m.id);
    return this.model(model);
  }

  describeVersion(model: string, ref: number | string, change: { description?: string; tags?: string[] }): ModelVersion {
    const v = this.version(model, ref);
    if (change.description !== undefined) this.db.prepare('UPDATE model_versions SET description = ? WHERE id = ?').run(change.description, v.id);
    if (change.tags !== undefined) this.db.prepare('UPDATE model_versions SET tags = ? WHERE id = ?').run(JSON.stringify([...new Set(change.tags)]), v.id);
    return this.version(model, v.version);
  }

  /** Points `alias` at a version (or removes it with null) and records the move. */
  setAlias(model: string, alias: string, version: number | null, by: string): AliasChange {
    const m = this.requireModelRow(model);
    const target = version === null ? null : this.version(model, version);
    const at = new Date().toISOString();
    return this.db.transaction(() => {
      const previous = (this.db.prepare('SELECT v.version FROM model_aliases a JOIN model_versions v ON v.id = a.version_id WHERE a.model_id = ? AND a.alias = ?').get(m.id, alias) as { version: number } | undefined)?.version ?? null;
      if (target) {
        this.db
          .prepare('INSERT INTO model_aliases (model_id, alias, version_id, set_at, set_by) VALUES (?, ?, ?, ?, ?) ON CONFLICT (model_id, alias) DO UPDATE SET version_id = excluded.version_id, set_at = excluded.set_at, set_by = excluded.set_by')
          .run(m.id, alias, target.id, at, by);
      } else {
        if (previous === null) throw new MlcycleError('NOT_FOUND', `Model ${model} has no alias '${alias}' to remove.`, { field: 'alias' });
        this.db.prepare('DELETE FROM model_aliases WHERE model_id = ? AND alias = ?').run(m.id, alias);
      }
      this.db.prepare('INSERT INTO alias_history (model_id, alias, version, previous, at, by) VALUES (?, ?, ?, ?, ?, ?)').run(m.id, alias, version, previous, at, by);
      return { alias, version, previous, at, by };
    })();
  }

  aliasHistory(model: string): AliasChange[] {
    const m = this.requireModelRow(model);
    return this.db.prepare('SELECT alias, version, previous, at, by FROM alias_history WHERE model_id = ? ORDER BY id DESC').all(m.id) as AliasChange[];
  }

  approve(versionId: string, by: string, role: Role, comment: string): Approval {
    const at = new Date().toISOString();
    const { lastInsertRowid } = this.db.prepare('INSERT INTO model_approvals (version_id, by, role, comment, at) VALUES (?, ?, ?, ?, ?)').run(versionId, by, role, comment, at);
    return { id: Number(lastInsertRowid), by, role, comment, at };
  }

  approvals(versionId: string): Approval[] {
    return this.db.prepare('SELECT id, by, role, comment, at FROM model_approvals WHERE version_id = ? ORDER BY id').all(versionId) as Approval[];
  }
}
