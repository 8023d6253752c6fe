import type { DuckDBConnection } from '@duckdb/node-api';
import { randomUUID } from 'node:crypto';
import { MlcycleError } from '../../../shared/contract/errors';
import type { MlTask } from '../../../shared/governance/metrics';
import type { Objective } from '../../../shared/governance/objective';
import type { Policy } from '../../../shared/governance/policy';
import { MISSING_GROUP } from '../../../shared/ml';
import type { PerformanceReport } from '../../../shared/monitor/models';
import { judgeWindow, monitoredMetric } from '../../../shared/monitor/performance-signals';
import { ident, lit } from '../data/sql';
import { fairnessOf } from '../train/fairness';
import { labelTable } from './labels';
import type { ValidLabel } from './labels-validate';
import type { LiveVersion } from './live-version';
import { metricOn, subset, type LabeledRows, type Scoring } from './performance-metric';
import { servedRows } from './served-rows';
import { cutWindows } from './windows';

type Fairness = PerformanceReport['fairness'][number];

/** Per window and sensitive column: the metric per group, and for binary models the objective's fairness measure (as on the test split). */
function windowFairness(windowStart: string, scoring: Scoring, metric: string, rows: LabeledRows, groups: Map<string, string[]>, bound: Objective['constraints']['fairness']): Fairness[] {
  const width = scoring.task === 'regression' ? 1 : scoring.classes.length;
  const judged =
    scoring.task === 'binary' && bound
      ? new Map(fairnessOf(Float64Array.from(rows.y), { rows: rows.y.length, width: 2, values: Float64Array.from(rows.predictions) }, groups, { metric: bound.metric, bound: bound.bound, columns: bound.sensitiveColumns }).map((f) => [f.column, f.judged]))
      : null;
  return [...groups].map(([column, values]) => {
    const byGroup = new Map<string, number[]>();
    values.forEach((g, i) => byGroup.set(g, [...(byGroup.get(g) ?? []), i]));
    return {
      windowStart,
      column,
      groups: [...byGroup]
        .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
        .map(([group, indices]) => ({ group, rows: indices.length, value: metricOn(scoring, metric, subset(rows, indices, width)) })),
      judged: judged?.get(column) ?? null,
    };
  });
}

/**
 * Performance of a target's live version once labels arrived: its served rows cut into windows, the
 * labeled ones joined by request id and row, and per window the monitored metric (the objective's
 * primary metric when it fits the task) against the version's test result. A window decays when the
 * metric fell more than the policy's tolerance; one with fewer labeled rows than the policy's
 * minimum gets a warning instead of a verdict.
 */
export async function performanceReport(
  con: DuckDBConnection,
  live: LiveVersion,
  labels: readonly ValidLabel[],
  objective: Objective,
  policy: Policy['monitoring'],
  choice: { windowMinutes?: number | undefined; windowRows?: number | undefined },
): Promise<PerformanceReport> {
  const task = live.version.task as MlTask;
  const prediction = live.reference.prediction;
  const scoring: Scoring = prediction.kind === 'classification' ? { task: task === 'multiclass' ? 'multiclass' : 'binary', classes: prediction.classes } : { task: 'regression' };
  const { metric, higherIsBetter } = monitoredMetric(objective.primaryMetric?.metric ?? null, task);
  const served = await servedRows(con, live.files, String(live.version.version));
  const output = scoring.task === 'regression' ? 'out_variable' : 'out_probabilities';
  if (served.rows > 0 && !served.columns.has(output)) throw new MlcycleError('INTERNAL', `The collected rows of ${live.version.model} v${live.version.version} have no ${output} column to judge.`, { field: 'target' });
  const bound = objective.constraints.fairness;
  const sensitive = (bound?.sensitiveColumns ?? []).filter((c) => served.columns.has(`in_${c}`));
  const cut = await cutWindows(con, served.relation, choice, policy.minWindowRows);

  const table = `labels_${randomUUID().replace(/-/g, '')}`;
  await labelTable(con, table, labels);
  let joined: unknown[][];
  try {
    const predictions = scoring.task === 'regression' ? [`CAST(w."out_variable" AS DOUBLE)`] : scoring.classes.map((_, k) => `CAST(w."out_probabilities"[${k + 1}] AS DOUBLE)`);
    const groups = sensitive.map((c) => `COALESCE(CAST(w.${ident(`in_${c}`)} AS VARCHAR), ${lit(MISSING_GROUP)})`);
    joined = (
      await con.runAndReadAll(
        `SELECT w.__window, l.label, ${[...predictions, ...groups].join(', ')} FROM ${cut.windowed} w JOIN ${ident(table)} l ON w."request_id" = l.request_id AND w."row" = l."row"
         WHERE ${predictions.map((p) => `${p} IS NOT NULL`).join(' AND ')} ORDER BY w.__window, w."seq", w."row"`,
      )
    ).getRows();
  } finally {
    await con.run(`DROP TABLE IF EXISTS ${ident(table)}`);
  }

  // Per window: the labeled rows, and each sensitive column's group per row.
  const width = scoring.task === 'regression' ? 1 : scoring.classes.length;
  const perWindow = cut.windows.map(() => ({ rows: { y: [] as number[], predictions: [] as number[] }, groups: sensitive.map(() => [] as string[]) }));
  for (const r of joined) {
    const label = String(r[1]);
    // Labels were checked against the classes when added; one the live version does not know is left out.
    const y = scoring.task === 'regression' ? Number(label) : scoring.classes.indexOf(label);
    if (scoring.task !== 'regression' && y < 0) continue;
    const w = perWindow[Number(r[0])]!;
    w.rows.y.push(y);
    for (let k = 0; k < width; k++) w.rows.predictions.push(r[2 + k] as number);
    sensitive.forEach((_, j) => w.groups[j]!.push(String(r[2 + width + j])));
  }

  const testValue = live.version.testMetrics[metric] ?? null;
  const fairness: Fairness[] = [];
  const windows = cut.windows.map((window, i) => {
    const { rows, groups } = perWindow[i]!;
    const labeled = rows.y.length;
    const value = metricOn(scoring, metric, rows);
    if (labeled > 0 && sensitive.length) fairness.push(...windowFairness(window.start, scoring, metric, rows, new Map(sensitive.map((c, j) => [c, groups[j]!])), bound));
    return { ...window, labeled, value, ...judgeWindow(labeled, value, testValue, higherIsBetter, policy) };
  });
  return { target: live.target.name, metric, higherIsBetter, testValue, tolerance: policy.performanceTolerance, windows, fairness };
}
