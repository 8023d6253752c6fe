import type { Job, JobLogLine, JobStatus } from '../../../shared/contract/models';
import type { Db } from './database';

interface JobRow {
  id: string;
  kind: string;
  title: string;
  status: JobStatus;
  progress: number;
  phase: string | null;
  eta_ms: number | null;
  params: string | null;
  result: string | null;
  error: string | null;
  runner_pid: number | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

const parse = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

function toJob(row: JobRow): Job {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    progress: row.progress,
    phase: row.phase,
    etaMs: row.eta_ms,
    params: parse(row.params),
    result: parse(row.result),
    error: parse(row.error) as Job['error'],
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  };
}

/** Persistence of jobs and their log lines; the job manager owns the rules, this owns the SQL. */
export class JobsRepo {
  constructor(private readonly db: Db) {}

  insert(job: Job, runnerPid: number): void {
    this.db
      .prepare(
        `INSERT INTO jobs (id, kind, title, status, progress, phase, eta_ms, params, result, error, runner_pid, created_at, started_at, finished_at)
         VALUES (@id, @kind, @title, @status, @progress, @phase, @etaMs, @params, NULL, NULL, @runnerPid, @createdAt, @startedAt, NULL)`,
      )
      .run({ ...job, params: JSON.stringify(job.params ?? null), runnerPid });
  }

  /** Writes the mutable part of a job. */
  update(job: Job): void {
    this.db
      .prepare(
        `UPDATE jobs SET status = @status, progress = @progress, phase = @phase, eta_ms = @etaMs,
           result = @result, error = @error, started_at = @startedAt, finished_at = @finishedAt WHERE id = @id`,
      )
      .run({
        id: job.id,
        status: job.status,
        progress: job.progress,
        phase: job.phase,
        etaMs: job.etaMs,
        result: job.result === null || job.result === undefined ? null : JSON.stringify(job.result),
        error: job.error === null ? null : JSON.stringify(job.error),
        startedAt: job.startedAt,
        finishedAt: job.finishedAt,
      });
  }

  get(id: string): Job | null {
    const row = this.db.prepare('SELECT * FROM jobs WHERE id = ?').get(id) as JobRow | undefined;
    return row ? toJob(row) : null;
  }

  list(limit: number): Job[] {
    const rows = this.db.prepare('SELECT * FROM jobs ORDER BY created_at DESC, rowid DESC LIMIT ?').all(limit) as JobRow[];
    return rows.map(toJob);
  }

  /**
   * Jobs left queued or running by a process that no longer exists were cut off (crash, kill -9,
   * power loss). Marks them interrupted and returns them. Jobs of a live process are left alone,
   * so two engines on one project do not clobber each other.
   */
  markOrphansInterrupted(isAlive: (pid: number) => boolean): Job[] {
    const rows = this.db
      .prepare("SELECT * FROM jobs WHERE status IN ('queued', 'running')")
      .all() as JobRow[];
    const orphans = rows.filter((row) => row.runner_pid === null || !isAlive(row.runner_pid));
    const now = new Date().toISOString();
    const mark = this.db.prepare(
      `UPDATE jobs SET status = 'interrupted', finished_at = ?, eta_ms = NULL,
         error = ? WHERE id = ?`,
    );
    const error = JSON.stringify({
      code: 'INTERRUPTED',
      message: 'The engine stopped while this job was running (it was killed or crashed). Start the job again.',
    });
    this.db.transaction(() => {
      for (const row of orphans) mark.run(now, error, row.id);
    })();
    return orphans.map((row) => this.get(row.id)!);
  }

  appendLog(line: JobLogLine): void {
    this.db
      .prepare('INSERT INTO job_logs (job_id, seq, at, level, message) VALUES (?, ?, ?, ?, ?)')
      .run(line.jobId, line.seq, line.at, line.level, line.message);
  }

  logs(jobId: string, afterSeq: number): JobLogLine[] {
    return this.db
      .prepare('SELECT job_id AS jobId, seq, at, level, message FROM job_logs WHERE job_id = ? AND seq > ? ORDER BY seq')
      .all(jobId, afterSeq) as JobLogLine[];
  }

  lastLogSeq(jobId: string): number {
    const row = this.db.prepare('SELECT MAX(seq) AS seq FROM job_logs WHERE job_id = ?').get(jobId) as { seq: number | null };
    return row.seq ?? 0;
  }
}
