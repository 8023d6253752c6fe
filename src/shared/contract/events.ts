import { z } from 'zod';
import { Alert } from '../monitor/models';
import { AuditEntry, Job, JobLogLine, ProjectSummary } from './models';

/** Events the engine pushes to every connected client. */
export const events = {
  'job.updated': Job,
  'job.log': JobLogLine,
  /** One point of a running job's live curve (training loss per iteration, ...). */
  'job.point': z.object({ jobId: z.string(), point: z.unknown() }),
  'project.changed': ProjectSummary.nullable(),
  /** Every mutating call, from any client (UI, CLI, another window): lets open views refresh. */
  'audit.recorded': AuditEntry,
  /** An alert rule fired on pulled monitoring data: the desktop shows a notification. */
  'alert.raised': Alert,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type PayloadOf<E extends EventName> = z.output<Events[E]>;
