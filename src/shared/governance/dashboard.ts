import { z } from 'zod';

export const STAGE_STATUSES = ['not_started', 'in_progress', 'done', 'attention'] as const;
export type StageStatus = (typeof STAGE_STATUSES)[number];

export const StageState = z.object({
  id: z.enum(['objectives', 'data', 'train', 'evaluate', 'models', 'deploy', 'monitor']),
  status: z.enum(STAGE_STATUSES),
  /** One line on where the stage stands. */
  summary: z.string(),
  /** The next sensible step in this stage, or null when there is nothing to do. */
  nextAction: z.string().nullable(),
});
export type StageState = z.infer<typeof StageState>;

export const READINESS_STATUSES = ['done', 'pending', 'failed', 'not_available'] as const;

export const ReadinessItem = z.object({
  id: z.enum(['objective_defined', 'owners_named', 'data_profiled', 'metric_threshold_met', 'fairness_checked', 'package_verified', 'deployment_smoke_tested']),
  label: z.string(),
  status: z.enum(READINESS_STATUSES),
  detail: z.string(),
});
export type ReadinessItem = z.infer<typeof ReadinessItem>;

export const Dashboard = z.object({
  stages: z.array(StageState),
  /** The one thing to do next across the whole lifecycle. */
  next: z.object({ stage: StageState.shape.id, action: z.string() }).nullable(),
  readiness: z.array(ReadinessItem),
  /** Filled once models can be registered: the champion version and its metric. */
  champion: z.object({ name: z.string(), version: z.string(), metric: z.string(), value: z.number() }).nullable(),
  /** Filled once deployments exist: where the champion runs and how it is doing. */
  deployments: z.array(z.object({ target: z.string(), url: z.string(), health: z.enum(['healthy', 'degraded', 'down', 'unknown']) })),
});
export type Dashboard = z.infer<typeof Dashboard>;
