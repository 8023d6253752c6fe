import { ROLES, type Role } from '../../../shared/governance/people';
import type { Policy } from '../../../shared/governance/policy';

/** Every leaf of a settings object as a dotted path; lists count as leaves ('promotion.approvals.roles'). */
type LeafPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: NonNullable<T[K]> extends readonly unknown[] | string | number | boolean
    ? `${Prefix}${K}`
    : LeafPaths<NonNullable<T[K]>, `${Prefix}${K}.`>;
}[keyof T & string];

export type PolicyPath = LeafPaths<Policy>;
export type PolicyGroup = 'promotion' | 'monitoring' | 'retrain' | 'retention';

interface Choice {
  value: string;
  label: string;
}

export type PolicyFieldSpec = {
  /** Short name for DOM ids and test ids: `policy-<id>`. */
  id: string;
  label: string;
  group: PolicyGroup;
  unit?: string;
} & (
  | { kind: 'boolean' }
  | { kind: 'roles' }
  | { kind: 'choice'; options: Choice[] }
  /** `optional` numbers may be left empty (null: "never"); `integer` ones refuse fractions. */
  | { kind: 'number'; min: number; max: number; step: number; integer?: boolean; optional?: string }
);

const choices = <T extends string>(labels: Record<T, string>): Choice[] => Object.entries<string>(labels).map(([value, label]) => ({ value, label }));

const NUMERIC_TESTS: Record<Policy['monitoring']['numericTest'], string> = {
  auto: 'Automatic',
  ks: 'Kolmogorov–Smirnov',
  wasserstein: 'Wasserstein distance',
  psi: 'Population Stability Index',
};
const CATEGORICAL_TESTS: Record<Policy['monitoring']['categoricalTest'], string> = {
  auto: 'Automatic',
  chisquare: 'Chi-square',
  jensenshannon: 'Jensen–Shannon distance',
  psi: 'Population Stability Index',
};
const SEVERITIES: Record<Policy['monitoring']['alertSeverity'], string> = { info: 'Info', warning: 'Warning', critical: 'Critical' };
const CADENCES: Record<Policy['retrain']['cadence'], string> = {
  manual: 'Only by hand',
  'on-drift': 'When drift is detected',
  weekly: 'Weekly',
  monthly: 'Monthly',
  quarterly: 'Quarterly',
};

/**
 * How each policy setting is edited, in the order the form shows them. Keyed by path so the
 * compiler insists every setting of the policy has an entry here.
 */
export const POLICY_FIELDS: Record<PolicyPath, PolicyFieldSpec> = {
  'promotion.requirePrimaryMetric': { id: 'require-primary-metric', label: 'Primary metric must meet the threshold', group: 'promotion', kind: 'boolean' },
  'promotion.requireConstraints': { id: 'require-constraints', label: 'Latency and size limits must hold', group: 'promotion', kind: 'boolean' },
  'promotion.requireFairness': { id: 'require-fairness', label: 'Fairness bound must hold', group: 'promotion', kind: 'boolean' },
  'promotion.requireParity': { id: 'require-parity', label: 'ONNX export must match the trained model', group: 'promotion', kind: 'boolean' },
  'promotion.approvals.required': { id: 'approvals-required', label: 'Approvals required', group: 'promotion', kind: 'number', min: 0, max: 10, step: 1, integer: true },
  'promotion.approvals.roles': { id: 'approval-roles', label: 'Roles whose approval counts', group: 'promotion', kind: 'roles' },
  'monitoring.numericTest': { id: 'numeric-test', label: 'Drift test for numeric features', group: 'monitoring', kind: 'choice', options: choices(NUMERIC_TESTS) },
  'monitoring.categoricalTest': { id: 'categorical-test', label: 'Drift test for categorical features', group: 'monitoring', kind: 'choice', options: choices(CATEGORICAL_TESTS) },
  'monitoring.pValue': { id: 'p-value', label: 'p-value for statistical tests', group: 'monitoring', kind: 'number', min: 0, max: 1, step: 0.01 },
  'monitoring.distanceThreshold': { id: 'distance-threshold', label: 'Distance threshold', group: 'monitoring', kind: 'number', min: 0, max: 1, step: 0.01 },
  'monitoring.psiThreshold': { id: 'psi-threshold', label: 'PSI threshold', group: 'monitoring', kind: 'number', min: 0, max: 10, step: 0.05 },
  'monitoring.datasetDriftShare': { id: 'dataset-drift-share', label: 'Share of drifted features for dataset drift', group: 'monitoring', kind: 'number', min: 0, max: 1, step: 0.05 },
  'monitoring.performanceTolerance': { id: 'performance-tolerance', label: 'Tolerated drop in performance', group: 'monitoring', kind: 'number', min: 0, max: 1, step: 0.01 },
  'monitoring.minWindowRows': { id: 'min-window-rows', label: 'Smallest window to judge', group: 'monitoring', kind: 'number', min: 1, max: 10_000_000, step: 1, integer: true, unit: 'rows' },
  'monitoring.alertSeverity': { id: 'alert-severity', label: 'Severity of new alert rules', group: 'monitoring', kind: 'choice', options: choices(SEVERITIES) },
  'retrain.cadence': { id: 'retrain-cadence', label: 'Propose retraining', group: 'retrain', kind: 'choice', options: choices(CADENCES) },
  'retrain.maxModelAgeDays': { id: 'max-model-age', label: 'Oldest a champion may get', group: 'retrain', kind: 'number', min: 1, max: 3650, step: 1, integer: true, unit: 'days', optional: 'no age limit' },
  'retention.predictionLogDays': { id: 'log-days', label: 'Keep prediction logs for', group: 'retention', kind: 'number', min: 1, max: 3650, step: 1, integer: true, unit: 'days' },
  'retention.sampleRate': { id: 'sample-rate', label: 'Share of requests logged', group: 'retention', kind: 'number', min: 0, max: 1, step: 0.05 },
};

export const POLICY_GROUPS: { id: PolicyGroup; title: string; intro: string }[] = [
  { id: 'promotion', title: 'Promotion gates', intro: 'What a model version must pass before it can become the champion.' },
  { id: 'monitoring', title: 'Monitoring defaults', intro: 'How drift and decay are judged once a model is deployed.' },
  { id: 'retrain', title: 'Retraining', intro: 'When MLCycle proposes training a new model.' },
  { id: 'retention', title: 'Prediction-log retention', intro: 'What the serving endpoint keeps for monitoring, and for how long.' },
];

export const POLICY_PATHS = Object.keys(POLICY_FIELDS) as PolicyPath[];

/** Roles in their canonical order, so a toggled list compares equal to the saved one. */
export function orderRoles(roles: readonly string[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}
