/**
 * How performance once labels arrive is judged, and how a judged window becomes an alert signal.
 * Pure: the engine computes each window's metric; these decide what it means.
 */
import { metricSpec, type MlTask } from '../governance/metrics';
import type { PerformanceReport } from './models';

/** What is watched when the objective names no metric that fits the model's task (as a search ranks trials). */
const DEFAULT_METRIC: Record<MlTask, string> = { binary: 'roc_auc', multiclass: 'accuracy', regression: 'rmse' };

/** The objective's primary metric when it applies to the task, otherwise the task's usual one. */
export function monitoredMetric(primary: string | null, task: MlTask): { metric: string; higherIsBetter: boolean } {
  const spec = primary ? metricSpec(primary) : undefined;
  const metric = spec && spec.tasks.includes(task) ? spec.id : DEFAULT_METRIC[task];
  return { metric, higherIsBetter: metricSpec(metric)!.higherIsBetter };
}

/**
 * How much worse `value` is than `test`, relative to the test value: positive = worse, whichever way
 * the metric points (0.9 → 0.81 accuracy is 0.1; RMSE 2 → 3 is 0.5). A test value of 0 has no
 * relative scale, so the change is absolute there (and 0 when nothing moved).
 */
export function relativeDrop(value: number, test: number, higherIsBetter: boolean): number {
  const worse = higherIsBetter ? test - value : value - test;
  return test === 0 ? worse : worse / Math.abs(test);
}

export interface WindowVerdict {
  decayed: boolean;
  /** Why there is no verdict (too few labeled rows, no metric, no test value); null when judged. */
  warning: string | null;
}

/**
 * A window's verdict: decayed when the metric fell by the tolerance or more below the test result
 * (the same "at or above" as the default performance alert rule, so a decayed window and its alert agree).
 * Below `minWindowRows` labeled rows there is no verdict, only a warning, so a handful of labels
 * never raises an alarm.
 */
export function judgeWindow(labeled: number, value: number | null, test: number | null, higherIsBetter: boolean, policy: { performanceTolerance: number; minWindowRows: number }): WindowVerdict {
  if (labeled === 0) return { decayed: false, warning: 'no labeled rows in this window' };
  if (labeled < policy.minWindowRows) return { decayed: false, warning: `${labeled} labeled row${labeled === 1 ? '' : 's'}: too few to judge (the policy needs ${policy.minWindowRows})` };
  if (value === null) return { decayed: false, warning: 'the metric is undefined on these rows (e.g. only one class labeled)' };
  if (test === null) return { decayed: false, warning: 'the deployed version has no test result for this metric to compare with' };
  return { decayed: relativeDrop(value, test, higherIsBetter) >= policy.performanceTolerance, warning: null };
}

export interface PerformanceSignal {
  signal: 'performance.drop';
  windowStart: string;
  windowEnd: string;
  /** Relative drop against the test result, positive = worse (see relativeDrop). */
  value: number;
  /** Labeled rows the window's metric was computed on. */
  rows: number;
  /** In words, for the alert message: "accuracy 0.81 against 0.92 on the test split". */
  detail: string;
}

const short = (x: number) => Number(x.toPrecision(3)).toString();

/** One signal per judged window (windows with a warning have no verdict, so no signal), for the alert rules. */
export function performanceSignals(report: PerformanceReport): PerformanceSignal[] {
  const test = report.testValue;
  if (test === null) return [];
  return report.windows
    .filter((w): w is typeof w & { value: number } => w.warning === null && w.value !== null)
    .map((w) => ({
      signal: 'performance.drop',
      windowStart: w.start,
      windowEnd: w.end,
      value: relativeDrop(w.value, test, report.higherIsBetter),
      rows: w.labeled,
      detail: `${report.metric} ${short(w.value)} against ${short(test)} on the test split`,
    }));
}
