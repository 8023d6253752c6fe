import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import readline from 'node:readline';
import ort from 'onnxruntime-node';
import type { Signature } from '../../src/main/engine/registry/package-docs';
import { readPackage } from '../../src/main/engine/signing/verify';
import { BIN, REPO } from '../helpers/cli';
import { benchGbdtPackage, type BenchPackage } from './bench-package';
import type { LoadResult, LoadSpec } from './serve-loadgen';
import type { Figure } from './stats';

const CONNECTIONS = 64;
const PEAK_SECONDS = 10;
const BATCHES = [1, 64];

/**
 * Who gets which cores: on Linux with taskset and at least 2 cores, the load generator gets the last
 * core and the server (and the HTTP floor) the others, so neither starves the other; elsewhere they
 * share every core.
 */
function placement(): { server: string[]; load: string[]; note: string; serverCores: number; loadCores: number } {
  const cores = os.availableParallelism();
  const taskset = process.platform === 'linux' && spawnSync('taskset', ['-V']).status === 0;
  if (!taskset || cores < 2 || process.env.MLCYCLE_BENCH_NO_PIN) return { server: [], load: [], note: `server and load generator share ${cores} cores`, serverCores: cores, loadCores: cores };
  const serverCores = cores === 2 ? '0' : `0-${cores - 2}`;
  return {
    server: ['taskset', '-c', serverCores],
    load: ['taskset', '-c', String(cores - 1)],
    note: `pinned with taskset: server cpu ${serverCores}, load generator cpu ${cores - 1}, of ${cores}`,
    serverCores: cores - 1,
    loadCores: 1,
  };
}

