import type { StageStatus } from '../../../shared/governance/dashboard';
import type { LinkKind } from '../../../shared/governance/decisions';
import { FAIRNESS_METRICS, TASK_LABELS, metricSpec, type MetricSpec } from '../../../shared/governance/metrics';
import type { TimelineEntry } from '../../../shared/governance/methods';
import type { GovernanceStage } from '../../../shared/governance/people';
import { OBJECTIVE_LABELS, DATA_SOURCE_KINDS } from './objective-form';
import { POLICY_FIELDS, type PolicyPath } from './policy-fields';
import { describeSetting } from './policy-form';

/** Words for the engine's enums, kept in one place so every view says the same thing. */

export const GOVERNANCE_STAGE_TITLES: Record<GovernanceStage, string> = {
  objectives: 'Objectives',
  data: 'Data',
  train: 'Train',
  evaluate: 'Evaluate',
  deploy: 'Deploy',
  monitor: 'Monitor',
  governance: 'Governance',
};

export const STAGE_STATUS_WORDS: Record<StageStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  attention: 'Needs attention',
};

export const READINESS_WORDS = { done: 'Done', pending: 'To do', failed: 'Failed', not_available: 'Later' } as const;

export const LINK_KIND_LABELS: Record<LinkKind, string> = {
  dataset: 'Dataset',
  run: 'Run',
  model: 'Model version',
  deployment: 'Deployment',
  objective: 'Objective version',
  policy: 'Policy version',
};

export const TIMELINE_KIND_LABELS: Record<TimelineEntry['kind'], string> = {
  decision: 'Decision',
  objective: 'Objective',
  policy: 'Policy',
  people: 'People',
};

/** "≥ 0.85" / "≤ 0.1": how a threshold reads for a metric. */
export function goalText(spec: Pick<MetricSpec, 'higherIsBetter'>, value: number | string): string {
  return `${spec.higherIsBetter ? '≥' : '≤'} ${value}`;
}

/** "between 0 and 1", "0 or more", "at most 1": a metric's valid range in words. */
export function rangeText(spec: Pick<MetricSpec, 'min' | 'max'>): string {
  if (spec.min !== null && spec.max !== null) return `between ${spec.min} and ${spec.max}`;
  if (spec.min !== null) return `${spec.min} or more`;
  if (spec.max !== null) return `at most ${spec.max}`;
  return 'any number';
}

function plain(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length ? value.map(plain).join(', ') : '—';
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.name === 'string' && typeof o.kind === 'string') {
      return `${o.name} (${DATA_SOURCE_KINDS[o.kind as keyof typeof DATA_SOURCE_KINDS] ?? o.kind})`;
    }
    return Object.entries(o)
      .filter(([, v]) => v !== null && v !== '')
      .map(([k, v]) => `${k}: ${plain(v)}`)
      .join('; ');
  }
  return String(value);
}

/** An objective value in words: task and metric ids become their names. */
function objectiveValue(field: string, value: unknown): string {
  if (field === 'task' && typeof value === 'string') return TASK_LABELS[value as keyof typeof TASK_LABELS] ?? value;
  if ((field === 'primaryMetric.metric' || field === 'constraints.fairness.metric') && typeof value === 'string') {
    return metricSpec(value)?.label ?? FAIRNESS_METRICS.find((m) => m.id === value)?.label ?? value;
  }
  if (field === 'primaryMetric' && value && typeof value === 'object') {
    const { metric, threshold } = value as { metric: string; threshold: number };
    const spec = metricSpec(metric);
    return spec ? `${spec.label} ${goalText(spec, threshold)}` : plain(value);
  }
  if (field === 'constraints.fairness' && value && typeof value === 'object') {
    const { metric, bound, sensitiveColumns } = value as { metric: string; bound: number; sensitiveColumns: string[] };
    const spec = FAIRNESS_METRICS.find((m) => m.id === metric);
    return spec ? `${spec.label} ${goalText(spec, bound)} on ${sensitiveColumns.join(', ')}` : plain(value);
  }
  return plain(value);
}

/** A changed field's name and its old and new values, in words, for a version in the timeline. */
export function describeChange(kind: TimelineEntry['kind'], change: TimelineEntry['changes'][number]): { label: string; from: string; to: string } {
  if (kind === 'policy' && change.field in POLICY_FIELDS) {
    const path = change.field as PolicyPath;
    return { label: POLICY_FIELDS[path].label, from: describeSetting(path, change.from), to: describeSetting(path, change.to) };
  }
  return {
    label: OBJECTIVE_LABELS[change.field] ?? change.field,
    from: objectiveValue(change.field, change.from),
    to: objectiveValue(change.field, change.to),
  };
}
