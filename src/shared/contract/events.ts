import type { z } from 'zod';
import { AuditEntry, Job, JobLogLine, ProjectSummary } from './models';

/** Events the engine pushes to every connected client. */
export const events = {
  'job.updated': Job,
  'job.log': JobLogLine,
  'project.changed': ProjectSummary.nullable(),
  /** Every mutating call, from any client (UI, CLI, another window): lets open views refresh. */
  'audit.recorded': AuditEntry,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type PayloadOf<E extends EventName> = z.output<Events[E]>;
