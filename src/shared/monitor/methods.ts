import { z } from 'zod';

export const CollectOutcome = z.object({
  target: z.string(),
  ok: z.boolean(),
  /** Logged requests and scored rows collected by this call. */
  records: z.number().int(),
  rows: z.number().int(),
  /** Requests the server's log rotated away before they were collected. */
  lost: z.number().int(),
  cursor: z.number().int(),
  /** Why nothing was collected (target offline, no prediction log): the cursor stays. */
  error: z.string().nullable(),
});
export type CollectOutcome = z.infer<typeof CollectOutcome>;

export const PredictionWindow = z.object({ model: z.string(), version: z.string(), windowStart: z.string(), requests: z.number().int(), rows: z.number().int(), meanLatencyMs: z.number(), maxLatencyMs: z.number() });

/** Monitoring: prediction logs pulled from deployments into the project. */
export const monitorMethods = {
  /** Pulls new prediction-log records from every deploy target (or one), resuming at each target's cursor. */
  'monitor.collect': { args: z.object({ target: z.string().trim().min(1).optional() }).strict(), result: z.array(CollectOutcome), mutates: true },
  /** Per model version and hour: requests, rows and latency collected from a target. */
  'monitor.windows': { args: z.object({ target: z.string().trim().min(1, 'name the target') }).strict(), result: z.array(PredictionWindow), mutates: false },
} as const;
