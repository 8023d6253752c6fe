import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mlcycle, startUiHost, type RunningHost } from '../helpers/cli';
import { waitForJob } from '../helpers/jobs';
import { tempDir } from '../helpers/temp';
import { connectClient } from '../helpers/ws-client';

/**
 * A real engine process is killed with SIGKILL mid-job: no shutdown code runs. After a restart the
 * job must read "interrupted" and everything committed before the kill must still be there.
 */
describe('engine killed with kill -9', () => {
  const tmp = tempDir();
  const env = { MLCYCLE_HOME: path.join(tmp.dir, 'home'), MLCYCLE_USER: 'kill-test' };
  const project = path.join(tmp.dir, 'project');
  const hosts: RunningHost[] = [];
  afterAll(async () => {
    await Promise.all(hosts.map((h) => h.stop()));
    tmp.cleanup();
  });

  it('shows the running job as interrupted and keeps what was committed', async () => {
    expect(mlcycle(['init', project, '--name', 'Survivor'], { env }).status).toBe(0);

    const first = await startUiHost(['--project', project], env);
    hosts.push(first);
    const a = await connectClient(first.port, first.token);
    const finished = await a.client.call('demo.start', { steps: 3, stepMs: 10 });
    const done = await waitForJob(a.client, finished.id, (j) => j.status === 'succeeded');
    const long = await a.client.call('demo.start', { steps: 10_000, stepMs: 50 });
    await waitForJob(a.client, long.id, (j) => j.progress > 0);
    a.close();

    process.kill(first.child.pid!, 'SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    expect(first.child.signalCode).toBe('SIGKILL');

    const second = await startUiHost(['--project', project], env);
    hosts.push(second);
    const b = await connectClient(second.port, second.token);
    const interrupted = await b.client.call('jobs.get', { id: long.id });
    expect(interrupted.status).toBe('interrupted');
    expect(interrupted.error?.message).toMatch(/engine stopped while this job was running/);
    expect(interrupted.finishedAt).not.toBeNull();
    expect(await b.client.call('jobs.get', { id: finished.id })).toEqual(done);
    const actions = (await b.client.call('audit.list')).map((e) => `${e.actor} ${e.action}`);
    expect(actions).toEqual(['kill-test demo.start', 'kill-test demo.start', 'kill-test project.create']);
    expect((await b.client.call('project.current'))?.name).toBe('Survivor');
    b.close();
    await second.stop();

    const db = new Database(path.join(project, 'project.db'), { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });
});
