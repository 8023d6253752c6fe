import type { z } from 'zod';
import { Job, JobLogLine, ProjectSummary } from './models';

/** Events the engine pushes to every connected client. */
export const events = {
  'job.updated': Job,
  'job.log': JobLogLine,
  'project.changed': ProjectSummary.nullable(),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type PayloadOf<E extends EventName> = z.output<Events[E]>;
