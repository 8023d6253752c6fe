import type { DataSource, Objective, ObjectiveInput } from '../../../shared/governance/objective';
import type { FairnessMetricId, MetricId, MlTask } from '../../../shared/governance/metrics';
import { localProblem, parseNumber, type FormProblem } from './problems';

/**
 * The objective as the form edits it: numbers stay the text that was typed (so "0." survives a
 * keystroke), empty means "not set". Converting back happens only on save.
 */
export interface ObjectiveForm {
  problem: string;
  decision: string;
  whyMl: string;
  baselineDescription: string;
  baselineValue: string;
  task: MlTask | '';
  target: string;
  metric: MetricId | '';
  threshold: string;
  p99LatencyMs: string;
  maxModelSizeMb: string;
  fairnessOn: boolean;
  fairnessMetric: FairnessMetricId;
  fairnessBound: string;
  sensitiveColumns: string;
  businessDescription: string;
  businessTarget: string;
  businessUnit: string;
  dataSources: DataSourceRow[];
}

export interface DataSourceRow {
  name: string;
  kind: DataSource['kind'];
  location: string;
  notes: string;
}

const numberText = (value: number | null) => (value === null ? '' : String(value));

export function toObjectiveForm(o: Objective): ObjectiveForm {
  const fairness = o.constraints.fairness;
  return {
    problem: o.problem,
    decision: o.decision,
    whyMl: o.whyMl,
    baselineDescription: o.baseline.description,
    baselineValue: numberText(o.baseline.value),
    task: o.task ?? '',
    target: o.target ?? '',
    metric: o.primaryMetric?.metric ?? '',
    threshold: numberText(o.primaryMetric?.threshold ?? null),
    p99LatencyMs: numberText(o.constraints.p99LatencyMs),
    maxModelSizeMb: numberText(o.constraints.maxModelSizeMb),
    fairnessOn: fairness !== null,
    fairnessMetric: fairness?.metric ?? 'demographic_parity_difference',
    fairnessBound: fairness ? String(fairness.bound) : '0.1',
    sensitiveColumns: fairness?.sensitiveColumns.join(', ') ?? '',
    businessDescription: o.businessMeasure.description,
    businessTarget: numberText(o.businessMeasure.target),
    businessUnit: o.businessMeasure.unit,
    dataSources: o.dataSources.map((s) => ({ ...s })),
  };
}

/** Whether two form states would save the same thing as far as the user can see. */
export function sameObjectiveForm(a: ObjectiveForm, b: ObjectiveForm): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** "age, gender ,  region" → ["age", "gender", "region"]. */
export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * The form as the engine's objective, or the problems that stop it being one (text in a number
 * field, a threshold without a metric). Ranges and task/metric fit are left to the engine.
 */
export function fromObjectiveForm(f: ObjectiveForm): { objective: ObjectiveInput } | { problem: FormProblem } {
  const problems: Record<string, string> = {};
  const num = (text: string, path: string) => {
    const parsed = parseNumber(text);
    if (!parsed.ok) problems[path] = 'enter a number';
    return parsed.value;
  };
  const baselineValue = num(f.baselineValue, 'baseline.value');
  const threshold = num(f.threshold, 'primaryMetric.threshold');
  const p99LatencyMs = num(f.p99LatencyMs, 'constraints.p99LatencyMs');
  const maxModelSizeMb = num(f.maxModelSizeMb, 'constraints.maxModelSizeMb');
  const businessTarget = num(f.businessTarget, 'businessMeasure.target');
  const fairnessBound = f.fairnessOn ? num(f.fairnessBound, 'constraints.fairness.bound') : null;

  if (f.metric && threshold === null && !problems['primaryMetric.threshold']) problems['primaryMetric.threshold'] = 'set the threshold a model must reach';
  if (!f.metric && threshold !== null) problems['primaryMetric.metric'] = 'choose the metric this threshold applies to';
  if (f.fairnessOn && fairnessBound === null && !problems['constraints.fairness.bound']) problems['constraints.fairness.bound'] = 'set the bound';

  const problem = localProblem(problems);
  if (problem) return { problem };
  return {
    objective: {
      problem: f.problem,
      decision: f.decision,
      whyMl: f.whyMl,
      baseline: { description: f.baselineDescription, value: baselineValue },
      task: f.task || null,
      target: f.target.trim() || null,
      primaryMetric: f.metric && threshold !== null ? { metric: f.metric, threshold } : null,
      constraints: {
        p99LatencyMs,
        maxModelSizeMb,
        fairness: f.fairnessOn ? { metric: f.fairnessMetric, bound: fairnessBound!, sensitiveColumns: splitList(f.sensitiveColumns) } : null,
      },
      businessMeasure: { description: f.businessDescription, target: businessTarget, unit: f.businessUnit },
      dataSources: f.dataSources.map((s) => ({ ...s })),
    },
  };
}

/** Names for the objective's field paths, for the error summary and the change history. */
export const OBJECTIVE_LABELS: Record<string, string> = {
  problem: 'Business problem',
  decision: 'Decision the model supports',
  whyMl: 'Why ML rather than a rule',
  baseline: 'Baseline',
  'baseline.description': 'Baseline to beat',
  'baseline.value': 'Baseline value',
  task: 'ML task',
  target: 'Target column',
  primaryMetric: 'Primary metric',
  'primaryMetric.metric': 'Primary metric',
  'primaryMetric.threshold': 'Threshold',
  'constraints.p99LatencyMs': 'p99 latency limit (ms)',
  'constraints.maxModelSizeMb': 'Model size limit (MB)',
  'constraints.fairness': 'Fairness bound',
  'constraints.fairness.metric': 'Fairness measure',
  'constraints.fairness.bound': 'Fairness bound',
  'constraints.fairness.sensitiveColumns': 'Sensitive columns',
  'businessMeasure.description': 'Business success measure',
  'businessMeasure.target': 'Business target',
  'businessMeasure.unit': 'Business target unit',
  dataSources: 'Planned data sources',
};

export const DATA_SOURCE_KINDS: Record<DataSource['kind'], string> = {
  csv: 'CSV / TSV file',
  parquet: 'Parquet',
  json: 'JSON',
  sqlite: 'SQLite',
  postgresql: 'PostgreSQL',
  url: 'URL / API',
  other: 'Other',
};

/**
 * Which field paths each form value feeds, so editing it clears the engine's complaints about them.
 * Changing the task or the metric can cure a metric/threshold complaint, so they clear those too.
 */
export const FORM_PATHS: Record<keyof ObjectiveForm, readonly string[]> = {
  problem: ['problem'],
  decision: ['decision'],
  whyMl: ['whyMl'],
  baselineDescription: ['baseline.description'],
  baselineValue: ['baseline.value'],
  task: ['task', 'primaryMetric.metric', 'constraints.fairness.metric'],
  target: ['target'],
  metric: ['primaryMetric'],
  threshold: ['primaryMetric.threshold'],
  p99LatencyMs: ['constraints.p99LatencyMs'],
  maxModelSizeMb: ['constraints.maxModelSizeMb'],
  fairnessOn: ['constraints.fairness'],
  fairnessMetric: ['constraints.fairness.metric', 'constraints.fairness.bound'],
  fairnessBound: ['constraints.fairness.bound'],
  sensitiveColumns: ['constraints.fairness.sensitiveColumns'],
  businessDescription: ['businessMeasure.description'],
  businessTarget: ['businessMeasure.target'],
  businessUnit: ['businessMeasure.unit'],
  dataSources: ['dataSources'],
};

export function emptyDataSource(): DataSourceRow {
  return { name: '', kind: 'csv', location: '', notes: '' };
}
