import type { Command } from 'commander';
import path from 'node:path';
import { FAIRNESS_METRICS, TASK_LABELS, comparator, metricSpec } from '../../../shared/governance/metrics';
import type { Objective, ObjectiveInput } from '../../../shared/governance/objective';
import type { ObjectiveRecord } from '../../../shared/governance/methods';
import { emit, UsageError, type CliIo, type RunCommand } from '../output';
import { collect, numberOption } from '../parse-options';
import { withProject } from '../project-engine';
import { readJsonFile } from '../read-json';

interface SetOptions {
  project?: string;
  json?: boolean;
  file?: string;
  note?: string;
  problem?: string;
  decision?: string;
  whyMl?: string;
  baseline?: string;
  baselineValue?: number;
  task?: string;
  target?: string;
  metric?: string;
  threshold?: number;
  p99LatencyMs?: number;
  maxSizeMb?: number;
  fairnessMetric?: string;
  fairnessBound?: number;
  sensitive?: string;
  business?: string;
  businessTarget?: number;
  businessUnit?: string;
  dataSource?: string[];
}

/** Applies the flags given on top of the current objective; flags left out keep their value. */
export function applyObjectiveFlags(current: Objective, o: SetOptions): ObjectiveInput {
  const next = structuredClone(current) as ObjectiveInput & Objective;
  if (o.problem !== undefined) next.problem = o.problem;
  if (o.decision !== undefined) next.decision = o.decision;
  if (o.whyMl !== undefined) next.whyMl = o.whyMl;
  if (o.baseline !== undefined) next.baseline.description = o.baseline;
  if (o.baselineValue !== undefined) next.baseline.value = o.baselineValue;
  if (o.task !== undefined) next.task = o.task as Objective['task'];
  if (o.target !== undefined) next.target = o.target;
  if (o.metric !== undefined || o.threshold !== undefined) {
    const metric = o.metric ?? current.primaryMetric?.metric;
    const threshold = o.threshold ?? current.primaryMetric?.threshold;
    if (metric === undefined || threshold === undefined) throw new UsageError('--metric and --threshold go together the first time a primary metric is set');
    next.primaryMetric = { metric: metric as NonNullable<Objective['primaryMetric']>['metric'], threshold };
  }
  if (o.p99LatencyMs !== undefined) next.constraints.p99LatencyMs = o.p99LatencyMs;
  if (o.maxSizeMb !== undefined) next.constraints.maxModelSizeMb = o.maxSizeMb;
  if (o.fairnessMetric !== undefined || o.fairnessBound !== undefined || o.sensitive !== undefined) {
    const was = current.constraints.fairness;
    const metric = o.fairnessMetric ?? was?.metric;
    const bound = o.fairnessBound ?? was?.bound;
    const columns = o.sensitive !== undefined ? o.sensitive.split(',').map((c) => c.trim()).filter(Boolean) : was?.sensitiveColumns;
    if (metric === undefined || bound === undefined || columns === undefined) {
      throw new UsageError('a fairness bound needs --fairness-metric, --fairness-bound and --sensitive the first time');
    }
    next.constraints.fairness = { metric: metric as FairnessMetric, bound, sensitiveColumns: columns };
  }
  if (o.business !== undefined) next.businessMeasure.description = o.business;
  if (o.businessTarget !== undefined) next.businessMeasure.target = o.businessTarget;
  if (o.businessUnit !== undefined) next.businessMeasure.unit = o.businessUnit;
  if (o.dataSource) {
    next.dataSources = o.dataSource.map((text) => {
      const [name, kind, ...location] = text.split(':');
      if (!name || !kind) throw new UsageError(`--data-source takes NAME:KIND[:LOCATION] (kind: csv, parquet, json, sqlite, postgresql, url, other), got "${text}"`);
      return { name, kind: kind as Objective['dataSources'][number]['kind'], location: location.join(':'), notes: '' };
    });
  }
  return next;
}
type FairnessMetric = NonNullable<Objective['constraints']['fairness']>['metric'];

