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
    /** k-fold cross-validation on the training rows before the final fit (stratified for classes). */
    cv: z.number().int().min(2, 'cross-validation needs at least 2 folds').max(20, 'at most 20 folds').optional(),
    /** Columns to report fairness for (default: the objective's sensitive columns); they stay features unless excluded. */
    sensitive: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type TrainRequest = z.output<typeof TrainRequest>;

export const CurvePoint = z.object({ step: z.number(), values: z.record(z.string(), z.number()) });
export type CurvePoint = z.infer<typeof CurvePoint>;

/** Metric id → value (null where undefined, e.g. AUC with one class present). */
export const MetricSet = z.record(z.string(), z.number().nullable());
export type MetricSet = z.infer<typeof MetricSet>;

/** k-fold cross-validation: each fold's metrics, and their mean and sample standard deviation. */
export const CrossValidation = z.object({ folds: z.array(MetricSet), mean: MetricSet, std: MetricSet });
export type CrossValidation = z.infer<typeof CrossValidation>;

export const SEARCH_STRATEGIES = ['random', 'halving'] as const;
/** How a parent run chose among its children: a search over one learner, or auto across learners. */
export const PARENT_STRATEGIES = [...SEARCH_STRATEGIES, 'auto'] as const;

/** One hyperparameter's range: numbers (log scale for rates and penalties) or a list of choices. */
export const SearchDimension = z.union([
  z.object({ min: z.number(), max: z.number(), log: z.boolean().default(false), integer: z.boolean().default(false) }).strict(),
  z.object({ values: z.array(z.union([z.string(), z.number()])).min(1) }).strict(),
]);
export type SearchDimension = z.output<typeof SearchDimension>;

export const SearchRequest = TrainRequest.omit({ params: true, cv: true }).extend({
  strategy: z.enum(SEARCH_STRATEGIES).default('random'),
  trials: z.number().int().min(2, 'a search needs at least 2 trials').max(500).default(12),
  /** Overrides the learner's default search space, per parameter. */
  space: z.record(z.string(), SearchDimension).optional(),
  /** Parameters held fixed in every trial. */
  fixed: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
});
export type SearchRequest = z.output<typeof SearchRequest>;

export const AutoRequest = TrainRequest.omit({ params: true, cv: true, model: true }).extend({
  /** Seconds to spend; learners still training when it runs out are stopped and left out. */
  budgetSeconds: z.number().int().min(10, 'give auto at least 10 seconds').max(86_400).default(300),
  /** The learners to try (default: every available one that fits the task). */
  models: z.array(z.enum(MODEL_KINDS)).min(1, 'choose at least one learner').optional(),
});
export type AutoRequest = z.output<typeof AutoRequest>;

/** A finished (or running) search: the metric it ranks by, its rounds, and the best child run. */
export const SearchSummary = z.object({
  strategy: z.enum(PARENT_STRATEGIES),
  trials: z.number().int(),
  metric: z.string(),
  higherIsBetter: z.boolean(),
  space: z.record(z.string(), SearchDimension),
  rounds: z.array(z.object({ fraction: z.number(), runIds: z.array(z.string()) })),
  bestRunId: z.string().nullable(),
  /** Auto only: the time budget it was given. */
  budgetSeconds: z.number().optional(),
});
export type SearchSummary = z.infer<typeof SearchSummary>;

/**
 * How a row's contributions were found. exact-linear: a linear model's own terms w·(x − baseline);
 * treeshap: exact Shapley values of the tree ensemble (TreeSHAP, path-dependent on the training
 * covers); occlusion: each column set to its baseline in turn, an approximation that ignores interactions.
 */
export const EXPLANATION_METHODS = ['exact-linear', 'treeshap', 'occlusion'] as const;
export type ExplanationMethod = (typeof EXPLANATION_METHODS)[number];

