import { z } from 'zod';

/**
 * What monitoring hands the UI and CLI beyond raw drift: windows over time, labels and performance,
 * health, resources and alerts. One window is a span of served rows: by time when the traffic spans
 * enough of it, otherwise consecutive slices of rows in arrival order (so a fresh deployment can be judged).
 */
export const MonitorWindow = z.object({
  start: z.string(),
  end: z.string(),
  rows: z.number().int(),
});
export type MonitorWindow = z.infer<typeof MonitorWindow>;

/** How to cut served rows into windows; neither given: chosen from the span (3 to 24 windows). Spread into a method's args. */
export const windowChoice = {
  windowMinutes: z.number().int().min(1).max(10_080).optional(),
  windowRows: z.number().int().min(10).max(10_000_000).optional(),
};

const HeatmapCell = z.object({ statistic: z.number(), pValue: z.number().nullable(), drifted: z.boolean(), warning: z.string().nullable() });

/** Features × windows: each cell the feature's drift test in that window. */
export const DriftHeatmap = z.object({
  target: z.string(),
  model: z.string(),
  version: z.number().int(),
  windows: z.array(MonitorWindow.extend({ datasetShare: z.number(), datasetDrifted: z.boolean() })),
  features: z.array(z.object({ feature: z.string(), test: z.string(), threshold: z.number(), cells: z.array(HeatmapCell) })),
});
export type DriftHeatmap = z.infer<typeof DriftHeatmap>;

/** One feature's reference and current distributions on the same bins, as shares (0..1). */
export const FeatureHistogram = z.object({
  feature: z.string(),
  kind: z.enum(['numeric', 'categorical']),
  /** Numeric: bin edges (n + 1); categorical: the category of each bar. */
  edges: z.array(z.number()),
  categories: z.array(z.string()),
  reference: z.array(z.number()),
  current: z.array(z.number()),
  currentRows: z.number().int(),
});
export type FeatureHistogram = z.infer<typeof FeatureHistogram>;

export const LabelsAdded = z.object({
  /** Label rows read from the file. */
  read: z.number().int(),
  /** Stored (new, or replacing an earlier label of the same row). */
  added: z.number().int(),
  /** Of those, how many match a collected prediction (the rest wait for a later pull). */
  matched: z.number().int(),
  rejected: z.number().int(),
  /** First rejected lines with why, e.g. "line 14: empty label". */
  rejectedSample: z.array(z.string()),
});
export type LabelsAdded = z.infer<typeof LabelsAdded>;

export const PerformanceReport = z.object({
  target: z.string(),
  metric: z.string(),
  higherIsBetter: z.boolean(),
  /** The deployed version's result on its test split. */
  testValue: z.number().nullable(),
  tolerance: z.number(),
  windows: z.array(MonitorWindow.extend({ labeled: z.number().int(), value: z.number().nullable(), decayed: z.boolean(), warning: z.string().nullable() })),
  /** Per window and sensitive column: the metric per group (when labels and the column are present). */
  fairness: z.array(
    z.object({
      windowStart: z.string(),
      column: z.string(),
      groups: z.array(z.object({ group: z.string(), rows: z.number().int(), value: z.number().nullable() })),
      /** Binary models: the objective's fairness measure on the window's labeled rows against its bound, as on the test split; null otherwise. */
      judged: z.object({ metric: z.string(), bound: z.number(), value: z.number().nullable(), passes: z.boolean() }).nullable(),
    }),
  ),
});
export type PerformanceReport = z.infer<typeof PerformanceReport>;

export const HealthReport = z.object({
  target: z.string(),
  windows: z.array(
    z.object({ start: z.string(), end: z.string(), requests: z.number(), errors: z.number(), requestsPerSecond: z.number(), errorRate: z.number(), p50Ms: z.number().nullable(), p95Ms: z.number().nullable(), p99Ms: z.number().nullable() }),
  ),
  resources: z.array(z.object({ at: z.string(), process: z.string(), cpuPercent: z.number(), rssMb: z.number(), gpuPercent: z.number().nullable(), gpuMemMb: z.number().nullable() })),
});
export type HealthReport = z.infer<typeof HealthReport>;

/** Signals an alert rule can watch; each is computed per window. */
export const ALERT_SIGNALS = ['drift.share', 'prediction.drift', 'performance.drop', 'latency.p99', 'error.rate', 'rows'] as const;
export const AlertSignal = z.enum(ALERT_SIGNALS);
export type AlertSignal = z.infer<typeof AlertSignal>;
export const Severity = z.enum(['info', 'warning', 'critical']);

export const AlertRule = z.object({
  id: z.string(),
  /** null: every target. */
  target: z.string().nullable(),
  signal: AlertSignal,
  comparison: z.enum(['above', 'below']),
  threshold: z.number(),
  windowMinutes: z.number().int().min(1),
  severity: Severity,
  enabled: z.boolean(),
});
export type AlertRule = z.infer<typeof AlertRule>;
export const AlertRuleInput = AlertRule.omit({ id: true }).strict();

export const Alert = z.object({
  id: z.string(),
  ruleId: z.string(),
  target: z.string(),
  signal: AlertSignal,
  value: z.number(),
  threshold: z.number(),
  severity: Severity,
  windowStart: z.string(),
  windowEnd: z.string(),
  /** In words: what crossed what, e.g. "3 of 5 features drifted (60% ≥ 50%)". */
  message: z.string(),
  raisedAt: z.string(),
  status: z.enum(['open', 'acknowledged']),
  ackedBy: z.string().nullable(),
  ackedAt: z.string().nullable(),
  ackComment: z.string().nullable(),
  /** The webhook's answer ("200", "failed: ECONNREFUSED") or null when none is set. */
  webhookStatus: z.string().nullable(),
});
export type Alert = z.infer<typeof Alert>;

export const MonitorStatus = z.object({
  target: z.string(),
  model: z.string().nullable(),
  version: z.number().int().nullable(),
  lastPullAt: z.string().nullable(),
  lastError: z.string().nullable(),
  rowsCollected: z.number().int(),
  labeledRows: z.number().int(),
  openAlerts: z.number().int(),
});
export type MonitorStatus = z.infer<typeof MonitorStatus>;

/** What a monitor.simulate job ends with. */
export interface SimulateOutcome {
  target: string;
  model: string;
  version: number;
  rowsSent: number;
  requests: number;
  errors: number;
  rowsShifted: number;
  achievedRate: number;
  firstError: string | null;
  /** Labels added from the dataset's target column (null: not asked). */
  labelsAdded: number | null;
  /** Alerts the pull after the traffic raised (null: no pull). */
  alertsRaised: number | null;
}
