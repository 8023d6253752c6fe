import type { Objective } from '../../../shared/governance/objective';
import { METRIC_INFO, metricInfo } from '../../../shared/ml/catalogue';
import { bytesInWords, stat } from './data-words';

/** Words and numbers for the Train workspace: metric names, durations, sizes, the objective's limits. */

/** "ROC AUC" for roc_auc; an id the catalogue does not know stays as it is. */
export function metricLabel(id: string): string {
  return metricInfo(id)?.label ?? id;
}

/** Higher is better unless the catalogue says otherwise (or, for an id it does not know, the name says loss or error). */
export function higherIsBetter(id: string): boolean {
  return metricInfo(id)?.higherIsBetter ?? !/loss|error|brier|rmse|mae|mape/.test(id);
}

const CATALOGUE_ORDER = Object.keys(METRIC_INFO);

/** Metric ids in the catalogue's order (the objective metrics first), ids it does not know after, A→Z. */
export function inMetricOrder(ids: Iterable<string>): string[] {
  const seen = new Set(ids);
  return [...CATALOGUE_ORDER.filter((id) => seen.has(id)), ...[...seen].filter((id) => !CATALOGUE_ORDER.includes(id)).sort()];
}

export function metricText(value: number | null | undefined): string {
  return stat(value);
}

/** "1.4 s", "2 min 5 s"; "—" while unknown. */
export function secondsText(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  if (seconds < 60) return `${seconds.toFixed(seconds < 10 ? 1 : 0)} s`;
  return `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

/** Per-row latency in the unit that keeps it readable: "3.2 µs", "0.41 ms". */
export function latencyText(ms: number | null): string {
  if (ms === null) return '—';
  if (ms < 0.1) return `${stat(ms * 1000)} µs`;
  return `${stat(ms)} ms`;
}

export function sizeText(bytes: number | null): string {
  return bytes === null ? '—' : bytesInWords(bytes);
}

/** A hyperparameter value as typed settings read: 1e-4 rather than 0.0001. */
export function paramText(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'number') return value !== 0 && Math.abs(value) < 1e-3 ? value.toExponential() : String(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export interface Verdict {
  ok: boolean;
  text: string;
}

type Constraints = Objective['constraints'];

/**
 * Whether the measured per-row latency is inside the objective's p99 limit. The run measures a
 * batch (best of three), so this is a first check; Evaluate measures the p99 itself.
 */
export function latencyVerdict(msPerRow: number | null, constraints: Constraints | undefined): Verdict | null {
  const limit = constraints?.p99LatencyMs ?? null;
  if (limit === null || msPerRow === null) return null;
  return msPerRow <= limit
    ? { ok: true, text: `within the objective’s ${stat(limit)} ms (p99)` }
    : { ok: false, text: `over the objective’s ${stat(limit)} ms (p99)` };
}

export function sizeVerdict(bytes: number | null, constraints: Constraints | undefined): Verdict | null {
  const limit = constraints?.maxModelSizeMb ?? null;
  if (limit === null || bytes === null) return null;
  return bytes <= limit * 1024 * 1024
    ? { ok: true, text: `within the objective’s ${stat(limit)} MB` }
    : { ok: false, text: `over the objective’s ${stat(limit)} MB` };
}

/** Whether a test metric meets the objective's primary threshold (when the objective names this metric). */
export function thresholdVerdict(metric: string, value: number | null | undefined, primary: Objective['primaryMetric'] | undefined): Verdict | null {
  if (!primary || primary.metric !== metric || value === null || value === undefined) return null;
  const better = higherIsBetter(metric);
  const ok = better ? value >= primary.threshold : value <= primary.threshold;
  const sign = better ? '≥' : '≤';
  return { ok, text: `${ok ? 'meets' : 'misses'} the objective’s threshold (${sign} ${stat(primary.threshold)})` };
}
