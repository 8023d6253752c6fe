import { z } from 'zod';

export const MODEL_KINDS = ['logistic', 'linear', 'gbdt', 'random_forest', 'mlp'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];
export const MODEL_LABELS: Record<ModelKind, string> = {
  logistic: 'Logistic regression (L2)',
  linear: 'Linear regression (L2)',
  gbdt: 'Gradient-boosted trees',
  random_forest: 'Random forest',
  mlp: 'Multilayer perceptron',
};

export const TRAIN_TASKS = ['binary', 'multiclass', 'regression'] as const;
export type TrainTask = (typeof TRAIN_TASKS)[number];

const ref = z.string().trim().min(1, 'name a dataset (name, name@version or id)');
const paramValue = z.union([z.string(), z.number(), z.boolean()]);

export const TrainRequest = z
  .object({
    dataset: ref,
    /** Defaults to the version's target. */
    target: z.string().min(1).optional(),
    model: z.enum(MODEL_KINDS),
    /** Learner hyperparameters; each learner names its own and refuses unknown ranges. */
    params: z.record(z.string(), paramValue).default({}),
    /** A saved split (id or name). Without one, rows are split 80/20 (stratified for classes) with `seed`, and that split is saved. */
    split: z.string().min(1).optional(),
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
    /** Inferred from the target when left out: two classes → binary, few classes → multiclass, numbers → regression. */
    task: z.enum(TRAIN_TASKS).optional(),
    /** Feature columns (default: every column but the target and those excluded). */
    features: z.array(z.string().min(1)).optional(),
    exclude: z.array(z.string().min(1)).default([]),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type TrainRequest = z.output<typeof TrainRequest>;

export const CurvePoint = z.object({ step: z.number(), values: z.record(z.string(), z.number()) });
export type CurvePoint = z.infer<typeof CurvePoint>;

/** Metric id → value (null where undefined, e.g. AUC with one class present). */
export const MetricSet = z.record(z.string(), z.number().nullable());
export type MetricSet = z.infer<typeof MetricSet>;

export const RUN_STATUSES = ['running', 'succeeded', 'failed', 'cancelled'] as const;

export const Run = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(RUN_STATUSES),
  model: z.enum(MODEL_KINDS),
  task: z.enum(TRAIN_TASKS),
  params: z.record(z.string(), z.unknown()),
  versionId: z.string(),
  /** name@version of the dataset. */
  dataset: z.string(),
  splitId: z.string().nullable(),
  target: z.string(),
  features: z.array(z.string()),
  seed: z.number().int(),
  /** What computed it, e.g. "js (2 threads)" or "tfjs wasm". */
  backend: z.string().nullable(),
  rows: z.record(z.string(), z.number().int()),
  metrics: z.object({ train: MetricSet.nullable(), validation: MetricSet.nullable(), test: MetricSet.nullable() }),
  curves: z.array(CurvePoint),
  modelSha256: z.string().nullable(),
  modelBytes: z.number().int().nullable(),
  latencyMsPerRow: z.number().nullable(),
  durationSeconds: z.number().nullable(),
  jobId: z.string().nullable(),
  parentRunId: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Run = z.infer<typeof Run>;
