import type { Job, JobLogLine, JobStatus } from '../../../shared/contract/models';

/** Statuses that can still change; everything else is final. */
export function isActive(status: JobStatus): boolean {
  return status === 'queued' || status === 'running';
}

/** Of two snapshots of one job, the one that happened later (final beats live, more progress beats less). */
export function laterOf(a: Job, b: Job): Job {
  if (isActive(a.status) !== isActive(b.status)) return isActive(a.status) ? b : a;
  return b.progress >= a.progress ? b : a;
}

/** Newest first, as the Jobs panel shows them. */
export function sortJobs(jobs: Job[]): Job[] {
  return [...jobs].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

/** Inserts or replaces a job by id, keeping the later snapshot. */
export function upsertJob(jobs: Job[], job: Job): Job[] {
  const index = jobs.findIndex((j) => j.id === job.id);
  if (index === -1) return sortJobs([job, ...jobs]);
  const next = [...jobs];
  next[index] = laterOf(jobs[index]!, job);
  return next;
}

/** Merges log lines by sequence number, without duplicates, in order. */
export function mergeLog(existing: JobLogLine[], incoming: JobLogLine[]): JobLogLine[] {
  const bySeq = new Map<number, JobLogLine>();
  for (const line of existing) bySeq.set(line.seq, line);
  for (const line of incoming) bySeq.set(line.seq, line);
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}
