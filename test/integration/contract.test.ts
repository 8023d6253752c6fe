import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MlcycleError } from '../../src/shared/contract/errors';
import { LATEST_SCHEMA_VERSION } from '../../src/main/engine/store/migrations';
import { waitForJob } from '../helpers/jobs';
import { tempDir } from '../helpers/temp';
import { TRANSPORTS, type Connected } from '../helpers/transports';

/** The same cases through every transport: a transport may move envelopes, never change meaning. */
describe.each(TRANSPORTS)('contract over %s', (_name, connect) => {
  let home: ReturnType<typeof tempDir>;
  let work: ReturnType<typeof tempDir>;
  let api: Connected;

  beforeEach(async () => {
    home = tempDir();
    work = tempDir();
    api = await connect(home.dir);
  });
  afterEach(async () => {
    await api.close();
    home.cleanup();
    work.cleanup();
  });

  const rejection = async (promise: Promise<unknown>): Promise<MlcycleError> => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MlcycleError);
    return error as MlcycleError;
  };

  it('describes the engine and starts with no project', async () => {
    const info = await api.client.call('system.info');
    expect(info.identity).toBe('test-user');
    expect(info.project).toBeNull();
    expect(info.cpus).toBeGreaterThan(0);
    expect(await api.client.call('project.current')).toBeNull();
  });

  it('creates a project, makes it current and remembers it as recent', async () => {
    const dir = path.join(work.dir, 'churn');
    const created = await api.client.call('project.create', { dir, name: 'Churn' });
    expect(created).toMatchObject({ name: 'Churn', dir, schemaVersion: LATEST_SCHEMA_VERSION, createdBy: 'test-user' });
    expect(await api.client.call('project.current')).toEqual(created);
    const recent = await api.client.call('project.recent');
    expect(recent[0]).toMatchObject({ dir, name: 'Churn', exists: true });
  });

  it('pushes project.changed when a project opens and closes', async () => {
    const seen: Array<string | null> = [];
    api.client.on('project.changed', (p) => seen.push(p?.name ?? null));
    await api.client.call('project.create', { dir: path.join(work.dir, 'p'), name: 'P' });
    await api.client.call('project.close');
    await expect.poll(() => seen).toEqual(['P', null]);
  });

  it('refuses a wrong type and names the field', async () => {
    const error = await rejection(api.bridge.call('project.create', { dir: 42 }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain("'dir'");
    expect(error.details?.fields).toEqual([expect.objectContaining({ field: 'dir' })]);
  });

  it('refuses an unknown argument and names it', async () => {
    const error = await rejection(api.bridge.call('project.create', { dir: work.dir, colour: 'red' }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain("'colour'");
  });

  it('refuses an out-of-range number and names the field', async () => {
    await api.client.call('project.create', { dir: path.join(work.dir, 'p') });
    const error = await rejection(api.bridge.call('jobs.list', { limit: 0 }));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.message).toContain("'limit'");
  });

  it('answers an unknown method with UNKNOWN_METHOD', async () => {
    const error = await rejection(api.bridge.call('project.explode', {}));
    expect(error.code).toBe('UNKNOWN_METHOD');
    expect(error.message).toContain('project.explode');
  });

  it('asks for a project before project work', async () => {
    const error = await rejection(api.client.call('jobs.list'));
    expect(error.code).toBe('NO_PROJECT');
  });

  it('refuses to open a folder that is not a project', async () => {
    const error = await rejection(api.client.call('project.open', { dir: work.dir }));
    expect(error.code).toBe('NOT_A_PROJECT');
    expect(error.message).toContain('mlcycle init');
  });

  it('refuses to create a project over an existing one', async () => {
    const dir = path.join(work.dir, 'p');
    await api.client.call('project.create', { dir });
    const error = await rejection(api.client.call('project.create', { dir }));
    expect(error.code).toBe('CONFLICT');
  });

  it('runs a job to completion with progress, log lines and a result', async () => {
    await api.client.call('project.create', { dir: path.join(work.dir, 'p') });
    const fractions: number[] = [];
    api.client.on('job.updated', (job) => fractions.push(job.progress));
    const started = await api.client.call('demo.start', { steps: 4, stepMs: 30 });
    expect(started.status).toBe('running');
    const done = await waitForJob(api.client, started.id, (job) => job.status === 'succeeded');
    expect(done.progress).toBe(1);
    expect(done.result).toMatchObject({ steps: 4 });
    expect(fractions.at(-1)).toBe(1);
    // progress never goes backwards
    expect([...fractions].sort((a, b) => a - b)).toEqual(fractions);
    const log = await api.client.call('jobs.log', { id: started.id });
    expect(log.map((line) => line.message)).toContain('Starting 4 steps of 30 ms CPU work');
    expect(log.map((l) => l.seq)).toEqual(log.map((_, i) => i + 1));
  });

  it('cancels a running job', async () => {
    await api.client.call('project.create', { dir: path.join(work.dir, 'p') });
    const job = await api.client.call('demo.start', { steps: 1000, stepMs: 50 });
    await waitForJob(api.client, job.id, (j) => j.progress > 0);
    await api.client.call('jobs.cancel', { id: job.id });
    const cancelled = await waitForJob(api.client, job.id, (j) => j.status === 'cancelled');
    expect(cancelled.error?.message).toMatch(/cancel/i);
    expect(cancelled.progress).toBeLessThan(1);
    const again = await rejection(api.client.call('jobs.cancel', { id: job.id }));
    expect(again.code).toBe('CONFLICT');
  });

  it('reports a failing job with its error in words', async () => {
    await api.client.call('project.create', { dir: path.join(work.dir, 'p') });
    const job = await api.client.call('demo.start', { steps: 5, stepMs: 1, failAtStep: 3 });
    const failed = await waitForJob(api.client, job.id, (j) => j.status === 'failed');
    expect(failed.error?.message).toBe('Demo failure requested at step 3');
  });

  it('writes every mutating call to the audit log with who and what', async () => {
    const dir = path.join(work.dir, 'p');
    await api.client.call('project.create', { dir, name: 'Audited' });
    const job = await api.client.call('demo.start', { steps: 1, stepMs: 0 });
    await api.client.call('jobs.list'); // reads are not audited
    const entries = await api.client.call('audit.list');
    expect(entries.map((e) => e.action)).toEqual(['demo.start', 'project.create']);
    expect(entries.every((e) => e.actor === 'test-user' && e.outcome === 'ok')).toBe(true);
    expect(entries[1]).toMatchObject({ target: 'Audited', details: { dir, name: 'Audited' } });
    expect(Date.parse(entries[0]!.at)).not.toBeNaN();
    await waitForJob(api.client, job.id, (j) => j.status === 'succeeded');
  });

  it('audits a refused mutation as an error', async () => {
    await api.client.call('project.create', { dir: path.join(work.dir, 'p') });
    await rejection(api.client.call('jobs.cancel', { id: 'no-such-job' }));
    const [latest] = await api.client.call('audit.list', { limit: 1 });
    expect(latest).toMatchObject({ action: 'jobs.cancel', outcome: 'error', target: 'no-such-job' });
  });
});
