import { describe, expect, it } from 'vitest';
import { scrapeHealth, storedScrapes } from '../../../src/main/engine/monitor/health';
import { sampleResources } from '../../../src/main/engine/monitor/resources';
import { request } from '../../helpers/http';
import { waitForJob } from '../../helpers/jobs';
import { deployChurnForSuite } from '../../helpers/local-deployment';
import { tempDir } from '../../helpers/temp';
import type { Connected } from '../../helpers/transports';

const goodRequest = (a: number, id: string) => ({
  id,
  inputs: [
    { name: 'a', shape: [1, 1], datatype: 'FP32', data: [a] },
    { name: 'year', shape: [1, 1], datatype: 'FP32', data: [2005] },
    { name: 'plan', shape: [1, 1], datatype: 'BYTES', data: ['basic'] },
    { name: 'flag', shape: [1, 1], datatype: 'BYTES', data: ['true'] },
  ],
});

/** Health from a real local deployment's /metrics, and resource samples of the engine and its server. */
describe('monitoring: health and resources of a deployment', () => {
  const tmp = tempDir();
  let api: Connected;
  let url: string;
  deployChurnForSuite(tmp, { ready: (local) => ({ api, url } = local) });

  it('counts the requests and errors between two scrapes, with a p99 inside the bucket that holds it', async () => {
    const ctx = api.engine.context;
    const before = await scrapeHealth(ctx, 'laptop');
    for (let i = 0; i < 17; i++) expect((await request(url, 'POST', '/v2/models/churn/infer', goodRequest(i / 2, `h${i}`))).status).toBe(200);
    // Refused requests: a body that is not JSON, an unknown input, a number where text belongs.
    const bad = [
      '{not json',
      { inputs: [{ name: 'nope', shape: [1, 1], datatype: 'FP32', data: [1] }] },
      { inputs: [...goodRequest(1, 'x').inputs.slice(0, 2), { name: 'plan', shape: [1, 1], datatype: 'FP32', data: [3] }, goodRequest(1, 'x').inputs[3]] },
    ];
    for (const body of bad) expect((await request(url, 'POST', '/v2/models/churn/infer', body)).status).toBe(400);
    const after = await scrapeHealth(ctx, 'laptop');

    const report = await api.client.call('monitor.health', { target: 'laptop' });
    const window = report.windows.at(-1)!;
    expect(window).toMatchObject({ start: before.at, end: after.at, requests: 20, errors: 3 });
    expect(window.errorRate).toBeCloseTo(3 / 20, 12);
    expect(window.requestsPerSecond).toBeCloseTo(20 / ((Date.parse(after.at) - Date.parse(before.at)) / 1000), 9);

    // The bucket that holds the 99th percentile, found by counting: the first whose count of the
    // 20 requests reaches 0.99 × 20; the interpolated p99 lies within its bounds.
    const increase = after.buckets.map(([le, n]) => [le, n - (before.buckets.find(([b]) => b === le)?.[1] ?? 0)] as const);
    expect(increase.at(-1)![1]).toBe(20);
    const holder = increase.findIndex(([, n]) => n >= 0.99 * 20);
    const lower = holder === 0 ? 0 : increase[holder - 1]![0];
    const upper = Number.isFinite(increase[holder]![0]) ? increase[holder]![0] : lower;
    expect(window.p99Ms! / 1000).toBeGreaterThanOrEqual(lower);
    expect(window.p99Ms! / 1000).toBeLessThanOrEqual(upper);
    expect(window.p50Ms!).toBeLessThanOrEqual(window.p95Ms!);
    expect(window.p95Ms!).toBeLessThanOrEqual(window.p99Ms!);
    expect(storedScrapes(api.engine.context.session.require().store, api.engine.context.session.require().store.deploy.target('laptop').id)).toHaveLength(2);
  }, 60_000);

  it('samples the engine and the local server it runs, and reports them with the health', async () => {
    const { store } = api.engine.context.session.require();
    const samples = await sampleResources(store);
    const engine = samples.find((s) => s.process === 'engine')!;
    expect(engine.rssMb).toBeGreaterThan(0);
    expect(engine.rssMb).toBeCloseTo(process.memoryUsage.rss() / 1024 / 1024, -2);
    const server = samples.find((s) => s.process === 'server:laptop');
    if (process.platform === 'linux') {
      // The server is its own process: its memory is its own, tens of MB with a model loaded.
      expect(server).toMatchObject({ targetId: store.deploy.target('laptop').id, gpuPercent: null });
      expect(server!.rssMb).toBeGreaterThan(10);
      expect(server!.cpuPercent).toBeGreaterThanOrEqual(0);
    }
    const report = await api.client.call('monitor.health', { target: 'laptop' });
    expect(report.resources.slice(-samples.length).map((r) => r.process)).toEqual(samples.map((s) => s.process));
  });

  it('samples resources while a job runs, and stops when none does', async () => {
    const { store } = api.engine.context.session.require();
    const count = () => (store.db.prepare("SELECT COUNT(*) AS n FROM resource_samples WHERE process = 'engine'").get() as { n: number }).n;
    const before = count();
    const { job } = await api.client.call('data.profile', { ref: 'shop', force: true });
    await waitForJob(api.client, job!.id, (j) => j.status !== 'running' && j.status !== 'queued', 60_000);
    // The sample taken as the job ends is written once nvidia-smi answers (or is found missing): at most 3 s.
    await new Promise((resolve) => setTimeout(resolve, 3_500));
    const during = count();
    // One sample when the job starts and one when it ends, at least.
    expect(during - before).toBeGreaterThanOrEqual(2);
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    expect(count()).toBe(during);
  }, 90_000);

  it('says why when the server cannot be scraped', async () => {
    await api.client.call('deploy.undeploy', { target: 'laptop' });
    await expect(scrapeHealth(api.engine.context, 'laptop')).rejects.toThrow(/not running/);
  });
});
