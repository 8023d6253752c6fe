import type { TargetStatus } from '../../../shared/deploy/models';

type ModelMetrics = TargetStatus['metrics'][number];

const LINE = /^([a-z_]+)\{([^}]*)\} ([-+\d.eE]+|NaN|\+Inf)$/;

function labelsOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) out[m[1]!] = m[2]!.replace(/\\"/g, '"').replace(/\\\\/g, '\\');
  return out;
}

/**
 * Per model version from a server's /metrics: requests, errors (every outcome but success), mean
 * latency, p99 interpolated in the histogram's buckets as Prometheus's histogram_quantile does, and
 * the requests in flight.
 */
export function parseServerMetrics(text: string): ModelMetrics[] {
  const series = new Map<string, ModelMetrics & { buckets: Array<[number, number]>; sum: number; count: number }>();
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
  return [...series.values()].map(({ buckets, sum, count, ...s }) => {
    buckets.sort((a, b) => a[0] - b[0]);
    let p99: number | null = null;
    if (count > 0) {
      const rank = 0.99 * count;
      let lower = 0;
      let below = 0;
      for (const [le, cumulative] of buckets) {
        if (cumulative >= rank) {
          p99 = Number.isFinite(le) ? lower + ((le - lower) * (rank - below)) / Math.max(1, cumulative - below) : lower;
          break;
        }
        [lower, below] = [le, cumulative];
      }
    }
    return { ...s, meanLatencyMs: count > 0 ? (sum / count) * 1000 : null, p99LatencyMs: p99 === null ? null : p99 * 1000 };
  });
}
