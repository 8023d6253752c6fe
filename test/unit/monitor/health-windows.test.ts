import { describe, expect, it } from 'vitest';
import { healthSignals, healthWindows, scrapeFromMetrics, type HealthScrape } from '../../../src/main/engine/monitor/health-windows';
import { ServerMetrics } from '../../../src/main/serve/metrics';

const INF = Number.POSITIVE_INFINITY;
const T0 = Date.parse('2025-03-01T12:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();
const scrape = (seconds: number, requests: number, errors: number, counts: [number, number, number, number]): HealthScrape => ({
  at: at(seconds),
  requests,
  errors,
  buckets: [
    [0.001, counts[0]],
    [0.01, counts[1]],
    [0.1, counts[2]],
    [INF, counts[3]],
  ],
});

/**
 * Hand-made scrapes; every expected number below is worked out by hand:
 * A→B: 100 requests in 10 s, 5 errors; bucket increases 0 / 50 / 100 / 100.
 *   p50: rank 50 falls in (0.001, 0.01] holding 50 → 0.001 + 0.009 × 50/50 = 10 ms.
 *   p95: rank 95 in (0.01, 0.1] holding 50 above 50 → 0.01 + 0.09 × 45/50 = 91 ms; p99 → 0.01 + 0.09 × 49/50 = 98.2 ms.
 * B→C: the server restarted (requests 110 → 4): C counts from zero, 4 requests, all in (0.01, 0.1];
 *   p50: rank 2 → 0.01 + 0.09 × 2/4 = 55 ms.
 * C→D: 2 requests, both slower than the last finite bound: every percentile answers 0.1 s (histogram_quantile's rule).
 */
const A = scrape(0, 10, 1, [2, 8, 10, 10]);
const B = scrape(10, 110, 6, [2, 58, 110, 110]);
const C = scrape(20, 4, 0, [0, 0, 4, 4]);
const D = scrape(30, 6, 0, [0, 0, 4, 6]);
const E = scrape(70, 6, 0, [0, 0, 4, 6]);

describe('health per window from /metrics scrapes', () => {
  it('takes each span between scrapes as a window: rate, error rate and interpolated percentiles', () => {
    const [ab, bc, cd, de] = healthWindows([A, B, C, D, E]);
    expect(ab).toMatchObject({ start: at(0), end: at(10), requests: 100, errors: 5, requestsPerSecond: 10, errorRate: 0.05 });
    expect(ab!.p50Ms).toBeCloseTo(10, 9);
    expect(ab!.p95Ms).toBeCloseTo(91, 9);
    expect(ab!.p99Ms).toBeCloseTo(98.2, 9);
    expect(de).toMatchObject({ requests: 0, errors: 0, requestsPerSecond: 0, errorRate: 0, p50Ms: null, p99Ms: null });
    expect(cd).toMatchObject({ requests: 2, p50Ms: 100, p99Ms: 100 });
    expect(bc).toMatchObject({ requests: 4, errors: 0, requestsPerSecond: 0.4 });
    expect(bc!.p50Ms).toBeCloseTo(55, 9);
  });

  it('counts from zero after a server restart instead of reporting negative traffic', () => {
    const [window] = healthWindows([B, C]);
    expect(window!.requests).toBe(4);
    expect(window!.errors).toBe(0);
    // A restart seen through the error counter or one bucket alone is a restart too.
    const [errorsDown] = healthWindows([scrape(0, 10, 3, [0, 5, 10, 10]), scrape(10, 12, 1, [0, 6, 12, 12])]);
    expect(errorsDown).toMatchObject({ requests: 12, errors: 1 });
  });

  it('gathers spans into windows aligned to the minute by the time of their later scrape', () => {
    const windows = healthWindows([A, B, C, D, E], 1);
    expect(windows.map((w) => [w.start, w.end])).toEqual([
      ['2025-03-01T12:00:00.000Z', '2025-03-01T12:01:00.000Z'],
      ['2025-03-01T12:01:00.000Z', '2025-03-01T12:02:00.000Z'],
    ]);
    // First minute: 100 + 4 + 2 requests over the 30 s the spans cover; buckets 0 / 50 / 104 / 106.
    expect(windows[0]).toMatchObject({ requests: 106, errors: 5, requestsPerSecond: 106 / 30 });
    // p50: rank 53 falls in (0.01, 0.1] holding 54 above 50 → 0.01 + 0.09 × 3/54 = 15 ms.
    expect(windows[0]!.p50Ms).toBeCloseTo(15, 9);
    expect(windows[1]).toMatchObject({ requests: 0, requestsPerSecond: 0 });
  });

  it('gives alert rules p99 and error rate per window with traffic', () => {
    const signals = healthSignals({ target: 'laptop', windows: healthWindows([A, B, D, E]) }, 15);
    // B→D is a reset (110 → 6): 6 requests, 4 within 0.1 s, 2 beyond; p99 rank 5.94 is in +Inf → 100 ms.
    const common = { target: 'laptop', windowMinutes: 15 };
    expect(signals).toEqual([
      { ...common, signal: 'latency.p99', windowStart: at(0), windowEnd: at(10), rows: 100, value: expect.closeTo(98.2, 9), detail: 'p99 latency 98 ms over 100 requests' },
      { ...common, signal: 'error.rate', windowStart: at(0), windowEnd: at(10), rows: 100, value: 0.05, detail: '5 of 100 requests failed' },
      { ...common, signal: 'latency.p99', windowStart: at(10), windowEnd: at(30), rows: 6, value: 100, detail: 'p99 latency 100 ms over 6 requests' },
      { ...common, signal: 'error.rate', windowStart: at(10), windowEnd: at(30), rows: 6, value: 0, detail: '0 of 6 requests failed' },
    ]);
  });

  it('sums the server’s counters over models and outcomes', () => {
    const metrics = new ServerMetrics();
    const churn = { model: 'churn', version: '1' };
    const other = { model: 'other', version: '3' };
    metrics.count(churn, 'success', 0.0004, 1);
    metrics.count(churn, 'success', 0.003, 1);
    metrics.count(churn, 'bad_request', 0.0002);
    metrics.count(other, 'success', 0.2, 5);
    metrics.count(other, 'error', 20);
    const s = scrapeFromMetrics(metrics.render(), at(0));
    expect(s).toMatchObject({ requests: 5, errors: 2 });
    const cumulative = Object.fromEntries(s.buckets.map(([le, n]) => [String(le), n]));
    // 0.0004 and 0.0002 are ≤ 0.0005; 0.003 joins at 0.005; 0.2 at 0.25; 20 s only in +Inf.
    expect(cumulative).toMatchObject({ '0.0005': 2, '0.001': 2, '0.0025': 2, '0.005': 3, '0.1': 3, '0.25': 4, '10': 4, Infinity: 5 });
  });
});