/** Why one row got its prediction: each column's contribution on `scale`, largest first. */
export const RowExplanation = z.object({
  row: z.number().int(),
  values: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  prediction: z.string(),
  probabilities: z.record(z.string(), z.number()).nullable(),
  scale: z.string(),
  /** The output on `scale` for this row, and for a row of baseline values (means, most frequent levels). */
  output: z.number(),
  baselineOutput: z.number(),
  /** The method in words. */
  method: z.string(),
  /** The method as an id; absent in explanations made before it was recorded. */
  methodKind: z.enum(EXPLANATION_METHODS).optional(),
  /**
   * Where the contributions start, on `scale`: for exact methods output = baseValue + Σ contributions.
   * TreeSHAP: the expected output over the training rows (weighted by the trees' node covers);
   * linear and occlusion: the baseline row's output. Absent in explanations made before it was recorded.
   */
  baseValue: z.number().optional(),
  contributions: z.array(z.object({ column: z.string(), value: z.union([z.string(), z.number(), z.boolean(), z.null()]), contribution: z.number() })),
});
export type RowExplanation = z.infer<typeof RowExplanation>;

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
  crossValidation: CrossValidation.nullable(),
  /** For a search's parent run: how it searched and which child won. */
  search: SearchSummary.nullable(),
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

const nums = z.array(z.number());
/** Thresholds may be +Infinity (the curve's first point), which JSON carries as null. */
const thresholds = z.array(z.number().nullable());

/** The evaluation of a run on one split (the test split when there is one): what the Evaluate workspace plots. */
export const Evaluation = z.object({
  set: z.enum(['train', 'validation', 'test']),
  rows: z.number().int(),
  labels: z.array(z.string()).nullable(),
  confusionMatrix: z.array(z.array(z.number().int())).nullable(),
  perClass: z.array(z.object({ label: z.string(), precision: z.number(), recall: z.number(), f1: z.number(), support: z.number().int() })).nullable(),
  roc: z.object({ fpr: nums, tpr: nums, thresholds, auc: z.number().nullable() }).nullable(),
  pr: z.object({ precision: nums, recall: nums, thresholds, averagePrecision: z.number().nullable() }).nullable(),
  calibration: z.array(z.object({ lower: z.number(), upper: z.number(), meanPredicted: z.number(), fractionPositive: z.number(), count: z.number().int() })).nullable(),
  /** Binary only: precision, recall, F1, FPR and accuracy at thresholds 0, 0.01, …, 1. */
  thresholdSweep: z.array(z.object({ threshold: z.number(), precision: z.number(), recall: z.number(), f1: z.number(), fpr: z.number(), accuracy: z.number(), predictedPositiveRate: z.number() })).nullable(),
  residuals: z.object({ actual: nums, predicted: nums, residual: nums, histogram: z.object({ edges: nums, counts: nums }) }).nullable(),
  /** Sentences when train and validation (or test) diverge. */
  overfitting: z.array(z.string()),
  /** Permutation importance per raw column: how much `metric` worsens when the column is shuffled (mean and spread over repeats). */
  importance: z.object({ metric: z.string(), rows: z.number().int(), repeats: z.number().int(), columns: z.array(z.object({ column: z.string(), mean: z.number(), std: z.number() })) }).nullable(),
  /** Partial dependence of the most important columns: the average prediction at each grid value (one number per output). */
  partialDependence: z.array(z.object({ column: z.string(), kind: z.enum(['numeric', 'categorical']), grid: z.array(z.string()), values: z.array(nums) })).nullable(),
  /** Per sensitive column: rates per group and the gaps between groups, judged against the objective's bound when it names this column. */
  fairness: z
    .array(
      z.object({
        column: z.string(),
        groups: z.array(z.object({ group: z.string(), n: z.number().int(), positives: z.number().int(), selectionRate: z.number(), tpr: z.number().nullable(), fpr: z.number().nullable(), accuracy: z.number() })),
        demographicParityDifference: z.number().nullable(),
        equalizedOddsDifference: z.number().nullable(),
        disparateImpactRatio: z.number().nullable(),
        judged: z.object({ metric: z.string(), bound: z.number(), value: z.number().nullable(), passes: z.boolean() }).nullable(),
      }),
    )
    .nullable(),
});
export type Evaluation = z.infer<typeof Evaluation>;
