import fs from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import type { Client } from '../../src/shared/client';
import { waitForJob } from '../helpers/jobs';
import { tempDir } from '../helpers/temp';
import { inProcess, overWebSocket, type TransportFactory } from '../helpers/transports';
import { percentile, type Figure } from './stats';

/** Round trips of a small read (project.current) through a transport. */
async function roundTrips(client: Client, count: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await client.call('jobs.list', { limit: 10 });
    samples.push(performance.now() - start);
  }
  return samples;
}

async function transportFigures(name: string, connect: TransportFactory): Promise<Figure[]> {
  const home = tempDir();
  const api = await connect(home.dir);
  await api.client.call('project.create', { dir: path.join(home.dir, 'p') });
  await roundTrips(api.client, 200); // warm-up
  const started = performance.now();
  const samples = await roundTrips(api.client, 2_000);
  const seconds = (performance.now() - started) / 1000;
  await api.close();
  home.cleanup();
  return [
    { benchmark: `RPC round trip (${name})`, metric: 'p50', value: percentile(samples, 50), unit: 'ms' },
    { benchmark: `RPC round trip (${name})`, metric: 'p99', value: percentile(samples, 99), unit: 'ms' },
    { benchmark: `RPC round trip (${name})`, metric: 'throughput', value: samples.length / seconds, unit: 'calls/s' },
  ];
}

/** How long the answering thread stalls while CPU-bound jobs keep every core busy. */
async function responsiveness(): Promise<Figure[]> {
  const home = tempDir();
  const api = await inProcess(home.dir);
  await api.client.call('project.create', { dir: path.join(home.dir, 'p') });
  const lag = monitorEventLoopDelay({ resolution: 1 });
  const rpc: number[] = [];
  lag.enable();
  const jobs = await Promise.all([1, 2].map(() => api.client.call('demo.start', { steps: 20, stepMs: 100 })));
  const firstProgress = performance.now();
  await waitForJob(api.client, jobs[0]!.id, (j) => j.progress > 0);
  const toFirstProgress = performance.now() - firstProgress;
  while ((await api.client.call('jobs.get', { id: jobs[1]!.id })).status === 'running') {
    const start = performance.now();
    await api.client.call('jobs.list', { limit: 20 });
    rpc.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  lag.disable();
  await api.close();
  home.cleanup();
  return [
    { benchmark: 'UI thread while 2 CPU jobs run', metric: 'event-loop delay max', value: lag.max / 1e6, unit: 'ms' },
    { benchmark: 'UI thread while 2 CPU jobs run', metric: 'event-loop delay p99', value: lag.percentile(99) / 1e6, unit: 'ms' },
    { benchmark: 'UI thread while 2 CPU jobs run', metric: 'RPC p99', value: percentile(rpc, 99), unit: 'ms' },
    { benchmark: 'Job start (worker spawn to first progress)', metric: 'latency', value: toFirstProgress, unit: 'ms' },
  ];
}

async function projectFigures(): Promise<Figure[]> {
  const home = tempDir();
  const api = await inProcess(home.dir);
  const create: number[] = [];
  const open: number[] = [];
  for (let i = 0; i < 20; i++) {
    const dir = path.join(home.dir, `p${i}`);
    let start = performance.now();
    await api.client.call('project.create', { dir });
    create.push(performance.now() - start);
    await api.client.call('project.close');
    start = performance.now();
    await api.client.call('project.open', { dir });
    open.push(performance.now() - start);
  }
  await api.close();
  const size = fs.statSync(path.join(home.dir, 'p0', 'project.db')).size;
  home.cleanup();
  return [
    { benchmark: 'Project create (migrations, WAL)', metric: 'p50', value: percentile(create, 50), unit: 'ms' },
    { benchmark: 'Project open (version check, orphan scan)', metric: 'p50', value: percentile(open, 50), unit: 'ms' },
    { benchmark: 'Empty project.db', metric: 'size', value: size / 1024, unit: 'KiB' },
  ];
}

export async function foundationBenchmarks(): Promise<Figure[]> {
  return [
    ...(await transportFigures('in-process', inProcess)),
    ...(await transportFigures('WebSocket', overWebSocket)),
    ...(await responsiveness()),
    ...(await projectFigures()),
  ];
}
