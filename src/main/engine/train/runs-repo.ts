import { randomUUID } from 'node:crypto';
import { MlcycleError } from '../../../shared/contract/errors';
import type { CrossValidation, CurvePoint, Evaluation, MetricSet, Run, SearchSummary } from '../../../shared/train/models';
import type { Db } from '../store/database';
import { rowByIdOrPrefix } from '../store/id-prefix';

interface Row {
  id: string;
  name: string;
  status: Run['status'];
  model: Run['model'];
  task: Run['task'];
  params: string;
  version_id: string;
  dataset: string;
  split_id: string | null;
  target: string;
  features: string;
  seed: number;
  backend: string | null;
  row_counts: string;
  metrics: string;
  curves: string;
  cv: string | null;
  search: string | null;
  model_sha256: string | null;
  model_bytes: number | null;
  latency_ms: number | null;
  duration_s: number | null;
  job_id: string | null;
  parent_run_id: string | null;
  error: string | null;
  created_at: string;
  created_by: string;
}

const SELECT = `SELECT r.*, d.name || '@' || v.version AS dataset FROM runs r JOIN dataset_versions v ON v.id = r.version_id JOIN datasets d ON d.id = v.dataset_id`;

const toRun = (r: Row): Run => ({
  id: r.id,
  name: r.name,
  status: r.status,
  model: r.model,
  task: r.task,
  params: JSON.parse(r.params) as Record<string, unknown>,
  versionId: r.version_id,
  dataset: r.dataset,
  splitId: r.split_id,
  target: r.target,
  features: JSON.parse(r.features) as string[],
  seed: r.seed,
  backend: r.backend,
  rows: JSON.parse(r.row_counts) as Record<string, number>,
  metrics: JSON.parse(r.metrics) as Run['metrics'],
  curves: JSON.parse(r.curves) as CurvePoint[],
  crossValidation: r.cv ? (JSON.parse(r.cv) as CrossValidation) : null,
  search: r.search ? (JSON.parse(r.search) as SearchSummary) : null,
  modelSha256: r.model_sha256,
  modelBytes: r.model_bytes,
  latencyMsPerRow: r.latency_ms,
  durationSeconds: r.duration_s,
  jobId: r.job_id,
  parentRunId: r.parent_run_id,
  error: r.error,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export interface RunOutcome {
  splitId: string | null;
  backend: string;
  rows: Record<string, number>;
  metrics: { train: MetricSet | null; validation: MetricSet | null; test: MetricSet | null };
  curves: CurvePoint[];
  evaluation: Evaluation;
  crossValidation: CrossValidation | null;
  modelSha256: string;
  modelBytes: number;
  latencyMsPerRow: number;
  durationSeconds: number;
}

/** Training runs in project.db: created when the job starts, completed or marked failed when it ends. */
export class RunsRepo {
  constructor(private readonly db: Db) {}

  create(run: Pick<Run, 'name' | 'model' | 'task' | 'params' | 'versionId' | 'splitId' | 'target' | 'features' | 'seed' | 'createdBy' | 'parentRunId'>): Run {
    const id = randomUUID();
    this.db
      .prepare('INSERT INTO runs (id, name, status, model, task, params, version_id, split_id, target, features, seed, parent_run_id, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, run.name, 'running', run.model, run.task, JSON.stringify(run.params), run.versionId, run.splitId, run.target, JSON.stringify(run.features), run.seed, run.parentRunId, new Date().toISOString(), run.createdBy);
    return this.get(id);
  }

  attachJob(id: string, jobId: string): void {
    this.db.prepare('UPDATE runs SET job_id = ? WHERE id = ?').run(jobId, id);
  }

  complete(id: string, o: RunOutcome): Run {
    this.db
      .prepare(
        `UPDATE runs SET status = 'succeeded', split_id = ?, backend = ?, row_counts = ?, metrics = ?, curves = ?, evaluation = ?, cv = ?, model_sha256 = ?, model_bytes = ?, latency_ms = ?, duration_s = ? WHERE id = ?`,
      )
      .run(o.splitId, o.backend, JSON.stringify(o.rows), JSON.stringify(o.metrics), JSON.stringify(o.curves), JSON.stringify(o.evaluation), o.crossValidation ? JSON.stringify(o.crossValidation) : null, o.modelSha256, o.modelBytes, o.latencyMsPerRow, o.durationSeconds, id);
    return this.get(id);
  }

  /** Saves a search's progress (its rounds so far) on the parent run. */
  saveSearch(id: string, search: SearchSummary): void {
    this.db.prepare('UPDATE runs SET search = ? WHERE id = ?').run(JSON.stringify(search), id);
  }

  /** A search's parent takes on its best child's results: model, metrics, curves, evaluation. */
  completeFromChild(id: string, childId: string, search: SearchSummary): Run {
    this.db
      .prepare(
        `UPDATE runs SET status = 'succeeded', search = ?, model = c.model, params = c.params, split_id = c.split_id, backend = c.backend, row_counts = c.row_counts, metrics = c.metrics, curves = c.curves, evaluation = c.evaluation, model_sha256 = c.model_sha256, model_bytes = c.model_bytes, latency_ms = c.latency_ms, duration_s = (julianday('now') - julianday(runs.created_at)) * 86400 FROM (SELECT * FROM runs WHERE id = ?) AS c WHERE runs.id = ?`,
      )
      .run(JSON.stringify(search), childId, id);
    return this.get(id);
  }

  children(id: string): Run[] {
    return (this.db.prepare(`${SELECT} WHERE r.parent_run_id = ? ORDER BY r.created_at`).all(id) as Row[]).map(toRun);
  }

  end(id: string, status: 'failed' | 'cancelled', error: string): void {
    this.db.prepare(`UPDATE runs SET status = ?, error = ? WHERE id = ? AND status = 'running'`).run(status, error, id);
  }

  /** The run's evaluation (curves, confusion matrix, residuals); null until it succeeded. */
  evaluation(ref: string): Evaluation | null {
    const run = this.get(ref);
    const row = this.db.prepare('SELECT evaluation FROM runs WHERE id = ?').get(run.id) as { evaluation: string | null };
    return row.evaluation ? (JSON.parse(row.evaluation) as Evaluation) : null;
  }

  /** Runs left running by an engine that died can never finish (called when a project opens, before any job starts). */
  markInterrupted(): void {
    this.db.prepare(`UPDATE runs SET status = 'failed', error = 'interrupted: the engine stopped while this run was training' WHERE status = 'running'`).run();
  }

  /** By id, a unique prefix of it (runs list shows 8 characters), or name (the newest run of that name). */
  get(ref: string): Run {
    const row = rowByIdOrPrefix<Row>(this.db, SELECT, 'r.id', ref, 'run') ?? (this.db.prepare(`${SELECT} WHERE r.name = ? ORDER BY r.created_at DESC LIMIT 1`).get(ref) as Row | undefined);
    if (!row) throw new MlcycleError('NOT_FOUND', `There is no run '${ref}'. List runs with "mlcycle runs list".`, { run: ref });
    return toRun(row);
  }

  /** Newest first; `versionIds` keeps runs of those dataset versions, `parentRunId` the trials of one search or auto run. */
  list(options: { versionIds?: string[]; parentRunId?: string; limit: number }): Run[] {
    const where: string[] = [];
    const values: unknown[] = [];
    if (options.versionIds) {
      where.push(`r.version_id IN (${options.versionIds.map(() => '?').join(', ')})`);
      values.push(...options.versionIds);
    }
    if (options.parentRunId) {
      where.push('r.parent_run_id = ?');
      values.push(options.parentRunId);
    }
    const sql = `${SELECT}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY r.created_at DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...values, options.limit) as Row[]).map(toRun);
  }
}
