/**
 * The metrics an objective can name, with the tasks they apply to, their valid range and which way
 * is better. Later stages compute these by the same ids.
 */
export const ML_TASKS = ['binary', 'multiclass', 'regression'] as const;
export type MlTask = (typeof ML_TASKS)[number];

export const TASK_LABELS: Record<MlTask, string> = {
  binary: 'Binary classification',
  multiclass: 'Multiclass classification',
  regression: 'Regression',
};

export interface MetricSpec {
  id: string;
  label: string;
  tasks: readonly MlTask[];
  /** Inclusive bounds; null = unbounded on that side. */
  min: number | null;
  max: number | null;
  higherIsBetter: boolean;
  description: string;
}

export const METRICS = [
  { id: 'roc_auc', label: 'ROC AUC', tasks: ['binary', 'multiclass'], min: 0, max: 1, higherIsBetter: true, description: 'How well scores rank positives above negatives (0.5 = chance).' },
  { id: 'pr_auc', label: 'PR AUC', tasks: ['binary'], min: 0, max: 1, higherIsBetter: true, description: 'Area under precision–recall; informative when positives are rare.' },
  { id: 'accuracy', label: 'Accuracy', tasks: ['binary', 'multiclass'], min: 0, max: 1, higherIsBetter: true, description: 'Share of predictions that are right.' },
  { id: 'balanced_accuracy', label: 'Balanced accuracy', tasks: ['binary', 'multiclass'], min: 0, max: 1, higherIsBetter: true, description: 'Mean recall over classes; robust to imbalance.' },
  { id: 'f1', label: 'F1', tasks: ['binary'], min: 0, max: 1, higherIsBetter: true, description: 'Harmonic mean of precision and recall for the positive class.' },
  { id: 'f1_macro', label: 'F1 (macro)', tasks: ['multiclass'], min: 0, max: 1, higherIsBetter: true, description: 'F1 averaged over classes with equal weight.' },
  { id: 'precision', label: 'Precision', tasks: ['binary'], min: 0, max: 1, higherIsBetter: true, description: 'Of the cases flagged positive, the share that are.' },
  { id: 'recall', label: 'Recall', tasks: ['binary'], min: 0, max: 1, higherIsBetter: true, description: 'Of the positive cases, the share flagged.' },
  { id: 'log_loss', label: 'Log loss', tasks: ['binary', 'multiclass'], min: 0, max: null, higherIsBetter: false, description: 'Penalises confident wrong probabilities.' },
  { id: 'rmse', label: 'RMSE', tasks: ['regression'], min: 0, max: null, higherIsBetter: false, description: 'Root mean squared error, in the target’s unit.' },
  { id: 'mae', label: 'MAE', tasks: ['regression'], min: 0, max: null, higherIsBetter: false, description: 'Mean absolute error, in the target’s unit.' },
  { id: 'mape', label: 'MAPE', tasks: ['regression'], min: 0, max: null, higherIsBetter: false, description: 'Mean absolute percentage error (0.1 = 10%).' },
  { id: 'r2', label: 'R²', tasks: ['regression'], min: null, max: 1, higherIsBetter: true, description: 'Share of variance explained (1 = perfect, 0 = predicting the mean).' },
] as const satisfies readonly MetricSpec[];

export type MetricId = (typeof METRICS)[number]['id'];
export const METRIC_IDS = METRICS.map((m) => m.id) as [MetricId, ...MetricId[]];

export function metricSpec(id: string): MetricSpec | undefined {
  return (METRICS as readonly MetricSpec[]).find((m) => m.id === id);
}

export function metricsForTask(task: MlTask): MetricSpec[] {
  return (METRICS as readonly MetricSpec[]).filter((m) => m.tasks.includes(task));
}

/** "≥" for higher-is-better metrics, "≤" otherwise: how a threshold reads. */
export function comparator(spec: MetricSpec): '>=' | '<=' {
  return spec.higherIsBetter ? '>=' : '<=';
}

/** Why a threshold is impossible for a metric, or null when it is fine. */
export function thresholdProblem(spec: MetricSpec, value: number): string | null {
  if (!Number.isFinite(value)) return `${spec.label} threshold must be a finite number`;
  if (spec.min !== null && value < spec.min) return `${spec.label} cannot be below ${spec.min}; got ${value}`;
  if (spec.max !== null && value > spec.max) return `${spec.label} cannot be above ${spec.max}; got ${value}`;
  return null;
}

/** Fairness measures a constraint can bound; all are "closer to parity is better". */
export const FAIRNESS_METRICS = [
  { id: 'demographic_parity_difference', label: 'Demographic parity difference', min: 0, max: 1, higherIsBetter: false, description: 'Largest gap in positive-prediction rate between groups (0 = equal).' },
  { id: 'equalized_odds_difference', label: 'Equalized odds difference', min: 0, max: 1, higherIsBetter: false, description: 'Largest gap in true- or false-positive rate between groups (0 = equal).' },
  { id: 'disparate_impact_ratio', label: 'Disparate impact ratio', min: 0, max: 1, higherIsBetter: true, description: 'Lowest group positive rate over the highest (1 = equal; 0.8 is the “four-fifths rule”).' },
] as const;
export type FairnessMetricId = (typeof FAIRNESS_METRICS)[number]['id'];
export const FAIRNESS_METRIC_IDS = FAIRNESS_METRICS.map((m) => m.id) as [FairnessMetricId, ...FairnessMetricId[]];
