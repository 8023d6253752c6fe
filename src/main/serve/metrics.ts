/** Latency buckets in seconds: sub-millisecond model calls up to requests stuck behind a slow client. */
export const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export type Outcome = 'success' | 'bad_request' | 'not_found' | 'unavailable' | 'error' | 'timeout';

interface Series {
  model: string;
  version: string;
}

const key = (s: Series) => `${s.model}\u0000${s.version}`;
const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
const labels = (pairs: Record<string, string>) => `{${Object.entries(pairs).map(([k, v]) => `${k}="${escape(v)}"`).join(',')}}`;

interface ModelSeries extends Series {
  requests: Map<Outcome, number>;
  rows: number;
  inFlight: number;
  buckets: number[];
  sum: number;
  count: number;
}

/**
 * The server's Prometheus metrics, labelled by model and version: requests by outcome, rows scored,
 * a latency histogram and the in-flight gauge, plus the process's CPU and memory. Names follow the
 * Prometheus conventions (unit suffixes, _total counters) with an `mlcycle_` prefix.
 */
export class ServerMetrics {
  private readonly series = new Map<string, ModelSeries>();
  private readonly started = Date.now() / 1000;

  private of(s: Series): ModelSeries {
    let m = this.series.get(key(s));
    if (!m) {
      m = { ...s, requests: new Map(), rows: 0, inFlight: 0, buckets: LATENCY_BUCKETS.map(() => 0), sum: 0, count: 0 };
      this.series.set(key(s), m);
    }
    return m;
  }

  begin(s: Series): void {
    this.of(s).inFlight++;
  }

  end(s: Series, outcome: Outcome, seconds: number, rows: number): void {
    const m = this.of(s);
    m.inFlight = Math.max(0, m.inFlight - 1);
    this.count(s, outcome, seconds, rows);
  }

  /** A request that never reached a model (unknown name, unreadable body): counted, no gauge. */
  count(s: Series, outcome: Outcome, seconds: number, rows = 0): void {
    const m = this.of(s);
    m.requests.set(outcome, (m.requests.get(outcome) ?? 0) + 1);
    if (outcome === 'success') m.rows += rows;
    m.sum += seconds;
    m.count++;
    for (let b = 0; b < LATENCY_BUCKETS.length; b++) if (seconds <= LATENCY_BUCKETS[b]!) m.buckets[b]!++;
  }

  inFlight(): number {
    let n = 0;
    for (const m of this.series.values()) n += m.inFlight;
    return n;
  }

  /** The Prometheus text exposition format (version 0.0.4). */
  render(): string {
    const lines: string[] = [];
    const all = [...this.series.values()];
    const head = (name: string, type: string, help: string) => lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`);
    head('mlcycle_inference_requests_total', 'counter', 'Inference requests by outcome.');
    for (const m of all) for (const [outcome, n] of m.requests) lines.push(`mlcycle_inference_requests_total${labels({ model: m.model, version: m.version, outcome })} ${n}`);
    head('mlcycle_inference_rows_total', 'counter', 'Rows scored by successful requests.');
    for (const m of all) lines.push(`mlcycle_inference_rows_total${labels({ model: m.model, version: m.version })} ${m.rows}`);
    head('mlcycle_inference_in_flight_requests', 'gauge', 'Requests being scored now.');
    for (const m of all) lines.push(`mlcycle_inference_in_flight_requests${labels({ model: m.model, version: m.version })} ${m.inFlight}`);
    head('mlcycle_inference_request_duration_seconds', 'histogram', 'Time from request received to response sent.');
    for (const m of all) {
      const base = { model: m.model, version: m.version };
      LATENCY_BUCKETS.forEach((le, b) => lines.push(`mlcycle_inference_request_duration_seconds_bucket${labels({ ...base, le: String(le) })} ${m.buckets[b]}`));
      lines.push(`mlcycle_inference_request_duration_seconds_bucket${labels({ ...base, le: '+Inf' })} ${m.count}`);
      lines.push(`mlcycle_inference_request_duration_seconds_sum${labels(base)} ${m.sum}`, `mlcycle_inference_request_duration_seconds_count${labels(base)} ${m.count}`);
    }
    const cpu = process.cpuUsage();
    head('process_cpu_seconds_total', 'counter', 'User and system CPU time spent, in seconds.');
    lines.push(`process_cpu_seconds_total ${(cpu.user + cpu.system) / 1e6}`);
    head('process_resident_memory_bytes', 'gauge', 'Resident memory size in bytes.');
    lines.push(`process_resident_memory_bytes ${process.memoryUsage.rss()}`);
    head('process_start_time_seconds', 'gauge', 'Start time of the process since the Unix epoch, in seconds.');
    lines.push(`process_start_time_seconds ${this.started}`);
    return `${lines.join('\n')}\n`;
  }
}
