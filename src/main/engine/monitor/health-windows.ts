import type { SignalValue } from '../../../shared/monitor/alerts';
import type { HealthReport } from '../../../shared/monitor/models';
import { histogramQuantile, readMetricSeries } from '../deploy/server-metrics';

/**
 * One reading of a server's /metrics counters, summed over every model version it serves: what
 * health_scrapes keeps. Counters only grow while the server runs, so health over a span is the
 * difference of two scrapes.
 */
export interface HealthScrape {
  at: string;
  requests: number;
  errors: number;
  /** The latency histogram: [upper bound in seconds (+Infinity last), cumulative count], by bound. */
  buckets: Array<[number, number]>;
}

export type HealthWindow = HealthReport['windows'][number];

/** A scrape from the /metrics text: requests, errors (every outcome but success) and latency buckets, summed across models. */
export function scrapeFromMetrics(text: string, at: string): HealthScrape {
  const byBound = new Map<number, number>();
  let requests = 0;
  let errors = 0;
  for (const s of readMetricSeries(text)) {
    requests += s.requests;
    errors += s.errors;
    for (const [le, n] of s.buckets) byBound.set(le, (byBound.get(le) ?? 0) + n);
  }
  return { at, requests, errors, buckets: [...byBound.entries()].sort((a, b) => a[0] - b[0]) };
}

/** The +Inf bound as JSON keeps it (JSON has no Infinity). */
export const bucketsToJson = (buckets: HealthScrape['buckets']) => JSON.stringify(buckets.map(([le, n]) => [Number.isFinite(le) ? le : '+Inf', n]));
export const bucketsFromJson = (json: string): HealthScrape['buckets'] => (JSON.parse(json) as Array<[number | string, number]>).map(([le, n]) => [le === '+Inf' ? Number.POSITIVE_INFINITY : Number(le), n]);

interface Increase {
  requests: number;
  errors: number;
  buckets: Map<number, number>;
  seconds: number;
}

/**
 * What happened between two scrapes. A counter that went down means the server restarted (or a
 * model was unloaded) in between: as Prometheus's increase() does, the later scrape then counts
 * from zero, so a restart never shows as negative traffic.
 */
export function increaseBetween(prev: HealthScrape, cur: HealthScrape): Increase {
  const before = new Map(prev.buckets);
  const after = new Map(cur.buckets);
  const reset = cur.requests < prev.requests || cur.errors < prev.errors || [...before].some(([le, n]) => (after.get(le) ?? 0) < n);
  const buckets = new Map<number, number>();
  for (const [le, n] of after) buckets.set(le, reset ? n : n - (before.get(le) ?? 0));
  return {
    requests: reset ? cur.requests : cur.requests - prev.requests,
    errors: reset ? cur.errors : cur.errors - prev.errors,
    buckets,
    seconds: Math.max(0, (Date.parse(cur.at) - Date.parse(prev.at)) / 1000),
  };
}

/** Windows beyond this many (the newest are kept) would be a mistake, not a chart. */
const MAX_WINDOWS = 500;

const quantileMs = (q: number, buckets: Map<number, number>) => {
  const v = histogramQuantile(q, [...buckets.entries()].sort((a, b) => a[0] - b[0]));
  return v === null ? null : v * 1000;
};

/**
 * Health per window from consecutive scrapes (oldest first). Without `windowMinutes` each span
 * between two scrapes is a window; with it, spans are gathered into windows aligned to the epoch by
 * the time of their later scrape. The rate is over the time the spans cover; percentiles come from
 * the window's bucket increases, interpolated as histogram_quantile does.
 */
export function healthWindows(scrapes: readonly HealthScrape[], windowMinutes?: number): HealthWindow[] {
  const groups = new Map<number, { start: string; end: string; total: Increase }>();
  for (let i = 1; i < scrapes.length; i++) {
    const prev = scrapes[i - 1]!;
    const cur = scrapes[i]!;
    const inc = increaseBetween(prev, cur);
    const width = windowMinutes ? windowMinutes * 60_000 : 0;
    const key = width ? Math.floor(Date.parse(cur.at) / width) : i;
    const group = groups.get(key);
    if (!group) {
      const span = width ? { start: new Date(key * width).toISOString(), end: new Date((key + 1) * width).toISOString() } : { start: prev.at, end: cur.at };
      groups.set(key, { ...span, total: inc });
      continue;
    }
    const t = group.total;
    t.requests += inc.requests;
    t.errors += inc.errors;
    t.seconds += inc.seconds;
    for (const [le, n] of inc.buckets) t.buckets.set(le, (t.buckets.get(le) ?? 0) + n);
  }
  return [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .slice(-MAX_WINDOWS)
    .map(([, { start, end, total: t }]) => ({
      start,
      end,
      requests: t.requests,
      errors: t.errors,
      requestsPerSecond: t.seconds > 0 ? t.requests / t.seconds : 0,
      errorRate: t.requests > 0 ? t.errors / t.requests : 0,
      p50Ms: quantileMs(0.5, t.buckets),
      p95Ms: quantileMs(0.95, t.buckets),
      p99Ms: quantileMs(0.99, t.buckets),
    }));
}

const ms = (x: number) => (x >= 10 ? Math.round(x).toString() : x.toPrecision(2));

/**
 * The health signals alert rules watch, per window: p99 latency (windows with traffic) and error rate.
 * `windowMinutes`: the window length the report was cut with, so only rules of that length judge them.
 */
export function healthSignals(report: Pick<HealthReport, 'target' | 'windows'>, windowMinutes?: number): SignalValue[] {
  const out: SignalValue[] = [];
  for (const w of report.windows) {
    const at = { target: report.target, windowStart: w.start, windowEnd: w.end, rows: w.requests, ...(windowMinutes ? { windowMinutes } : {}) };
    if (w.p99Ms !== null) out.push({ signal: 'latency.p99', ...at, value: w.p99Ms, detail: `p99 latency ${ms(w.p99Ms)} ms over ${w.requests} requests` });
    if (w.requests > 0) out.push({ signal: 'error.rate', ...at, value: w.errorRate, detail: `${w.errors} of ${w.requests} requests failed` });
  }
  return out;
}
