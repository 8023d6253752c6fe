import autocannon from 'autocannon';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { percentile } from './stats';

/**
 * The serve benchmark's load generator, run as its own process (pinned to its own core where the
 * parent can) so it competes with the server for CPU as little as possible. Argument: one JSON
 * LoadSpec. Prints `half` when half of `amount` is answered (the parent samples the server's RSS
 * then) and finally one JSON LoadResult line.
 *
 * - closed: autocannon, `connections` keep-alive connections each sending its next request as the
 *   last is answered (the peak rate), for `seconds` or `amount` requests.
 * - paced: an open loop at `rate` requests/s spread evenly (autocannon's own rate limit sends each
 *   second's quota in a burst, which measures a saturated server): at most `connections` in flight,
 *   latency from the time a request was due, so queueing behind a slow answer counts.
 */
export interface LoadSpec {
  url: string;
  body: string;
  mode: 'closed' | 'paced';
  connections: number;
  seconds?: number;
  amount?: number;
  rate?: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts and non-2xx answers together. */
  errors: number;
}

/** Latencies in ms, growing as needed (a soak records a million). */
class Samples {
  private data = new Float64Array(1 << 16);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  percentile(p: number): number {
    return percentile(Array.from(this.data.subarray(0, this.length)), p);
  }
}

async function closed(spec: LoadSpec, onHalf: () => void): Promise<LoadResult> {
  const latencies = new Samples();
  const half = spec.amount ? Math.floor(spec.amount / 2) : Number.POSITIVE_INFINITY;
  const started = performance.now();
  let finished: (result: autocannon.Result) => void = () => {};
  let failed: (error: Error) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finished = resolve), (failed = reject)));
  const instance = autocannon(
    {
      url: spec.url,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: spec.body,
      connections: spec.connections,
      ...(spec.amount ? { amount: spec.amount } : { duration: spec.seconds ?? 10 }),
      timeout: 10,
    },
    (error, result) => (error ? failed(error as Error) : finished(result)),
  );
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    if (latencies.length === half) onHalf();
  });
  const result = await done;
  const seconds = (performance.now() - started) / 1000;
  return {
    requests: result.requests.total,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    p50Ms: latencies.percentile(50),
    p99Ms: latencies.percentile(99),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/**
 * One keep-alive connection for the paced loop: writes a prepared request, reads back one answer at a
 * time (status line, Content-Length, body) and calls `answered` with the status.
 */
class Connection {
  private readonly socket: net.Socket;
  private buffer: Buffer = Buffer.alloc(0);
  due = 0;
  busy = false;

  constructor(url: URL, answered: (c: Connection, status: number) => void, ended: (c: Connection) => void) {
    this.socket = net.connect(Number(url.port), url.hostname);
    this.socket.setNoDelay(true);
    // Swallowed: 'close' follows every error and says the connection is gone.
    this.socket.on('error', () => {});
    this.socket.on('close', () => ended(this));
    this.socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      for (;;) {
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = this.buffer.subarray(0, end).toString('latin1');
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
        if (this.buffer.length < end + 4 + length) return;
        this.buffer = this.buffer.subarray(end + 4 + length);
        answered(this, Number(head.slice(9, 12)));
      }
    });
  }

  send(request: Buffer, due: number): void {
    this.busy = true;
    this.due = due;
    this.socket.write(request);
  }

  close(): void {
    this.socket.destroy();
  }
}

async function paced(spec: LoadSpec): Promise<LoadResult> {
  const target = new URL(spec.url);
  const body = Buffer.from(spec.body);
  const request = Buffer.concat([Buffer.from(`POST ${target.pathname} HTTP/1.1\r\nHost: ${target.host}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`, 'latin1'), body]);
  const latencies = new Samples();
  const rate = spec.rate!;
  const total = Math.round(rate * (spec.seconds ?? 10));
  let sent = 0;
  let done = 0;
  let errors = 0;
  let finish: () => void = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  /** Requests that fell due while every connection was busy: their due times, oldest first. */
  const backlog: number[] = [];
  const idle: Connection[] = [];
  const connections = new Set<Connection>();
  let stopping = false;
  const complete = (c: Connection) => {
    c.busy = false;
    if (++done === total) finish();
    const next = backlog.shift();
    if (next !== undefined) c.send(request, next);
    else idle.push(c);
  };
  const answered = (c: Connection, status: number) => {
    if (status >= 200 && status < 300) latencies.push(performance.now() - c.due);
    else errors++;
    complete(c);
  };
  // The server closes a keep-alive connection left idle past its keepAliveTimeout, as it should; a
  // client then opens a new one, as this does. Only a connection lost with a request on it is an error.
  const ended = (c: Connection) => {
    connections.delete(c);
    const at = idle.indexOf(c);
    if (at >= 0) idle.splice(at, 1);
    if (stopping) return;
    const fresh = open();
    if (c.busy) {
      errors++;
      c.busy = false;
      if (++done === total) finish();
    }
    const next = backlog.shift();
    if (next !== undefined) fresh.send(request, next);
    else idle.push(fresh);
  };
  const open = () => {
    const c = new Connection(target, answered, ended);
    connections.add(c);
    return c;
  };
  for (let i = 0; i < spec.connections; i++) idle.push(open());
  const started = performance.now();
  const tick = () => {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
    for (; sent < due; sent++) {
      const at = started + (sent / rate) * 1000;
      // The connection idle longest: every one stays in use, as a pool under steady load keeps them.
      const c = idle.shift();
      if (c) c.send(request, at);
      else backlog.push(at);
    }
    if (sent < total) setTimeout(tick, 1);
  };
  tick();
  await finished;
  const elapsed = (performance.now() - started) / 1000;
  stopping = true;
  for (const c of connections) c.close();
  return { requests: total, seconds: elapsed, requestsPerSecond: latencies.length / elapsed, p50Ms: latencies.percentile(50), p99Ms: latencies.percentile(99), errors };
}

const spec = JSON.parse(process.argv[2]!) as LoadSpec;
const result = spec.mode === 'closed' ? await closed(spec, () => process.stdout.write('half\n')) : await paced(spec);
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