/** Spawns `[...prefix, node, ...args]` and resolves with the process and its first stdout line. */
function startChild(prefix: string[], args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; line: string }> {
  const [cmd, ...rest] = [...prefix, process.execPath, ...args];
  const child = spawn(cmd!, rest, { cwd: REPO, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${stderr}`)));
    readline.createInterface({ input: child.stdout! }).once('line', (line) => resolve({ child, line }));
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.removeAllListeners('exit');
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** A process's resident memory in MB (/proc on Linux, ps elsewhere). */
function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    if (m) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return Number(spawnSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim()) / 1024;
}

/** Runs serve-loadgen.ts in its own process; `onHalf` fires when half of `amount` is answered. */
function load(prefix: string[], spec: LoadSpec, onHalf: () => void = () => {}): Promise<LoadResult> {
  const [cmd, ...rest] = [...prefix, process.execPath, '--import', 'tsx', path.join(import.meta.dirname, 'serve-loadgen.ts'), JSON.stringify(spec)];
  const child = spawn(cmd!, rest, { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let result: LoadResult | null = null;
    readline.createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === 'half') onHalf();
      else result = JSON.parse(line) as LoadResult;
    });
    child.once('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`the load generator exited with ${code}`))));
  });
}

/** The first `rows` rows of the benchmark CSV as an Open Inference Protocol request body. */
function inferBody(csv: string, signature: Signature, rows: number): string {
  const fd = fs.openSync(csv, 'r');
  const head = Buffer.alloc(1 << 20);
  const text = head.subarray(0, fs.readSync(fd, head, 0, head.length, 0)).toString('utf8');
  fs.closeSync(fd);
  const [header, ...lines] = text.split('\n').slice(0, rows + 1).map((l) => l.split(','));
  const inputs = signature.inputs.map((input) => {
    const j = header!.indexOf(input.name);
    const data = lines.map((cells) => (input.datatype === 'FP32' ? (cells[j] === '' ? null : Number(cells[j])) : cells[j]!));
    return { name: input.name, shape: [rows, 1], datatype: input.datatype, data };
  });
  return JSON.stringify({ inputs });
}

/** The compute floor: session.run alone, one call after another, on tensors built beforehand, with the server's session options. */
async function computeFloor(model: Uint8Array, signature: Signature, csv: string, rows: number): Promise<{ callsPerSecond: number; usPerCall: number }> {
  const body = JSON.parse(inferBody(csv, signature, rows)) as { inputs: Array<{ name: string; datatype: string; data: Array<number | string | null> }> };
  const feeds = Object.fromEntries(
    body.inputs.map((i) => [
      i.name,
      i.datatype === 'FP32' ? new ort.Tensor('float32', Float32Array.from(i.data, (v) => (v === null ? Number.NaN : (v as number))), [rows, 1]) : new ort.Tensor('string', i.data as string[], [rows, 1]),
    ]),
  );
  const session = await ort.InferenceSession.create(model, { intraOpNumThreads: 1, interOpNumThreads: 1, graphOptimizationLevel: 'all' });
  for (let i = 0; i < 200; i++) await session.run(feeds);
  const calls = rows === 1 ? 20_000 : 4_000;
  const started = performance.now();
  for (let i = 0; i < calls; i++) await session.run(feeds);
  const seconds = (performance.now() - started) / 1000;
  await session.release();
  return { callsPerSecond: calls / seconds, usPerCall: (seconds / calls) * 1e6 };
}

/**
 * `npm run bench -- serve`: `mlcycle serve` with the benchmark GBDT package (100 trees, depth 6)
 * under a loopback load generator, 64 connections, batch 1 and batch 64 — peak requests/s with
 * p50/p99, then p99 at half that peak rate — beside the HTTP floor (a bare node:http server
 * answering a constant JSON body, same load) and the compute floor (bare session.run), then a soak
 * of `soakRequests` batch-1 requests: errors and the server's RSS at its start, middle and end.
 */
export async function serveBenchmarks({ soakRequests = 1_000_000, rows = 1_000_000 } = {}): Promise<Figure[]> {
  const bench = benchGbdtPackage(rows, 'mlcycle-bench-serve-');
  try {
    return await serveFigures(bench, soakRequests);
  } finally {
    bench.cleanup();
  }
}

/** The serve figures for a package built by benchGbdtPackage. */
export async function serveFigures({ csv, pkg, env }: Pick<BenchPackage, 'csv' | 'pkg' | 'env'>, soakRequests: number): Promise<Figure[]> {
  const contents = readPackage(pkg).contents;
  const signature = JSON.parse(Buffer.from(contents.get('signature.json')!).toString()) as Signature;
  const cores = placement();
  const figures: Figure[] = [];
  const add = (benchmark: string, metric: string, value: number, unit: string) => figures.push({ benchmark, metric, value, unit });
  const bodies = new Map(BATCHES.map((b) => [b, inferBody(csv, signature, b)]));
  const label = (what: string) => `Serve GBDT package (100 trees, depth 6, 19 inputs): ${what}`;
  add(`Serve: cores (${cores.note})`, 'server (the model server and the HTTP floor)', cores.serverCores, 'cores');
  add(`Serve: cores (${cores.note})`, 'load generator (autocannon, and the paced loop)', cores.loadCores, 'cores');

  // --threads: inference threads beside the HTTP thread (auto by default; MLCYCLE_BENCH_SERVE_THREADS=0 scores on the main thread).
  const threads = process.env.MLCYCLE_BENCH_SERVE_THREADS ?? 'auto';
  const { child: server, line } = await startChild(cores.server, [BIN, 'serve', pkg, '--port', '0', '--threads', threads, '--json'], env);
  const ready = JSON.parse(line) as { url: string; threads: number; models: Array<{ name: string }> };
  add(`Serve: cores (${cores.note})`, `inference threads of the server (--threads ${threads})`, ready.threads, 'threads');
  const inferUrl = `${ready.url}/v2/models/${encodeURIComponent(ready.models[0]!.name)}/infer`;
  let httpFloorRate = Number.NaN;
  try {
    const answer = await fetch(inferUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies.get(1) });
    if (!answer.ok) throw new Error(`the server answered ${answer.status}: ${await answer.text()}`);
    const constant = await answer.text();

    // The HTTP floor: the same requests against node:http answering the server's own batch-1 answer.
    const floorScript = `const b=process.env.BODY;require('node:http').createServer((q,s)=>{q.resume();q.on('end',()=>{s.writeHead(200,{'Content-Type':'application/json','Content-Length':Buffer.byteLength(b)});s.end(b)})}).listen(0,'127.0.0.1',function(){console.log('http://127.0.0.1:'+this.address().port)})`;
    const { child: floorServer, line: floorUrl } = await startChild(cores.server, ['-e', floorScript], { BODY: constant });
    let httpFloor: LoadResult;
    try {
      await load(cores.load, { url: floorUrl, body: bodies.get(1)!, mode: 'closed', connections: CONNECTIONS, seconds: 2 });
      httpFloor = await load(cores.load, { url: floorUrl, body: bodies.get(1)!, mode: 'closed', connections: CONNECTIONS, seconds: PEAK_SECONDS });
    } finally {
      await stop(floorServer);
    }
    httpFloorRate = httpFloor.requestsPerSecond;
    add(label(`HTTP floor: bare node:http answering a constant JSON body, batch-1 requests, ${CONNECTIONS} connections`), 'requests per second', httpFloor.requestsPerSecond, 'req/s');
    add(label(`HTTP floor: bare node:http answering a constant JSON body, batch-1 requests, ${CONNECTIONS} connections`), 'p99 latency', httpFloor.p99Ms, 'ms');

    for (const batch of BATCHES) {
      const body = bodies.get(batch)!;
      const name = label(`POST /v2/models/…/infer, batch ${batch}, ${CONNECTIONS} connections`);
      await load(cores.load, { url: inferUrl, body, mode: 'closed', connections: CONNECTIONS, seconds: 2 });
      const peak = await load(cores.load, { url: inferUrl, body, mode: 'closed', connections: CONNECTIONS, seconds: PEAK_SECONDS });
      const half = await load(cores.load, { url: inferUrl, body, mode: 'paced', connections: CONNECTIONS, rate: Math.max(1, Math.round(peak.requestsPerSecond / 2)), seconds: PEAK_SECONDS });
      add(name, 'requests per second (peak)', peak.requestsPerSecond, 'req/s');
      add(name, 'rows per second (peak)', peak.requestsPerSecond * batch, 'rows/s');
      add(name, 'p50 latency at the peak', peak.p50Ms, 'ms');
      add(name, 'p99 latency at the peak', peak.p99Ms, 'ms');
      add(name, `p99 latency at half the peak, ${Math.round(half.requestsPerSecond)} req/s evenly paced (target < 10)`, half.p99Ms, 'ms');
      add(name, 'p50 latency at half the peak', half.p50Ms, 'ms');
      add(name, 'errors (peak and half-peak passes)', peak.errors + half.errors, 'requests');
      if (batch === 1) add(name, 'ratio to the HTTP floor (requests/s; target ≥ 0.6)', peak.requestsPerSecond / httpFloor.requestsPerSecond, '×');
    }

    const rss: number[] = [rssMb(server.pid!)];
    const soak = await load(cores.load, { url: inferUrl, body: bodies.get(1)!, mode: 'closed', connections: CONNECTIONS, amount: soakRequests }, () => rss.push(rssMb(server.pid!)));
    rss.push(rssMb(server.pid!));
    const soakName = label(`soak, ${soakRequests.toLocaleString('en')} batch-1 requests`);
    add(soakName, 'errors (connection errors, timeouts, non-2xx; target 0)', soak.errors, 'requests');
    add(soakName, 'requests per second', soak.requestsPerSecond, 'req/s');
    add(soakName, 'p99 latency', soak.p99Ms, 'ms');
    add(soakName, 'server RSS at the start', rss[0]!, 'MB');
    add(soakName, 'server RSS at the middle', rss[1] ?? Number.NaN, 'MB');
    add(soakName, 'server RSS at the end', rss[rss.length - 1]!, 'MB');
  } finally {
    await stop(server);
  }

  const model = contents.get('model.onnx')!;
  for (const batch of BATCHES) {
    const floor = await computeFloor(model, signature, csv, batch);
    const name = label(`compute floor: bare in-process session.run, batch ${batch}, 1 intra-op thread, one call at a time`);
    add(name, 'calls per second', floor.callsPerSecond, 'calls/s');
    add(name, 'time per call', floor.usPerCall, 'µs');
    // With no inference threads one server thread does both jobs, so each request costs at least the
    // HTTP floor's time per request plus one bare session.run: the best ratio any server could reach here.
    if (batch === 1 && ready.threads === 0) {
      const ceiling = 1 / (1 / httpFloorRate + floor.usPerCall / 1e6) / httpFloorRate;
      add(label('batch-1 ceiling with one server thread: HTTP floor time + bare session.run time per request'), 'best ratio to the HTTP floor any server could reach', ceiling, '×');
    }
  }
  return figures;
}
