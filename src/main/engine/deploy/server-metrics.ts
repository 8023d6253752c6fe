import type { TargetStatus } from '../../../shared/deploy/models';

type ModelMetrics = TargetStatus['metrics'][number];

const LINE = /^([a-z_]+)\{([^}]*)\} ([-+\d.eE]+|NaN|\+Inf)$/;

function labelsOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) out[m[1]!] = m[2]!.replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  return out;
}

/** A model version's series from /metrics: the per-model numbers plus its latency histogram. */
export interface MetricSeries extends ModelMetrics {
  /** [upper bound in seconds (+Infinity last), cumulative count], sorted by bound. */
  buckets: Array<[number, number]>;
  sum: number;
  count: number;
}

/**
 * The q-quantile of a cumulative histogram, interpolated linearly inside the bucket that holds the
 * rank, as Prometheus's histogram_quantile does: the first bucket starts at 0, and a rank in the
 * +Inf bucket answers the highest finite bound. null when the histogram is empty.
 */
export function histogramQuantile(q: number, buckets: ReadonlyArray<readonly [number, number]>): number | null {
  const total = buckets.at(-1)?.[1] ?? 0;
  if (total <= 0) return null;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const [le, cumulative] of buckets) {
    if (cumulative >= rank) return Number.isFinite(le) ? lower + ((le - lower) * (rank - below)) / Math.max(1, cumulative - below) : lower;
    [lower, below] = [le, cumulative];
  }
  return lower;
}

/** Every model version's series in a server's /metrics text (requests and errors by outcome, the latency histogram). */
export function readMetricSeries(text: string): MetricSeries[] {
  const series = new Map<string, MetricSeries>();
  const of = (l: Record<string, string>) => {
    const key = `${l.model}\u0000${l.version}`;
    let s = series.get(key);
    if (!s) {
      s = { model: l.model!, version: l.version!, requests: 0, errors: 0, meanLatencyMs: null, p99LatencyMs: null, inFlight: 0, buckets: [], sum: 0, count: 0 };
      series.set(key, s);
    }
    return s;
  };
  for (const line of text.split('\n')) {
    const m = LINE.exec(line);
    if (!m) continue;
    const [, name, rawLabels, rawValue] = m;
    const l = labelsOf(rawLabels!);
    if (l.model === undefined || l.version === undefined) continue;
    const value = Number(rawValue);
    const s = of(l);
    if (name === 'mlcycle_inference_requests_total') {
      s.requests += value;
      if (l.outcome !== 'success') s.errors += value;
    } else if (name === 'mlcycle_inference_in_flight_requests') s.inFlight = value;
    else if (name === 'mlcycle_inference_request_duration_seconds_bucket') s.buckets.push([l.le === '+Inf' ? Number.POSITIVE_INFINITY : Number(l.le), value]);
    else if (name === 'mlcycle_inference_request_duration_seconds_sum') s.sum = value;
    else if (name === 'mlcycle_inference_request_duration_seconds_count') s.count = value;
  }
  for (const s of series.values()) s.buckets.sort((a, b) => a[0] - b[0]);
  return [...series.values()];
}

/**
 * Per model version from a server's /metrics: requests, errors (every outcome but success), mean
 * latency, p99 interpolated in the histogram's buckets (histogramQuantile), and the requests in flight.
 */
export function parseServerMetrics(text: string): ModelMetrics[] {
  return readMetricSeries(text).map(({ buckets, sum, count, ...s }) => {
    const p99 = count > 0 ? histogramQuantile(0.99, buckets) : null;
    return { ...s, meanLatencyMs: count > 0 ? (sum / count) * 1000 : null, p99LatencyMs: p99 === null ? null : p99 * 1000 };
  });
}
