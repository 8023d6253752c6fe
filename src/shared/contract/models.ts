import { z } from 'zod';

/** Data shapes shared by the engine and every client. Timestamps are ISO-8601 strings in UTC. */

export const ProjectSummary = z.object({
  id: z.string(),
  name: z.string(),
  dir: z.string(),
  schemaVersion: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type ProjectSummary = z.infer<typeof ProjectSummary>;

export const RecentProject = z.object({
  dir: z.string(),
  name: z.string(),
  openedAt: z.string(),
  /** False when the folder or its project.db has gone since it was last opened. */
  exists: z.boolean(),
});
export type RecentProject = z.infer<typeof RecentProject>;

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled', 'interrupted'] as const;
export const JobStatus = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatus>;

export const FINISHED_JOB_STATUSES: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled', 'interrupted'];

export const JobError = z.object({
  code: z.string(),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

export const Job = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  status: JobStatus,
  /** 0..1 */
  progress: z.number().min(0).max(1),
  phase: z.string().nullable(),
  /** Estimated milliseconds left, null until it can be estimated. */
  etaMs: z.number().nullable(),
  params: z.unknown(),
  result: z.unknown().nullable(),
  error: JobError.nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof Job>;

export const JobLogLine = z.object({
  jobId: z.string(),
  seq: z.number().int(),
  at: z.string(),
  level: z.enum(['info', 'warn', 'error']),
  message: z.string(),
});
export type JobLogLine = z.infer<typeof JobLogLine>;

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  details: z.unknown(),
  outcome: z.enum(['ok', 'error']),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const SystemInfo = z.object({
  version: z.string(),
  host: z.enum(['in-process', 'electron', 'headless']),
  platform: z.string(),
  node: z.string(),
  cpus: z.number().int(),
  identity: z.string(),
  project: ProjectSummary.nullable(),
});
export type SystemInfo = z.infer<typeof SystemInfo>;
