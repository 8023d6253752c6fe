import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlcycle } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

/** `mlcycle data …` as a user types it. */
describe('mlcycle data', () => {
  const tmp = tempDir();
  const env = { MLCYCLE_HOME: path.join(tmp.dir, 'home'), MLCYCLE_USER: 'ana' };
  const project = path.join(tmp.dir, 'p');
  const run = (args: string[]) => mlcycle([...args, '--project', project], { env, cwd: tmp.dir });
  const csv = path.join(tmp.dir, 'loans.csv');

  beforeAll(() => {
    expect(mlcycle(['init', project], { env }).status).toBe(0);
    fs.writeFileSync(csv, 'id,amount,grade,defaulted\n1,1000,A,0\n2,2500,B,1\n3,400,A,0\n');
  });
  afterAll(() => tmp.cleanup());

  it('imports a CSV, then lists and shows it', () => {
    const imported = run(['data', 'import', 'loans.csv', '--target', 'defaulted', '--as', 'defaulted=categorical']);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stdout.trim()).toBe('Imported 3 rows as loans@1. Its profile: mlcycle data profile loans@1');
    expect(run(['data', 'import', 'loans.csv', '--json']).stdout).toContain('"reused": true');
    const list = JSON.parse(run(['data', 'list', '--json']).stdout);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ name: 'loans', versions: 1, latest: { rows: 3, target: 'defaulted' } });
    const shown = run(['data', 'show', 'loans@1', '--rows', '2']).stdout;
    expect(shown).toMatch(/^loans@1 {2}3 rows × 4 columns/);
    expect(shown).toMatch(/defaulted \(target\)\s+BIGINT\s+categorical/);
    expect(shown).toMatch(/1\s+1000\s+A\s+0/);
  });

  it('profiles and splits', () => {
    const profile = JSON.parse(run(['data', 'profile', 'loans', '--json']).stdout);
    expect(profile.columns.find((c: { name: string }) => c.name === 'amount').numeric.mean).toBeCloseTo(1300, 10);
    expect(run(['data', 'profile', 'loans']).stdout).toMatch(/^3 rows, 4 columns, 0 duplicate rows/);
    const split = run(['data', 'split', 'loans', '--strategy', 'random', '--ratios', '0.6,0.4', '--seed', '1']);
    expect(split.stdout).toMatch(/^Split loans@1: train 2, test 1/);
    expect(run(['data', 'split', 'loans', '--ratios', '0.5,0.2']).stderr).toContain('the shares must add up to 1');
  });

  it('cleans with a recipe file into a new version, with a preview first', () => {
    const recipe = path.join(tmp.dir, 'recipe.json');
    fs.writeFileSync(recipe, JSON.stringify({ steps: [{ op: 'filter', where: 'amount > 500' }, { op: 'derive', name: 'big', expression: 'amount > 2000' }] }));
    const preview = run(['data', 'clean', 'loans', '--recipe', recipe, '--preview']).stdout;
    expect(preview).toContain('-- 1. filter');
    expect(preview).toMatch(/2\s+2500\s+B\s+1\s+true/);
    expect(run(['data', 'clean', 'loans', '--recipe', recipe]).stdout.trim()).toBe('Wrote loans@2 (2 rows) from loans@1.');
    fs.writeFileSync(recipe, '{"steps": [ {"op": "filter", "where": "amount >" ]}');
    expect(run(['data', 'clean', 'loans', '--recipe', recipe]).stderr).toMatch(/recipe\.json:1:\d+: not valid JSON/);
  });

  it('lists unlabelled rows and labels them into a new version', () => {
    const csv = path.join(tmp.dir, 'tickets.csv');
    fs.writeFileSync(csv, 'text,urgent\nserver down,yes\nprinter jam,\nlogin fails,\n');
    run(['data', 'import', csv, '--target', 'urgent', '--type', 'urgent=VARCHAR']);
    const queue = run(['data', 'label', 'tickets']).stdout;
    expect(queue).toMatch(/^2 rows unlabelled; the first 2:/);
    expect(queue).toMatch(/1\s+printer jam/);
    expect(run(['data', 'label', 'tickets', '--set', '1=no', '--set', '2=yes']).stdout.trim()).toBe('Wrote tickets@2 with 2 new labels (from tickets@1).');
    expect(run(['data', 'label', 'tickets']).stdout.trim()).toBe('Every row is labelled.');
  });

  it('stops at a malformed row with file and line, or skips it when asked', () => {
    const bad = path.join(tmp.dir, 'bad.csv');
    fs.writeFileSync(bad, 'a,b\n1,2\n3,4,5\n');
    const failed = run(['data', 'import', bad]);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(`${bad}, line 3: Expected Number of Columns: 2 Found: 3`);
    const skipped = run(['data', 'import', bad, '--skip-bad-rows']);
    expect(skipped.stdout.trim()).toBe('Imported 1 rows as bad@1 (1 malformed rows skipped). Its profile: mlcycle data profile bad@1');
  });

  it('refuses bad usage with exit 2', () => {
    expect(run(['data', 'import', 'db.sqlite']).stderr).toContain('a SQLite import needs --table T');
    expect(run(['data', 'import', 'loans.csv', '--type', 'nonsense']).status).toBe(2);
    const missing = run(['data', 'show', 'nope']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/No dataset 'nope'\. Datasets: bad, loans/);
  });
});
