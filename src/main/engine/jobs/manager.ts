import { randomUUID } from 'node:crypto';
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { MlcycleError, toApiError } from '../../../shared/contract/errors';
import { redactSecrets } from '../../../shared/redact';
import { FINISHED_JOB_STATUSES, type Job, type JobLogLine } from '../../../shared/contract/models';
import type { EventBus } from '../events';
import type { JobsRepo } from '../store/jobs-repo';
import { estimateEtaMs } from './eta';
import type { FromWorker } from './protocol';
import { spawnTaskWorker } from './spawn-worker';
import type { TaskKind } from './tasks';
import type { TaskContext } from './tasks/types';

/** How often a running job's progress is written to SQLite and pushed to clients. */
const FLUSH_INTERVAL_MS = 200;
/** A worker that ignores cancel for this long is terminated. */
const CANCEL_GRACE_MS = 2_000;

/**
 * Runs on the main thread with the worker's result when it succeeds: writes what the worker
 * prepared into the store (e.g. renames a file into artifacts/ and inserts rows) and returns the
 * job's final result. If it throws, the job fails with that error.
 */
export type CommitResult = (workerResult: unknown, job: Job) => unknown;

interface Running {
  job: Job;
  commit?: CommitResult;
  worker: Worker;
  cancelFlag: Int32Array;
  startedMs: number;
  logSeq: number;
  /** Live curve points so far, for a client that opens the job while it runs. */
  points: unknown[];
  flushTimer: NodeJS.Timeout | null;
  cancelTimer: NodeJS.Timeout | null;
  cancelRequested: boolean;
}

/** A job whose body runs on the engine's thread (see startOnEngine). */
interface OnEngine {
  job: Job;
  controller: AbortController;
  startedMs: number;
  logSeq: number;
  flushTimer: NodeJS.Timeout | null;
}

interface Queued {
  job: Job;
  kind: TaskKind;
  params: unknown;
  commit?: CommitResult;
}

/**
 * Runs jobs in worker threads and keeps their state in the project store, so a restart can tell
 * what was interrupted. The thread that answers the UI only relays messages and writes small rows.
 */
export class JobManager {
  private readonly running = new Map<string, Running>();
  /** Jobs waiting for a free slot, oldest first. */
  private readonly queue: Queued[] = [];
  private readonly endHooks = new Map<string, (job: Job) => void>();
  private readonly onEngine = new Map<string, OnEngine>();

  constructor(
    private readonly repo: JobsRepo,
    private readonly bus: EventBus,
    /** At most this many jobs run at once (each keeps a core busy); the rest wait as queued. */
    private readonly maxConcurrent = Math.max(1, os.availableParallelism()),
    private readonly pid = process.pid,
  ) {}

  /** onEnd runs once the job has its final state, whatever it is (a run marks itself failed or cancelled). */
  start(kind: TaskKind, params: unknown, title: string, commit?: CommitResult, onEnd?: (job: Job) => void): Job {
    const job: Job = {
      id: randomUUID(),
      kind,
      title,
      status: 'queued',
      progress: 0,
      phase: 'waiting for a free core',
      etaMs: null,
      // What is stored and shown never carries a password; the worker gets the real parameters.
      params: redactSecrets(params),
      result: null,
      error: null,
      createdAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
    };
    this.repo.insert(job, this.pid);
    if (onEnd) this.endHooks.set(job.id, onEnd);
    if (this.running.size < this.maxConcurrent) this.launch(job, kind, params, commit);
    else {
      this.queue.push({ job, kind, params, commit });
      this.bus.emit('job.updated', { ...job });
    }
    return { ...job };
  }