export function describeObjective(record: ObjectiveRecord): string {
  const o = record.value;
  const spec = o.primaryMetric ? metricSpec(o.primaryMetric.metric) : undefined;
  const fairness = o.constraints.fairness;
  const fairnessLabel = fairness ? FAIRNESS_METRICS.find((m) => m.id === fairness.metric)?.label : undefined;
  const line = (label: string, value: string | null | undefined) => `${label.padEnd(18)}${value && value !== '' ? value : '—'}`;
  return [
    record.version === 0 ? 'Objective (not written yet)' : `Objective version ${record.version}, by ${record.changedBy} at ${record.changedAt}${record.note ? ` — ${record.note}` : ''}`,
    '',
    line('Problem', o.problem),
    line('Decision', o.decision),
    line('Why ML', o.whyMl),
    line('Baseline', [o.baseline.description, o.baseline.value === null ? '' : `(${o.baseline.value})`].filter(Boolean).join(' ')),
    line('Task', o.task ? TASK_LABELS[o.task] : null),
    line('Target', o.target),
    line("Success metric", spec && o.primaryMetric ? `${spec.label} ${comparator(spec) === ">=" ? "≥" : "≤"} ${o.primaryMetric.threshold}` : null),
    line('p99 latency', o.constraints.p99LatencyMs === null ? null : `≤ ${o.constraints.p99LatencyMs} ms`),
    line('Model size', o.constraints.maxModelSizeMb === null ? null : `≤ ${o.constraints.maxModelSizeMb} MB`),
    line('Fairness', fairness ? `${fairnessLabel} bound ${fairness.bound} on ${fairness.sensitiveColumns.join(', ')}` : null),
    line('Business measure', [o.businessMeasure.description, o.businessMeasure.target === null ? '' : `${o.businessMeasure.target} ${o.businessMeasure.unit}`.trim()].filter(Boolean).join(': ')),
    line('Data sources', o.dataSources.map((d) => `${d.name} (${d.kind})`).join(', ')),
  ].join('\n');
}

export function registerObjective(program: Command, io: CliIo, run: RunCommand): void {
  const objective = program.command('objective').description('Show or change the objective: problem, task, success metric, constraints');

  objective
    .command('show', { isDefault: true })
    .description('Show the current objective')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--history', 'list every saved version with what changed')
    .option('--json', 'print the result as JSON')
    .action((opts: { project?: string; history?: boolean; json?: boolean }) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            if (opts.history) {
              const history = await client.call('objective.history');
              emit(io, opts.json, history, () =>
                history.length === 0
                  ? 'No versions saved yet.'
                  : history
                      .map((v) => [`v${v.version}  ${v.changedAt}  ${v.changedBy}${v.note ? `  — ${v.note}` : ''}`, ...v.changes.map((c) => `    ${c.field}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`)].join('\n'))
                      .join('\n'),
              );
              return;
            }
            const record = await client.call('objective.get');
            emit(io, opts.json, record, () => describeObjective(record));
          }),
        opts.json,
      ),
    );

  objective
    .command('set')
    .description('Change the objective: flags change just those fields; --file replaces it with a JSON document')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--file <objective.json>', 'the whole objective as JSON (same shape as `objective show --json` .value)')
    .option('--problem <text>', 'the business problem')
    .option('--decision <text>', 'the decision the model supports')
    .option('--why-ml <text>', 'why ML rather than a simpler rule')
    .option('--baseline <text>', 'the baseline to beat, in words')
    .option('--baseline-value <n>', 'the baseline’s score', numberOption('--baseline-value'))
    .option('--task <task>', 'binary, multiclass or regression')
    .option('--target <column>', 'the target column')
    .option('--metric <id>', 'primary metric: roc_auc, pr_auc, accuracy, balanced_accuracy, f1, f1_macro, precision, recall, log_loss, rmse, mae, mape, r2')
    .option('--threshold <n>', 'the primary metric’s threshold (direction follows the metric)', numberOption('--threshold'))
    .option('--p99-latency-ms <n>', 'p99 latency limit in ms', numberOption('--p99-latency-ms'))
    .option('--max-size-mb <n>', 'model size limit in MB', numberOption('--max-size-mb'))
    .option('--fairness-metric <id>', 'demographic_parity_difference, equalized_odds_difference or disparate_impact_ratio')
    .option('--fairness-bound <n>', 'the fairness bound', numberOption('--fairness-bound'))
    .option('--sensitive <columns>', 'sensitive columns, comma-separated')
    .option('--business <text>', 'the business success measure in words')
    .option('--business-target <n>', 'the business success measure as a number', numberOption('--business-target'))
    .option('--business-unit <unit>', 'unit of the business target')
    .option('--data-source <name:kind[:location]>', 'a planned data source (repeat for several; replaces the list)', collect)
    .option('--note <text>', 'why this change was made (shown in the history)')
    .option('--json', 'print the saved version as JSON')
    .action((opts: SetOptions) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const current = await client.call('objective.get');
            const next = opts.file ? (readJsonFile(path.resolve(io.cwd, opts.file)) as ObjectiveInput) : applyObjectiveFlags(current.value, opts);
            const saved = await client.call('objective.set', { objective: next, note: opts.note ?? '' });
            emit(io, opts.json, saved, () => (saved.version === current.version ? 'No changes; the objective stays at version ' + saved.version + '.' : `Saved objective version ${saved.version}.`));
          }),
        opts.json,
      ),
    );
}
