import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, mlcycle } from '../helpers/cli';
import { deployChurnLocally } from '../helpers/local-deployment';
import { tempDir } from '../helpers/temp';

/** `mlcycle simulate` as a team runs it against a local deployment. */
describe('mlcycle simulate', () => {
  const tmp = tempDir();
  const project = path.join(tmp.dir, 'project');
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    // Deployed from an engine in this process: the local server outlives it, as after `mlcycle deploy`.
    const local = await deployChurnLocally(tmp.dir);
    env = { MLCYCLE_HOME: local.homeDir };
    await local.api.close();
    expect(local.deployment.status).toBe('live');
  }, 300_000);
  afterAll(() => {
    mlcycle(['deploy', 'undeploy', '--target', 'laptop', '--project', project], { env });
    tmp.cleanup();
  });

  it('sends rows at the rate asked, shifts from a row on, and writes the labels', () => {
    const labels = path.join(tmp.dir, 'truth.csv');
    const r = mlcycle(['simulate', '--target', 'laptop', '--from', 'shop', '--rate', '40', '--rows', '20', '--shift', "plan='premium'", '--shift-after', '10', '--labels-out', labels, '--project', project], { env });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Done: 20 rows sent in 20 requests, 0 errors, [\d.]+ rows\/s, 10 shifted to churn v1 on laptop \(20 rows to send, [\d.]+ s\)$/m);
    expect(r.stdout).toContain(`20 labels written to ${labels}`);
    expect(fs.readFileSync(labels, 'utf8').trim().split('\n')).toHaveLength(21);
  }, 60_000);

  it('prints the summary as JSON', () => {
    const r = mlcycle(['simulate', '--target', 'laptop', '--from', 'shop', '--rate', '200', '--rows', '9', '--batch', '4', '--project', project, '--json'], { env });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ target: 'laptop', rowsSent: 9, requests: 3, errors: 0, rowsShifted: 0, stopped: false });
  }, 60_000);

  it('refuses a bad command line (exit 2) and a shift of an unknown feature (exit 1, named)', () => {
    const noRate = mlcycle(['simulate', '--target', 'laptop', '--from', 'shop', '--project', project], { env });
    expect(noRate.status).toBe(2);
    expect(noRate.stderr).toContain('--rate N');
    const badShift = mlcycle(['simulate', '--target', 'laptop', '--from', 'shop', '--rate', '5', '--shift', 'income', '--project', project], { env });
    expect(badShift.status).toBe(2);
    expect(badShift.stderr).toContain('--shift takes feature=SQL-expression');
    const unknown = mlcycle(['simulate', '--target', 'laptop', '--from', 'shop', '--rate', '5', '--shift', 'income=income*2', '--project', project], { env });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("mlcycle: --shift income: the model has no input 'income'; its inputs are a, year, plan, flag.");
  }, 60_000);

  it('stops cleanly on Ctrl-C and prints what it sent', async () => {
    const child = spawn(process.execPath, [BIN, 'simulate', '--target', 'laptop', '--from', 'shop', '--rate', '20', '--project', project], { env: { ...process.env, ...env } });
    let out = '';
    child.stdout.on('data', (c) => {
      out += c;
      // Interrupt once it has reported progress: it is sending.
      if (/rows sent/.test(out) && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(code).toBe(0);
    const summary = /^Stopped: (\d+) rows sent in (\d+) requests, 0 errors/m.exec(out);
    expect(summary, out).not.toBeNull();
    expect(Number(summary![1])).toBeGreaterThan(0);
    expect(Number(summary![1])).toBeLessThan(1500);
  }, 60_000);
});
