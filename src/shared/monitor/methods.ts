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

const FeatureDriftResult = z.object({
  feature: z.string(),
  test: z.enum(['ks', 'wasserstein', 'psi', 'chisquare', 'jensenshannon']),
  statistic: z.number(),
  pValue: z.number().nullable(),
  threshold: z.number(),
  drifted: z.boolean(),
  rows: z.number().int(),
  warning: z.string().nullable(),
  newCategories: z.array(z.string()),
  outOfRange: z.number().int(),
});

export const DriftReport = z.object({
  target: z.string(),
  model: z.string(),
  version: z.number().int(),
  rows: z.number().int(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  features: z.array(FeatureDriftResult),
  dataset: z.object({ drifted: z.boolean(), share: z.number(), driftedFeatures: z.array(z.string()), judged: z.number().int() }),
  prediction: z.object({ test: z.enum(['chisquare', 'jensenshannon']), statistic: z.number(), pValue: z.number().nullable(), drifted: z.boolean(), counts: z.record(z.string(), z.number()) }).nullable(),
});
export type DriftReport = z.infer<typeof DriftReport>;

/** Monitoring: prediction logs pulled from deployments into the project. */
export const monitorMethods = {
  /** Pulls new prediction-log records from every deploy target (or one), resuming at each target's cursor. */
  'monitor.collect': { args: z.object({ target: z.string().trim().min(1).optional() }).strict(), result: z.array(CollectOutcome), mutates: true },
  /** Per model version and hour: requests, rows and latency collected from a target. */
  /** Drift of what the target's live version served (collected rows, optionally between two times) against its package's reference profile. */
  'monitor.drift': {
    args: z.object({ target: z.string().trim().min(1, 'name the target'), from: z.iso.datetime().optional(), to: z.iso.datetime().optional() }).strict(),
    result: DriftReport,
    mutates: false,
  },
  'monitor.windows': { args: z.object({ target: z.string().trim().min(1, 'name the target') }).strict(), result: z.array(PredictionWindow), mutates: false },
} as const;
