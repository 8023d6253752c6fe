import { z } from 'zod';
import { dataMethods } from '../data/methods';
import { trainMethods } from '../train/methods';
import { governanceMethods } from '../governance/methods';
import { packageMethods } from '../package/methods';
import { signingMethods } from '../signing/methods';
import { registryMethods } from '../registry/methods';
import { deployMethods } from '../deploy/methods';
import { monitorMethods } from '../monitor/methods';
import { AuditEntry, Job, JobLogLine, ProjectSummary, RecentProject, SystemInfo } from './models';

/**
 * The API contract: every method the engine answers, with zod schemas for its arguments and result.
 * `mutates: true` methods are written to the project's audit log.
 * Later domains add their entries here; the engine's handler map must cover every key (checked by the compiler).
 */
const none = z.object({}).strict();
const jobId = z.object({ id: z.string().min(1, 'job id is required') }).strict();
const folder = z.string().trim().min(1, 'a folder path is required');

const coreMethods = {
  'system.info': { args: none, result: SystemInfo, mutates: false },

  'project.create': {
    args: z.object({ dir: folder, name: z.string().trim().min(1).max(200).optional() }).strict(),
    result: ProjectSummary,
    mutates: true,
  },
  /** Creates the Palmer penguins sample project in `dir` and starts the import of its data (the job). */
  'project.createSample': {
    args: z.object({ dir: folder }).strict(),
    result: z.object({ project: ProjectSummary, importJob: Job }),
    mutates: true,
  },
  'project.open': { args: z.object({ dir: folder }).strict(), result: ProjectSummary, mutates: false },
  'project.close': { args: none, result: z.null(), mutates: false },
  'project.current': { args: none, result: ProjectSummary.nullable(), mutates: false },
  'project.recent': { args: none, result: z.array(RecentProject), mutates: false },

  'jobs.list': {
    args: z.object({ limit: z.number().int().min(1).max(1000).default(100) }).strict(),
    result: z.array(Job),
    mutates: false,
  },
  'jobs.get': { args: jobId, result: Job, mutates: false },
  /** The live curve points a running job has streamed so far. */
  'jobs.points': { args: jobId, result: z.array(z.unknown()), mutates: false },
  'jobs.log': {
    args: z.object({ id: z.string().min(1), afterSeq: z.number().int().min(0).default(0) }).strict(),
    result: z.array(JobLogLine),
    mutates: false,
  },
  'jobs.cancel': { args: jobId, result: Job, mutates: true },

  /** A CPU-bound job that exists to prove the job machinery: progress, logs, cancel, failure. */
  'demo.start': {
    args: z
      .object({
        steps: z.number().int().min(1).max(100_000).default(20),
        stepMs: z.number().int().min(0).max(60_000).default(100),
        failAtStep: z.number().int().min(1).optional(),
      })
      .strict(),
    result: Job,
    mutates: true,
  },

  'audit.list': {
    args: z.object({ limit: z.number().int().min(1).max(10_000).default(200) }).strict(),
    result: z.array(AuditEntry),
    mutates: false,
  },
} as const;

export const methods = { ...coreMethods, ...governanceMethods, ...dataMethods, ...trainMethods, ...signingMethods, ...packageMethods, ...registryMethods, ...deployMethods, ...monitorMethods } as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
/** What a caller passes (defaults may be omitted). */
export type ArgsOf<M extends MethodName> = z.input<Methods[M]['args']>;
/** What a handler receives (defaults filled in). */
export type ParsedArgsOf<M extends MethodName> = z.output<Methods[M]['args']>;
export type ResultOf<M extends MethodName> = z.output<Methods[M]['result']>;

export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}