  /**
   * A job whose body runs on this thread instead of a worker: for work that only orchestrates other
   * jobs (each heavy step a worker job of its own) and writes the store between them, such as
   * retraining (data → train → register → promote → deploy). It reports, logs and cancels like a task
   * (cancel aborts ctx.signal), and takes no worker slot, so the jobs it starts can run.
   */
  startOnEngine(kind: string, params: unknown, title: string, body: (ctx: TaskContext, job: Job) => Promise<unknown>): Job {
    const now = new Date().toISOString();
    const job: Job = { id: randomUUID(), kind, title, status: 'running', progress: 0, phase: 'starting', etaMs: null, params: redactSecrets(params), result: null, error: null, createdAt: now, startedAt: now, finishedAt: null };
    this.repo.insert(job, this.pid);
    const entry: OnEngine = { job, controller: new AbortController(), startedMs: Date.now(), logSeq: 0, flushTimer: null };
    this.onEngine.set(job.id, entry);
    const ctx: TaskContext = {
      progress: (fraction, phase) => {
        job.progress = Math.min(1, Math.max(0, fraction));
        if (!entry.controller.signal.aborted) job.phase = phase ?? null;
        job.etaMs = estimateEtaMs(job.progress, Date.now() - entry.startedMs);
        this.scheduleFlush(entry);
      },
      log: (message, level = 'info') => {
        const line: JobLogLine = { jobId: job.id, seq: ++entry.logSeq, at: new Date().toISOString(), level, message };
        this.repo.appendLog(line);
        this.bus.emit('job.log', line);
      },
      point: (point) => this.bus.emit('job.point', { jobId: job.id, point }),
      signal: entry.controller.signal,
      isCancelled: () => entry.controller.signal.aborted,
    };
    this.bus.emit('job.updated', { ...job });
    const end = (status: Job['status'], outcome: { result?: unknown; error?: Job['error'] }) => {
      if (!this.onEngine.delete(job.id)) return;
      if (entry.flushTimer) clearTimeout(entry.flushTimer);
      this.settle(job, status, outcome);
    };
    void body(ctx, { ...job }).then(
      (result) => end('succeeded', { result }),
      (error: unknown) => end(entry.controller.signal.aborted ? 'cancelled' : 'failed', { error: toApiError(error) }),
    );
    return { ...job };
  }

  private launch(job: Job, kind: TaskKind, params: unknown, commit?: CommitResult): void {
    job.status = 'running';
    job.phase = 'starting';
    job.startedAt = new Date().toISOString();
    this.repo.update(job);
    const cancelFlag = new SharedArrayBuffer(4);
    const worker = spawnTaskWorker({ kind, params, cancelFlag });
    const entry: Running = { job, commit, worker, cancelFlag: new Int32Array(cancelFlag), startedMs: Date.now(), logSeq: 0, points: [], flushTimer: null, cancelTimer: null, cancelRequested: false };
    this.running.set(job.id, entry);
    worker.on('message', (message: FromWorker) => this.onWorkerMessage(entry, message));
    worker.on('error', (error) => this.finish(entry, 'failed', { error: { code: 'INTERNAL', message: `Worker crashed: ${error.message}` } }));
    worker.on('exit', (code) => {
      // A worker that exits without reporting (terminated after cancel, or crashed hard) still ends its job.
      if (!this.running.has(job.id)) return;
      if (entry.cancelRequested) this.finish(entry, 'cancelled', { error: { code: 'CANCELLED', message: 'Cancelled by user' } });
      else this.finish(entry, 'failed', { error: { code: 'INTERNAL', message: `Worker exited with code ${code} before finishing` } });
    });
    this.bus.emit('job.updated', { ...job });
  }

  private launchNext(): void {
    while (this.running.size < this.maxConcurrent && this.queue.length > 0) {
      const next = this.queue.shift()!;
      this.launch(next.job, next.kind, next.params, next.commit);
    }
  }

  get(id: string): Job {
    const live = this.running.get(id) ?? this.onEngine.get(id);
    if (live) return { ...live.job };
    const waiting = this.queue.find((q) => q.job.id === id);
    if (waiting) return { ...waiting.job };
    const job = this.repo.get(id);
    if (!job) throw new MlcycleError('NOT_FOUND', `No job with id '${id}'`, { id });
    return job;
  }

  list(limit: number): Job[] {
    // Stored rows may lag the live state by one flush interval; overlay the live jobs.
    return this.repo.list(limit).map((job) => {
      const live = this.running.get(job.id) ?? this.onEngine.get(job.id);
      return live ? { ...live.job } : job;
    });
  }

  logs(id: string, afterSeq: number): JobLogLine[] {
    this.get(id);
    return this.repo.logs(id, afterSeq);
  }

  /** The live curve points of a running job (empty once it ended: the run keeps its curves). */
  points(id: string): unknown[] {
    this.get(id);
    return [...(this.running.get(id)?.points ?? [])];
  }

