import { z } from 'zod';
import { FAIRNESS_METRIC_IDS, FAIRNESS_METRICS, ML_TASKS, METRIC_IDS, TASK_LABELS, metricSpec, metricsForTask, thresholdProblem } from './metrics';

const text = (max: number) => z.string().trim().max(max);

export const DataSource = z
  .object({
    name: text(200).min(1, 'a data source needs a name'),
    kind: z.enum(['csv', 'parquet', 'json', 'sqlite', 'postgresql', 'url', 'other']),
    location: text(2000).default(''),
    notes: text(2000).default(''),
  })
  .strict();
export type DataSource = z.infer<typeof DataSource>;

export const FairnessConstraint = z
  .object({
    metric: z.enum(FAIRNESS_METRIC_IDS),
    bound: z.number(),
    sensitiveColumns: z.array(text(200).min(1)).min(1, 'name at least one sensitive column'),
  })
  .strict();
export type FairnessConstraint = z.infer<typeof FairnessConstraint>;

const ObjectiveShape = z
  .object({
    problem: text(4000).default(''),
    decision: text(4000).default(''),
    whyMl: text(4000).default(''),
    baseline: z.object({ description: text(2000).default(''), value: z.number().finite().nullable().default(null) }).strict().default({ description: '', value: null }),
    task: z.enum(ML_TASKS).nullable().default(null),
    target: text(200).nullable().default(null),
    primaryMetric: z.object({ metric: z.enum(METRIC_IDS), threshold: z.number() }).strict().nullable().default(null),
    constraints: z
      .object({
        p99LatencyMs: z.number().positive('must be more than 0 ms').max(600_000).nullable().default(null),
        maxModelSizeMb: z.number().positive('must be more than 0 MB').max(100_000).nullable().default(null),
        fairness: FairnessConstraint.nullable().default(null),
      })
      .strict()
      .default({ p99LatencyMs: null, maxModelSizeMb: null, fairness: null }),
    businessMeasure: z
      .object({ description: text(2000).default(''), target: z.number().finite().nullable().default(null), unit: text(100).default('') })
      .strict()
      .default({ description: '', target: null, unit: '' }),
    dataSources: z.array(DataSource).max(100).default([]),
  })
  .strict();

/**
 * What the model is for and how success is measured. Every field may stay empty while drafting;
 * what is filled in must make sense: a metric that fits the task, a threshold inside its range.
 */
export const Objective = ObjectiveShape.superRefine((o, ctx) => {
  if (o.primaryMetric) {
    const spec = metricSpec(o.primaryMetric.metric)!;
    if (o.task && !spec.tasks.includes(o.task)) {
      ctx.addIssue({
        code: 'custom',
        path: ['primaryMetric', 'metric'],
        message: `${spec.label} does not apply to ${TASK_LABELS[o.task].toLowerCase()}; choose one of ${metricsForTask(o.task).map((m) => m.id).join(', ')}`,
      });
    }
    const problem = thresholdProblem(spec, o.primaryMetric.threshold);
    if (problem) ctx.addIssue({ code: 'custom', path: ['primaryMetric', 'threshold'], message: problem });
  }
  const fairness = o.constraints.fairness;
  if (fairness) {
    const spec = FAIRNESS_METRICS.find((m) => m.id === fairness.metric)!;
    if (fairness.bound < spec.min || fairness.bound > spec.max) {
      ctx.addIssue({ code: 'custom', path: ['constraints', 'fairness', 'bound'], message: `${spec.label} bound must be between ${spec.min} and ${spec.max}; got ${fairness.bound}` });
    }
    if (o.task === 'regression') {
      ctx.addIssue({ code: 'custom', path: ['constraints', 'fairness', 'metric'], message: `${spec.label} is defined for classification; this objective's task is regression` });
    }
  }
});
export type Objective = z.output<typeof Objective>;
export type ObjectiveInput = z.input<typeof Objective>;

export const EMPTY_OBJECTIVE: Objective = Objective.parse({});

/** Defined enough for later stages to judge a model: a problem, a task and a primary metric. */
export function objectiveMissing(o: Objective): string[] {
  const missing: string[] = [];
  if (!o.problem) missing.push('the business problem');
  if (!o.task) missing.push('the ML task');
  if (!o.primaryMetric) missing.push('a primary metric with its threshold');
  return missing;
}
