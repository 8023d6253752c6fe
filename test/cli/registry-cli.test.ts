import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlcycle } from '../helpers/cli';
import { tempDir } from '../helpers/temp';
import { shopCsv } from '../integration/package/shop-data';

/** `mlcycle registry …` as a team lead types it: register, refuse, approve, promote, export. */
describe('mlcycle registry', () => {
  const tmp = tempDir();
  const env = { MLCYCLE_HOME: path.join(tmp.dir, 'home'), MLCYCLE_USER: 'ana' };
  const project = path.join(tmp.dir, 'p');
  const run = (args: string[]) => mlcycle([...args, '--project', project], { env, cwd: tmp.dir });

  beforeAll(() => {
    expect(mlcycle(['init', project], { env }).status).toBe(0);
    fs.writeFileSync(path.join(tmp.dir, 'shop.csv'), shopCsv(1500));
    expect(run(['data', 'import', 'shop.csv', '--target', 'bought', '--no-profile']).status).toBe(0);
    const trained = run(['train', '--dataset', 'shop', '--model', 'gbdt', '--exclude', 'tier', '--exclude', 'spend', '--params', 'nEstimators=20', '--name', 'trees']);
    expect(trained.status, trained.stderr).toBe(0);
  }, 120_000);
  afterAll(() => tmp.cleanup());

  it('registers a run as version 1 and lists it', { timeout: 120_000 }, () => {
    const registered = run(['registry', 'register', 'trees', '--model', 'churn', '--tag', 'baseline', '--json']);
    expect(registered.status, registered.stderr).toBe(0);
    expect(JSON.parse(registered.stdout)).toMatchObject({ model: 'churn', version: 1, tags: ['baseline'], parity: { passed: true } });
    const listed = run(['registry', 'list']);
    expect(listed.stdout).toMatch(/^MODEL\s+VERSIONS\s+LATEST\s+ALIASES\s+TAGS\nchurn\s+1\s+v1\s+—\s+—$/m);
    expect(run(['registry', 'list', 'churn']).stdout).toMatch(/v1\s+—\s+trees\s+gbdt\s+.*passed\s+0\s+\d{4}-\d\d-\d\d ana\s+baseline$/m);
  });

  it('refuses a promotion with exit status 1, naming each failed gate, then promotes after approval', { timeout: 60_000 }, () => {
    const refused = run(['registry', 'promote', 'churn', '1']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/refused by 2 gates/);
    expect(refused.stderr).toMatch(/FAIL\s+primary_metric\s+The objective sets no primary metric/);
    expect(refused.stderr).toMatch(/FAIL\s+approvals\s+Needs 1 approval from a reviewer; has 0\. Ask a reviewer to approve it/);
    const json = run(['registry', 'promote', 'churn', '1', '--json']);
    expect(JSON.parse(json.stdout).error).toMatchObject({ code: 'GATE_FAILED', details: { failed: ['primary_metric', 'approvals'] } });

    expect(run(['registry', 'approve', 'churn', '1']).stderr).toMatch(/'ana', who is not in this project's people.*mlcycle people add --name "ana" --role reviewer/);
    expect(run(['people', 'add', '--name', 'ana', '--role', 'reviewer']).status).toBe(0);
    expect(run(['registry', 'approve', 'churn', 'v1', '--comment', 'holds up']).stdout).toBe('Approved churn v1 as ana (reviewer).\n');
    expect(run(['objective', 'set', '--task', 'binary', '--target', 'bought', '--metric', 'roc_auc', '--threshold', '0.6']).status).toBe(0);
    const promoted = run(['registry', 'promote', 'churn', '1']);
    expect(promoted.status, promoted.stderr).toBe(0);
    expect(promoted.stdout).toMatch(/^churn v1 is now the champion\.\n/);
    expect(promoted.stdout).toMatch(/PASS\s+approvals\s+Approved by ana, reviewer\./);

    const shown = run(['registry', 'show', 'churn', 'champion']);
    expect(shown.stdout).toMatch(/^churn v1 \[champion\] — run trees \(gbdt, binary\) on shop@1/);
    expect(shown.stdout).toMatch(/approvals: ana \(reviewer, \d{4}-\d\d-\d\d\): "holds up"/);
    expect(shown.stdout).toMatch(/lineage: shop@1 → .* → trees → package [0-9a-f]{12}… → churn v1/);
  });

  it('moves aliases, keeps champion for promote, and exports a package that verifies', { timeout: 60_000 }, () => {
    expect(run(['registry', 'alias', 'churn', 'challenger', '1']).stdout).toBe('churn: challenger → v1.\n');
    const champion = run(['registry', 'alias', 'churn', 'champion', '1']);
    expect(champion.status).toBe(1);
    expect(champion.stderr).toMatch(/production alias: promote a version to move it/);
    expect(run(['registry', 'alias', 'churn', 'challenger']).status).toBe(2);
    expect(run(['registry', 'alias', 'churn', 'challenger', '--remove']).stdout).toBe('Removed challenger from churn.\n');
    const exported = run(['registry', 'export', 'churn', 'champion', '--out', 'churn.mlpkg']);
    expect(exported.status, exported.stderr).toBe(0);
    const verified = run(['package', 'verify', 'churn.mlpkg']);
    expect(verified.stdout).toMatch(/^Verified: 6 files, signed by you/);
  });

  it('names a model or version that does not exist', () => {
    expect(run(['registry', 'show', 'nope', '1']).stderr).toMatch(/No registered model 'nope'\. Registered: churn\./);
    expect(run(['registry', 'show', 'churn', '7']).stderr).toMatch(/Model churn has no version 7 \(versions 1–1; aliases: champion\)/);
  });
});
