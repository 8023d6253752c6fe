import type { Data } from 'plotly.js';
import type { TargetStatus } from '../../../shared/deploy/models';
import type { ChartColors, Figure } from './chart-types';

/**
 * Live traffic of a target from successive deploy.status answers. The server's counters only grow
 * (requests, errors, latency sum), so a rate is the difference between two samples over the time
 * between them; p99 is the server's own, over everything since it started.
 */

/** One deploy.status answer, reduced to what the charts need: counters summed over the target's model versions. */
export interface TrafficSample {
  /** ms since the epoch, when the answer came. */
  at: number;
  requests: number;
  errors: number;
  /** Sum of latencies in ms (mean × requests), so an interval's mean can be taken from two samples. */
  latencySumMs: number;
  p99LatencyMs: number | null;
  inFlight: number;
}

/** Samples kept per target: 10 minutes at one every 3 s. */
export const MAX_SAMPLES = 200;

export function sampleOf(status: TargetStatus, at: number): TrafficSample | null {
  if (!status.reachable) return null;
  const s: TrafficSample = { at, requests: 0, errors: 0, latencySumMs: 0, p99LatencyMs: null, inFlight: 0 };
  for (const m of status.metrics) {
    s.requests += m.requests;
    s.errors += m.errors;
    s.latencySumMs += (m.meanLatencyMs ?? 0) * m.requests;
    s.inFlight += m.inFlight;
    if (m.p99LatencyMs !== null) s.p99LatencyMs = Math.max(s.p99LatencyMs ?? 0, m.p99LatencyMs);
  }
  return s;
}

/** Appends a sample; a counter that went down means the server restarted, so the history starts again. */
export function addSample(samples: readonly TrafficSample[], next: TrafficSample): TrafficSample[] {
  const last = samples.at(-1);
  if (last && next.requests < last.requests) return [next];
  return [...samples, next].slice(-MAX_SAMPLES);
}

export interface TrafficPoint {
  at: number;
  requestsPerSecond: number;
  errorsPerSecond: number;
  /** Mean latency of the requests in this interval; null when there were none. */
  meanLatencyMs: number | null;
  p99LatencyMs: number | null;
}

/** One point per interval between two samples. */
export function trafficPoints(samples: readonly TrafficSample[]): TrafficPoint[] {
  const points: TrafficPoint[] = [];
  for (let i = 1; i < samples.length; i++) {
    const [a, b] = [samples[i - 1]!, samples[i]!];
    const seconds = Math.max(0.001, (b.at - a.at) / 1000);
    const requests = b.requests - a.requests;
    points.push({
      at: b.at,
      requestsPerSecond: requests / seconds,
      errorsPerSecond: (b.errors - a.errors) / seconds,
      meanLatencyMs: requests > 0 ? (b.latencySumMs - a.latencySumMs) / requests : null,
      p99LatencyMs: b.p99LatencyMs,
    });
  }
  return points;
}

const line = (x: Date[], y: Array<number | null>, name: string, color: string, unit: string, dash = 'solid'): Data =>
  ({ type: 'scatter', mode: x.length <= 30 ? 'lines+markers' : 'lines', name, x, y, connectgaps: false, line: { color, width: 2, dash }, marker: { color, size: 5 }, hovertemplate: `%{x|%H:%M:%S}: %{y:.3~f} ${unit}<extra>${name}</extra>` }) as Data;

const timeAxis = { type: 'date' as const, tickformat: '%H:%M:%S', nticks: 5 };
const legend = (colors: ChartColors) => ({ orientation: 'h' as const, x: 0, y: 1.02, yanchor: 'bottom' as const, font: { color: colors.text } });

/** Requests and errors per second. */
export function rateFigure(points: readonly TrafficPoint[], colors: ChartColors): Figure {
  const x = points.map((p) => new Date(p.at));
  return {
    data: [line(x, points.map((p) => p.requestsPerSecond), 'requests/s', colors.accent, 'req/s'), line(x, points.map((p) => p.errorsPerSecond), 'errors/s', colors.danger, 'err/s', 'dot')],
    layout: { showlegend: true, legend: legend(colors), xaxis: timeAxis, yaxis: { title: { text: 'per second' }, rangemode: 'tozero' } },
  };
}

/** Mean latency per interval and the server's p99. */
export function latencyFigure(points: readonly TrafficPoint[], colors: ChartColors): Figure {
  const x = points.map((p) => new Date(p.at));
  return {
    data: [line(x, points.map((p) => p.meanLatencyMs), 'mean', colors.accent, 'ms'), line(x, points.map((p) => p.p99LatencyMs), 'p99 (since start)', colors.warning, 'ms', 'dash')],
    layout: { showlegend: true, legend: legend(colors), xaxis: timeAxis, yaxis: { title: { text: 'ms' }, rangemode: 'tozero' } },
  };
}
