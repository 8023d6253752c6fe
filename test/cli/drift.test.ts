import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlcycle } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

/**
 * `mlcycle drift` through the built CLI, as a CI step runs it: no project, two files, an exit status
 * to branch on (0 no dataset drift, 1 dataset drift, 2 cannot compare) and a message that names the
 * file and the problem.
 */
describe('mlcycle drift', () => {
  const tmp = tempDir('mlcycle-drift-cli-');
  const at = (name: string) => path.join(tmp.dir, name);
  const csv = (name: string, rows: Array<[number | string, string]>) => fs.writeFileSync(at(name), `x,plan\n${rows.map((r) => r.join(',')).join('\n')}\n`);
  const plans = ['basic', 'plus', 'pro'];
  beforeAll(() => {
    // x evenly over 0…99.667 and the plans in turn; the same values in another order; then x moved by 40 and every plan 'pro'.
    csv('reference.csv', Array.from({ length: 300 }, (_, i) => [(i / 3).toFixed(3), plans[i % 3]!]));
    csv('same.csv', Array.from({ length: 300 }, (_, i) => [(((i * 7) % 300) / 3).toFixed(3), plans[(i + 1) % 3]!]));
    csv('shifted.csv', Array.from({ length: 300 }, (_, i) => [(i / 3 + 40).toFixed(3), 'pro']));
    csv('words.csv', [['12.5', 'basic'], ['about ten', 'plus']]);
    fs.writeFileSync(at('book.xlsx'), 'binary');
  });
  afterAll(() => tmp.cleanup());

  it('exits 0 and prints the per-feature table when the dataset has not drifted', () => {
    const r = mlcycle(['drift', '--reference', 'reference.csv', '--current', 'same.csv'], { cwd: tmp.dir });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('same.csv (300 rows) against reference.csv (300 rows): dataset not drifted (0 of 2 judged features drifted)');
    expect(lines[1]).toMatch(/^FEATURE\s+TEST\s+STATISTIC\s+P-VALUE\s+DRIFT\s+NOTE$/);
    // The same values and the same counts: D = 0 and χ² = 0, both with p = 1.
    expect(lines[2]).toMatch(/^x\s+ks\s+0\s+1\s+no$/);
    expect(lines[3]).toMatch(/^plan\s+chisquare\s+0\s+1\s+no$/);
  });

  it('exits 1 on dataset drift, naming the drifted features; --json prints the report', () => {
    const r = mlcycle(['drift', '--reference', at('reference.csv'), '--current', at('shifted.csv')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/dataset DRIFTED \(2 of 2 judged features drifted\)/);
    expect(r.stdout).toMatch(/^x\s+ks\s+0\.4\s+[\d.e-]+\s+yes\s+120 out of range$/m);
    const json = mlcycle(['drift', '--reference', at('reference.csv'), '--current', at('shifted.csv'), '--json']);
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report.dataset).toMatchObject({ drifted: true, share: 1, driftedFeatures: ['x', 'plan'] });
    // By hand: below 40 the reference has 120 of its 300 values and the moved window none, and the
    // shift keeps that gap of 120/300 = 0.4 everywhere after. The window's i/3 + 40 exceeds the
    // reference's largest value 99.667 for i = 180…299: 120 values out of range.
    expect(report.features[0]).toMatchObject({ feature: 'x', test: 'ks', outOfRange: 120, rows: 300 });
    expect(report.features[0].statistic).toBeCloseTo(0.4, 12);
    expect(report.reference).toEqual({ file: at('reference.csv'), kind: 'file', rows: 300 });
  });

  it('takes the tests, thresholds and columns as flags', () => {
    const r = mlcycle(['drift', '--reference', at('reference.csv'), '--current', at('shifted.csv'), '--columns', 'x', '--numeric-test', 'wasserstein', '--threshold', '0.5', '--json']);
    const report = JSON.parse(r.stdout);
    // A shift by 40 is a Wasserstein distance of 40; the reference's sample sd (n − 1 in the denominator) is √(300·301/12)/3 = 28.9156.
    expect(report.features).toHaveLength(1);
    expect(report.features[0]).toMatchObject({ feature: 'x', test: 'wasserstein', threshold: 0.5, drifted: true });
    expect(report.features[0].statistic).toBeCloseTo(40 / 28.9156, 3);
    expect(report.policy).toMatchObject({ numericTest: 'wasserstein', distanceThreshold: 0.5, psiThreshold: 0.5, pValue: 0.05 });
    expect(r.status).toBe(1);
  });

  it('exits 2 with a message naming the file and the problem when the files cannot be compared', () => {
    const cases: Array<[string[], RegExp]> = [
      [['--reference', 'reference.csv', '--current', 'nowhere.csv'], /^mlcycle: The current file .*nowhere\.csv does not exist\.$/m],
      [['--reference', 'reference.csv', '--current', 'book.xlsx'], /^mlcycle: The current file .*book\.xlsx has extension \.xlsx, which drift cannot read: use \.csv, \.tsv, \.parquet, \.json, \.ndjson or \.jsonl\.$/m],
      [['--reference', 'reference.csv', '--current', 'words.csv'], /^mlcycle: Column 'x' holds numbers in the reference but VARCHAR values that are not numbers in the current file .*words\.csv \(for example 'about ten'\)\.$/m],
      [['--reference', 'reference.csv', '--current', 'same.csv', '--columns', 'price'], /^mlcycle: Column 'price' is not in the reference .*reference\.csv \(it has x, plan\)\.$/m],
      [['--reference', 'reference.csv', '--current', 'same.csv', '--p-value', '2'], /^mlcycle: --p-value must be between 0 and 1 \(got '2'\)$/m],
      [['--reference', 'reference.csv', '--current', 'same.csv', '--numeric-test', 'anova'], /^mlcycle: --numeric-test must be one of auto, ks, wasserstein, psi \(got 'anova'\)$/m],
      [['--reference', 'reference.csv'], /^mlcycle: name both files: mlcycle drift --reference <file\|package> --current <file>$/m],
    ];
    for (const [args, message] of cases) {
      const r = mlcycle(['drift', ...args], { cwd: tmp.dir });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stdout, args.join(' ')).toBe('');
    }
    // --json: the error's shape on stdout for scripts, still exit 2.
    const json = mlcycle(['drift', '--reference', 'reference.csv', '--current', 'nowhere.csv', '--json'], { cwd: tmp.dir });
    expect(json.status).toBe(2);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });
});