  cancel(id: string): Job {
    const queuedAt = this.queue.findIndex((q) => q.job.id === id);
    if (queuedAt >= 0) {
      const [{ job }] = this.queue.splice(queuedAt, 1) as [Queued];
      this.settle(job, 'cancelled', { error: { code: 'CANCELLED', message: 'Cancelled by user before it started' } });
      return { ...job };
    }
    const orchestrating = this.onEngine.get(id);
    if (orchestrating) {
      // The body sees the aborted signal, cancels the job it waits on, and ends as cancelled.
      orchestrating.controller.abort();
      orchestrating.job.phase = 'cancelling';
      this.flush(orchestrating);
      return { ...orchestrating.job };
    }
    const entry = this.running.get(id);
    if (!entry) {
      const job = this.get(id);
      if (FINISHED_JOB_STATUSES.includes(job.status)) {
        throw new MlcycleError('CONFLICT', `Job '${job.title}' has already ${job.status}; there is nothing to cancel.`, { id, status: job.status });
      }
      return job;
    }
    if (!entry.cancelRequested) {
      entry.cancelRequested = true;
      entry.job.phase = 'cancelling';
      Atomics.store(entry.cancelFlag, 0, 1);
      entry.worker.postMessage({ type: 'cancel' });
      entry.cancelTimer = setTimeout(() => void entry.worker.terminate(), CANCEL_GRACE_MS);
      this.flush(entry);
    }
    return { ...entry.job };
  }

  /** Stops every running job (project closing or engine shutting down); each ends as cancelled. */
  async dispose(reason = 'The project was closed'): Promise<void> {
    for (const { job } of this.queue.splice(0)) this.settle(job, 'cancelled', { error: { code: 'CANCELLED', message: reason } });
    for (const entry of [...this.onEngine.values()]) {
      this.onEngine.delete(entry.job.id);
      if (entry.flushTimer) clearTimeout(entry.flushTimer);
      entry.controller.abort();
      this.settle(entry.job, 'cancelled', { error: { code: 'CANCELLED', message: reason } });
    }
    const entries = [...this.running.values()];
    for (const entry of entries) {
      entry.cancelRequested = true;
      this.finish(entry, 'cancelled', { error: { code: 'CANCELLED', message: reason } });
    }
    await Promise.all(entries.map((entry) => entry.worker.terminate()));
  }

  private onWorkerMessage(entry: Running, message: FromWorker): void {
    switch (message.type) {
      case 'progress': {
        entry.job.progress = message.fraction;
        if (!entry.cancelRequested) entry.job.phase = message.phase;
        entry.job.etaMs = estimateEtaMs(message.fraction, Date.now() - entry.startedMs);
        this.scheduleFlush(entry);
        return;
      }
      case 'log': {
        const line: JobLogLine = { jobId: entry.job.id, seq: ++entry.logSeq, at: new Date().toISOString(), level: message.level, message: message.message };
        this.repo.appendLog(line);
        this.bus.emit('job.log', line);
        return;
      }
      case 'point': {
        entry.points.push(message.point);
        this.bus.emit('job.point', { jobId: entry.job.id, point: message.point });
        return;
      }
      case 'done': {
        if (!entry.commit) return this.finish(entry, 'succeeded', { result: message.result });
        try {
          this.finish(entry, 'succeeded', { result: entry.commit(message.result, entry.job) });
        } catch (error) {
          this.finish(entry, 'failed', { error: toApiError(error) });
        }
        return;
      }
      case 'cancelled':
        this.finish(entry, 'cancelled', { error: { code: 'CANCELLED', message: message.message } });
        return;
      case 'failed':
        this.finish(entry, entry.cancelRequested ? 'cancelled' : 'failed', { error: message.error });
        return;
    }
  }

  private scheduleFlush(entry: Running | OnEngine): void {
    if (entry.flushTimer) return;
    entry.flushTimer = setTimeout(() => {
      entry.flushTimer = null;
      if (this.running.has(entry.job.id) || this.onEngine.has(entry.job.id)) this.flush(entry);
    }, FLUSH_INTERVAL_MS);
  }

  private flush(entry: { job: Job }): void {
    this.repo.update(entry.job);
    this.bus.emit('job.updated', { ...entry.job });
  }

  private finish(entry: Running, status: Job['status'], outcome: { result?: unknown; error?: Job['error'] }): void {
    if (!this.running.delete(entry.job.id)) return;
    if (entry.flushTimer) clearTimeout(entry.flushTimer);
    if (entry.cancelTimer) clearTimeout(entry.cancelTimer);
    this.settle(entry.job, status, outcome);
    this.launchNext();
  }

  /** Records a job's final state and tells the clients. */
  private settle(job: Job, status: Job['status'], outcome: { result?: unknown; error?: Job['error'] }): void {
    job.status = status;
    job.finishedAt = new Date().toISOString();
    job.etaMs = null;
    job.phase = status === 'succeeded' ? 'done' : status;
    if (status === 'succeeded') job.progress = 1;
    job.result = outcome.result ?? null;
    job.error = outcome.error ?? null;
    this.repo.update(job);
    this.bus.emit('job.updated', { ...job });
    const onEnd = this.endHooks.get(job.id);
    this.endHooks.delete(job.id);
    onEnd?.({ ...job });
  }
}
