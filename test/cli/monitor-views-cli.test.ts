import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlcycle } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

/** `mlcycle monitor pull|status|report` before anything is deployed: what a new user sees first. */
describe('mlcycle monitor pull, status and report', () => {
  const tmp = tempDir();
  const env = { MLCYCLE_HOME: path.join(tmp.dir, 'home'), MLCYCLE_USER: 'ana' };
  const project = path.join(tmp.dir, 'shop');
  const run = (args: string[]) => mlcycle([...args, '--project', project], { env });

  beforeAll(() => {
    expect(mlcycle(['init', project, '--name', 'Shop'], { env }).status).toBe(0);
    expect(run(['targets', 'add', 'laptop', '--kind', 'local', '--port', '0']).status).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it('shows each target with nothing live and never pulled', () => {
    const shown = run(['monitor', 'status']);
    expect(shown.status, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/laptop\s+—\s+never\s+0\s+0\s+0/);
    const json = JSON.parse(run(['monitor', 'status', '--json']).stdout);
    expect(json).toEqual([{ target: 'laptop', model: null, version: null, lastPullAt: null, lastError: null, rowsCollected: 0, labeledRows: 0, openAlerts: 0 }]);
  });

  it('says there is nothing to pull until a model is deployed', () => {
    const pulled = run(['monitor', 'pull']);
    expect(pulled.status).toBe(0);
    expect(pulled.stdout).toContain('No deployments to pull from');
  });

  it('asks for the target, and says what to do when nothing is deployed there', () => {
    const noTarget = run(['monitor', 'report']);
    expect(noTarget.status).toBe(2);
    expect(noTarget.stderr).toContain('name the target');
    const out = path.join(tmp.dir, 'r.html');
    const nothing = run(['monitor', 'report', '--target', 'laptop', '--out', out]);
    expect(nothing.status).toBe(1);
    expect(nothing.stderr).toContain('Nothing is deployed to laptop: deploy a model version there first.');
    expect(fs.existsSync(out)).toBe(false);
  });
});
