import { z } from 'zod';
import { Job } from '../contract/models';
import { Alert, AlertRule, AlertRuleInput, DriftHeatmap, FeatureHistogram, HealthReport, LabelsAdded, MonitorStatus, PerformanceReport, windowChoice } from './models';

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

const target = z.string().trim().min(1, 'name the target');
const bothCuts = (w: { windowMinutes?: number; windowRows?: number }) => !(w.windowMinutes && w.windowRows);
const BOTH_CUTS = 'cut windows by minutes or by rows, not both';

export const PullOutcome = CollectOutcome.extend({
  /** Whether the server's /metrics was read this time. */
  health: z.boolean(),
  /** Alerts newly raised by evaluating the rules on what was pulled. */
  alertsRaised: z.number().int(),
});
export type PullOutcome = z.infer<typeof PullOutcome>;

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
  'monitor.windows': { args: z.object({ target }).strict(), result: z.array(PredictionWindow), mutates: false },
  /** Collect, read each server's /metrics, sample resources, and evaluate the alert rules: what "pull" does in the UI and CLI. */
  'monitor.pull': { args: z.object({ target: target.optional() }).strict(), result: z.array(PullOutcome), mutates: true },
  'monitor.status': { args: z.object({ target: target.optional() }).strict(), result: z.array(MonitorStatus), mutates: false },
  /** Drift per feature per window (features × windows) for the target's live version. */
  'monitor.heatmap': { args: z.object({ target, ...windowChoice }).strict().refine(bothCuts, BOTH_CUTS), result: DriftHeatmap, mutates: false },
  /**
   * A feature's reference and served distributions on the same bins: over every served row, between
   * two times, or in one window (0-based) of the heatmap's cut, given with the same window choice.
   */
  'monitor.histogram': {
    args: z
      .object({ target, feature: z.string().min(1), from: z.iso.datetime().optional(), to: z.iso.datetime().optional(), window: z.number().int().min(0).optional(), ...windowChoice })
      .strict()
      .refine(bothCuts, BOTH_CUTS)
      .refine((a) => a.window === undefined || (a.from === undefined && a.to === undefined), 'choose a window or a span of time, not both'),
    result: FeatureHistogram,
    mutates: false,
  },
  /** Ground truth from a CSV/Parquet file, joined to logged predictions by request id (and row, for multi-row requests). */
  'monitor.labels.add': {
    args: z
      .object({
        target,
        path: z.string().trim().min(1, 'the labels file (CSV or Parquet)'),
        idColumn: z.string().min(1).default('request_id'),
        labelColumn: z.string().min(1).default('label'),
        rowColumn: z.string().min(1).optional(),
      })
      .strict(),
    result: LabelsAdded,
    mutates: true,
  },
  /** The primary metric per window on labeled rows against the test result, with decay flags, and per-group fairness. */
  'monitor.performance': { args: z.object({ target, ...windowChoice }).strict().refine(bothCuts, BOTH_CUTS), result: PerformanceReport, mutates: false },
  /** Latency percentiles, request and error rates per window from /metrics; CPU, memory and GPU samples. */
  'monitor.health': { args: z.object({ target, windowMinutes: z.number().int().min(1).max(1440).optional() }).strict(), result: HealthReport, mutates: false },
  'monitor.alerts.list': { args: z.object({ target: target.optional(), status: z.enum(['open', 'all']).default('all') }).strict(), result: z.array(Alert), mutates: false },
  'monitor.alerts.ack': { args: z.object({ id: z.string().min(1), comment: z.string().trim().max(2000).optional() }).strict(), result: Alert, mutates: true },
  /** The alert rules; a project with none gets defaults from its policy. */
  'monitor.rules.list': { args: z.object({}).strict(), result: z.array(AlertRule), mutates: false },
  /** Adds a rule, or replaces the one with this id. */
  'monitor.rules.set': { args: z.object({ id: z.string().optional(), rule: AlertRuleInput }).strict(), result: AlertRule, mutates: true },
  'monitor.rules.remove': { args: z.object({ id: z.string().min(1) }).strict(), result: z.null(), mutates: true },
  /** Where raised alerts are POSTed as JSON (see README "Alert webhook"); null turns it off. */
  'monitor.webhook.get': { args: z.object({}).strict(), result: z.object({ url: z.string().nullable() }), mutates: false },
  'monitor.webhook.set': { args: z.object({ url: z.url().refine((u) => /^https?:\/\//.test(u), 'an http(s) URL').nullable() }).strict(), result: z.object({ url: z.string().nullable() }), mutates: true },
  /**
   * Starts the retrain job: a dataset from recent labeled rows (and the champion's training data),
   * the champion's recipe re-run as a challenger, both compared on the recent labeled window, then
   * (if asked) promotion through the gates and a redeploy to the same target. The result is a RetrainOutcome.
   */
  /**
   * Sample traffic for the target's live model, as a job: rows of a dataset sent at a steady rate
   * (features shifted from a row on, to rehearse drift), then, by default, their true labels added
   * from the dataset's target column and the prediction log pulled — what `mlcycle simulate`,
   * `labels add` and `monitor pull` do one after the other. The job's result is a SimulateOutcome.
   */
  'monitor.simulate': {
    args: z
      .object({
        target,
        from: z.string().trim().min(1, 'name the dataset to replay (name, name@version or id)'),
        rate: z.number().positive('rows per second must be more than 0').max(10_000, 'at most 10,000 rows per second'),
        rows: z.number().int().min(1).max(1_000_000).optional(),
        shifts: z.array(z.object({ feature: z.string().min(1, 'name the feature'), expression: z.string().trim().min(1, 'write a DuckDB SQL expression, e.g. flipper_length_mm + 15') }).strict()).max(50).default([]),
        shiftAfterRows: z.number().int().min(0).optional(),
        labels: z.boolean().default(true),
        pull: z.boolean().default(true),
      })
      .strict(),
    result: Job,
    mutates: true,
  },
  'monitor.retrain': {
    args: z.object({ target, includeOriginal: z.boolean().default(true), from: z.iso.datetime().optional(), promote: z.boolean().default(true), redeploy: z.boolean().default(true) }).strict(),
    result: Job,
    mutates: true,
  },
  /** A self-contained HTML report (plots and statistics, never raw rows). */
  'monitor.report': { args: z.object({ target, ...windowChoice }).strict().refine(bothCuts, BOTH_CUTS), result: z.object({ html: z.string(), bytes: z.number().int() }), mutates: false },
} as const;
