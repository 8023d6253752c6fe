import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitForJob } from '../helpers/jobs';
import { tempDir } from '../helpers/temp';
import { inProcess, type Connected } from '../helpers/transports';

describe('jobs', () => {
  let home: ReturnType<typeof tempDir>;
  let api: Connected;
  beforeEach(async () => {
    home = tempDir();
    api = await inProcess(home.dir);
    await api.client.call('project.create', { dir: path.join(home.dir, 'project') });
  });
  afterEach(async () => {
    await api.close();
    home.cleanup();
  });

  it('runs CPU work off the thread that answers the UI', async () => {
    // Each step keeps a core busy for 400 ms. Were it on this thread, the event loop would stall
    // for at least that long; in a worker it keeps answering.
    const lag = monitorEventLoopDelay({ resolution: 5 });
    lag.enable();
    const job = await api.client.call('demo.start', { steps: 4, stepMs: 400 });
    let answered = 0;
    while ((await api.client.call('jobs.get', { id: job.id })).status === 'running') {
      answered++;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    lag.disable();
    expect((await api.client.call('jobs.get', { id: job.id })).status).toBe('succeeded');
    expect(answered).toBeGreaterThan(20);
    expect(lag.max / 1e6).toBeLessThan(200);
  });

  it('persists progress and the final state in project.db', async () => {
    const job = await api.client.call('demo.start', { steps: 10, stepMs: 60 });
    await waitForJob(api.client, job.id, (j) => j.progress >= 0.5);
    const row = api.engine.context.session.require().store.db.prepare('SELECT status, progress, phase FROM jobs WHERE id = ?').get(job.id) as {
      status: string;
      progress: number;
      phase: string;
    };
    expect(row.status).toBe('running');
    expect(row.progress).toBeGreaterThan(0);
    expect(row.phase).toMatch(/^step \d+\/10$/);
    const done = await waitForJob(api.client, job.id, (j) => j.status === 'succeeded');
    const stored = api.engine.context.session.require().store.jobs.get(job.id)!;
    expect(stored).toEqual(done);
  });

  it('estimates the time left while running', async () => {
    const job = await api.client.call('demo.start', { steps: 20, stepMs: 50 });
    const mid = await waitForJob(api.client, job.id, (j) => j.etaMs !== null && j.progress >= 0.3);
    // 20 steps of 50 ms: what is left at ≥30% is at most ~700 ms, give or take start-up.
    expect(mid.etaMs!).toBeGreaterThan(0);
    expect(mid.etaMs!).toBeLessThan(5_000);
    await waitForJob(api.client, job.id, (j) => j.status === 'succeeded');
  });

  it('cancels running jobs when the project closes, and keeps their record', async () => {
    const job = await api.client.call('demo.start', { steps: 1000, stepMs: 50 });
    await waitForJob(api.client, job.id, (j) => j.progress > 0);
    const dir = (await api.client.call('project.current'))!.dir;
    await api.client.call('project.close');
    await api.client.call('project.open', { dir });
    const after = await api.client.call('jobs.get', { id: job.id });
    expect(after.status).toBe('cancelled');
    expect(after.error?.message).toBe('The project was closed');
  });

  it('runs several jobs at once', async () => {
    const jobs = await Promise.all([1, 2, 3].map(() => api.client.call('demo.start', { steps: 3, stepMs: 30 })));
    const done = await Promise.all(jobs.map((j) => waitForJob(api.client, j.id, (x) => x.status === 'succeeded')));
    expect(done.map((j) => j.progress)).toEqual([1, 1, 1]);
    expect((await api.client.call('jobs.list')).length).toBe(3);
  });
});

describe('job queue', () => {
  it('runs at most maxConcurrent jobs and starts the next when one ends', async () => {
    const { ProjectStore } = await import('../../src/main/engine/store/project-store');
    const { JobManager } = await import('../../src/main/engine/jobs/manager');
    const { EventBus } = await import('../../src/main/engine/events');
    const tmp = tempDir();
    const store = ProjectStore.create(tmp.dir, 'Q', 'ana');
    const bus = new EventBus();
    const manager = new JobManager(store.jobs, bus, 1);
    const seen: string[] = [];
    bus.on((event, payload) => {
      if (event === 'job.updated') seen.push(`${(payload as { title: string }).title}:${(payload as { status: string }).status}`);
    });
    const first = manager.start('demo', { steps: 3, stepMs: 20 }, 'first');
    const second = manager.start('demo', { steps: 3, stepMs: 20 }, 'second');
    const third = manager.start('demo', { steps: 3, stepMs: 20 }, 'third');
    expect([first.status, second.status, third.status]).toEqual(['running', 'queued', 'queued']);
    expect(manager.cancel(third.id).status).toBe('cancelled');
    await expect.poll(() => manager.get(second.id).status, { timeout: 10_000 }).toBe('succeeded');
    expect(manager.get(first.id).status).toBe('succeeded');
    // the second only started once the first had finished
    expect(seen.indexOf('second:running')).toBeGreaterThan(seen.indexOf('first:succeeded'));
    expect(store.jobs.get(third.id)!.error?.message).toMatch(/before it started/);
    await manager.dispose();
    store.close();
    tmp.cleanup();
  });
});
