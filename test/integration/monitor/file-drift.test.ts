import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileDrift } from '../../../src/main/engine/monitor/file-drift';
import { SAMPLE_SIZE } from '../../../src/main/engine/monitor/file-drift-ranks';
import { FINE_BINS, referenceFromSource } from '../../../src/main/engine/monitor/file-drift-reference';
import { categoricalReference, numericReference } from '../../../src/main/engine/registry/reference-profile';
import { DEFAULT_POLICY } from '../../../src/shared/governance/policy';
import { ksStatistic, normalizedWasserstein, sampleStd, wasserstein } from '../../../src/shared/monitor/drift-stats';
import { featureDrift } from '../../../src/shared/monitor/feature-drift';
import { histogram } from '../../../src/shared/monitor/bins';
import { servedPackage } from '../../helpers/served-package';
import { tempDir } from '../../helpers/temp';

const policy = DEFAULT_POLICY.monitoring;

/**
 * `mlcycle drift`'s engine on real files in a temp folder, read by a real DuckDB. Expected values
 * come the independent way: every value read into JS, the reference profiled by
 * reference-profile.ts (which sorts whole columns, as a package's profile is made), and the exact
 * statistics computed by drift-stats.ts on all rows.
 */
describe('drift between two data files', () => {
  const tmp = tempDir('mlcycle-file-drift-');
  const file = (name: string) => path.join(tmp.dir, name);
  let instance: DuckDBInstance;
  let con: DuckDBConnection;
  const column = async (f: string, name: string) =>
    (await con.runAndReadAll(`SELECT "${name}" FROM '${f}'`)).getRows().map((r) => (typeof r[0] === 'bigint' ? Number(r[0]) : (r[0] as number | string | null)));

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    con = await instance.connect();
    // Deterministic pseudo-random columns: x skewed with missing values, plan a category, at a timestamp.
    const rows = (n: number, seed: number, shift: string) => `SELECT
        CASE WHEN i % 23 = 0 THEN NULL ELSE round(exp(3 * ((hash(i * 7 + ${seed}) % 100000) / 100000.0)) ${shift}, 3) END AS x,
        ['basic', 'plus', 'pro'][1 + (hash(i * 13 + ${seed}) % 3)::INT] AS plan,
        (hash(i + ${seed}) % 10)::INT AS score,
        TIMESTAMP '2025-01-01' + to_seconds(i) AS at
      FROM range(${n}) t(i)`;
    await con.run(`COPY (${rows(800, 1, '')}) TO '${file('reference.csv')}' (HEADER)`);
    await con.run(`COPY (${rows(600, 2, '')}) TO '${file('same.parquet')}' (FORMAT parquet)`);
    await con.run(`COPY (${rows(600, 3, '* 1.4')}) TO '${file('shifted.parquet')}' (FORMAT parquet)`);
    await con.run(`COPY (SELECT * EXCLUDE ("at") FROM (${rows(300, 4, '+ 2')})) TO '${file('shifted.ndjson')}' (FORMAT json)`);
    await con.run(`COPY (${rows(300, 5, '')}) TO '${file('same.tsv')}' (HEADER, DELIMITER '\t')`);
    await con.run(`COPY (SELECT x::VARCHAR || CASE WHEN i = 7 THEN ' kg' ELSE '' END AS x, plan FROM (SELECT *, row_number() OVER () AS i FROM (${rows(200, 6, '')}))) TO '${file('text.csv')}' (HEADER)`);
    await con.run(`COPY (SELECT i AS other FROM range(10) t(i)) TO '${file('unrelated.csv')}' (HEADER)`);
    fs.writeFileSync(file('empty.csv'), '');
    fs.writeFileSync(file('header-only.csv'), 'x,plan\n');
    fs.writeFileSync(file('notes.xlsx'), 'not a table');
  });
  afterAll(() => {
    con.closeSync();
    instance.closeSync();
    tmp.cleanup();
  });

  it('on a small reference file gives exactly what the tests give on the sorted-column profile (KS and chi-square)', async () => {
    const report = await fileDrift(file('reference.csv'), file('shifted.parquet'));
    const [refX, refPlan, refScore, curX, curPlan, curScore] = await Promise.all([
      column(file('reference.csv'), 'x'),
      column(file('reference.csv'), 'plan'),
      column(file('reference.csv'), 'score'),
      column(file('shifted.parquet'), 'x'),
      column(file('shifted.parquet'), 'plan'),
      column(file('shifted.parquet'), 'score'),
    ]);
    const numeric = (name: string, values: Array<number | string | null>) => numericReference(name, Float64Array.from(values, (v) => (v === null ? Number.NaN : Number(v))));
    const expected = [
      featureDrift(numeric('x', refX), 800, curX, policy),
      featureDrift(categoricalReference('plan', refPlan as Array<string | null>), 800, curPlan, policy),
      featureDrift(numeric('score', refScore), 800, curScore, policy),
    ];
    // Equal, up to the order a sum over categories was added in.
    expect(report.features).toEqual(expected.map((f) => ({ ...f, statistic: expect.closeTo(f.statistic, 12), pValue: f.pValue === null ? null : expect.closeTo(f.pValue, 12) })));
    expect(report.features.map((f) => [f.feature, f.test, f.drifted])).toEqual([
      ['x', 'ks', true],
      ['plan', 'chisquare', false],
      ['score', 'ks', false],
    ]);
    expect(report.dataset).toMatchObject({ drifted: false, judged: 3, driftedFeatures: ['x'] });
    expect(report.notCompared).toEqual([{ column: 'at', reason: 'TIMESTAMP values are neither numbers nor categories' }]);
    expect(report.reference).toEqual({ file: file('reference.csv'), kind: 'file', rows: 800 });
    expect(report.current).toEqual({ file: file('shifted.parquet'), rows: 600 });
  });

  it('finds no drift between two draws of the same distribution, from CSV, TSV and Parquet', async () => {
    for (const current of ['same.parquet', 'same.tsv']) {
      const report = await fileDrift(file('reference.csv'), file(current));
      expect(report.features.map((f) => f.drifted), current).toEqual([false, false, false]);
      expect(report.dataset.drifted).toBe(false);
    }
  });

  it('reads NDJSON, follows the policy it is given, and compares only the columns asked for', async () => {
    const report = await fileDrift(file('reference.csv'), file('shifted.ndjson'), { columns: ['x', 'plan'], policy: { ...policy, numericTest: 'psi', datasetDriftShare: 0.5 } });
    expect(report.features.map((f) => [f.feature, f.test])).toEqual([
      ['x', 'psi'],
      ['plan', 'chisquare'],
    ]);
    expect(report.features[0]).toMatchObject({ drifted: true, threshold: 0.2 });
    expect(report.dataset).toMatchObject({ drifted: true, share: 0.5 });
    expect(report.notCompared).toEqual([]);
  });

  it('names the file and the problem when the input is wrong', async () => {
    const fails = (reference: string, current: string, options = {}) => fileDrift(reference, current, options);
    await expect(fails(file('reference.csv'), file('missing.csv'))).rejects.toThrow(`The current file ${file('missing.csv')} does not exist.`);
    await expect(fails(file('missing.parquet'), file('same.parquet'))).rejects.toThrow(`The reference file ${file('missing.parquet')} does not exist.`);
    await expect(fails(file('reference.csv'), file('notes.xlsx'))).rejects.toThrow(`The current file ${file('notes.xlsx')} has extension .xlsx, which drift cannot read`);
    await expect(fails(file('reference.csv'), file('empty.csv'))).rejects.toThrow(`The current file ${file('empty.csv')} is empty.`);
    await expect(fails(file('reference.csv'), file('header-only.csv'))).rejects.toThrow(`The current file ${file('header-only.csv')} has no rows.`);
    await expect(fails(file('reference.csv'), file('unrelated.csv'))).rejects.toThrow(/have no column in common to compare \(reference: x, plan, score, at; current: other\)/);
    await expect(fails(file('reference.csv'), file('text.csv'))).rejects.toThrow(`Column 'x' holds numbers in the reference but VARCHAR values that are not numbers in the current file ${file('text.csv')} (for example '`);
    await expect(fails(file('reference.csv'), file('same.parquet'), { columns: ['x', 'price'] })).rejects.toThrow(`Column 'price' is not in the reference ${file('reference.csv')}`);
    await expect(fails(tmp.dir, file('same.parquet'))).rejects.toThrow(`The reference ${tmp.dir} is not a model package: it has no reference-profile.json.`);
  });

  it('bounds the error of the 1,000-value sample on a large reference against the exact statistics on every row', async () => {
    // 600,000 rows: above the exact limit, so the profile takes one pass and its sample is interpolated.
    await con.run(`COPY (SELECT exp(2.5 * ((hash(i) % 1000003) / 1000003.0)) * 10 AS x FROM range(600000) t(i)) TO '${file('large.parquet')}' (FORMAT parquet)`);
    await con.run(`COPY (SELECT exp(2.5 * ((hash(i + 7) % 1000003) / 1000003.0)) * 10 + 4 AS x FROM range(40000) t(i)) TO '${file('window.parquet')}' (FORMAT parquet)`);
    const all = Float64Array.from((await column(file('large.parquet'), 'x')) as number[]);
    const current = (await column(file('window.parquet'), 'x')) as number[];
    await con.run(`CREATE OR REPLACE VIEW large AS SELECT * FROM '${file('large.parquet')}'`);
    const [profile] = await referenceFromSource(con, 'large', [{ name: 'x', kind: 'numeric' }]);
    if (profile?.kind !== 'numeric') throw new Error('expected a numeric profile');
    const exact = numericReference('x', all);
    const [min, max] = [exact.min!, exact.max!];
    const bin = (max - min) / (FINE_BINS - 1);
    // One pass: the ends exact, the inner edges within a fine bin of the deciles, the counts exactly
    // what bins.ts counts over every row with those edges, each sample value within a fine bin.
    expect([profile.edges[0], profile.edges.at(-1)]).toEqual([min, max]);
    profile.edges.forEach((edge, k) => expect(Math.abs(edge - exact.edges[k]!)).toBeLessThanOrEqual(bin));
    expect(profile.counts).toEqual(histogram(profile.edges, all));
    expect(profile.sample).not.toEqual(exact.sample);
    expect(Math.max(...profile.sample.map((x, k) => Math.abs(x - exact.sample[k]!)))).toBeLessThanOrEqual(bin);

    // Wasserstein: the reference enters as its sample S' (1,000 values), so by the triangle
    // inequality |W(S', C) − W(R, C)| ≤ W(R, S) + W(S, S') ≤ (max − min)/1000 + (max − min)/(fine bins − 1).
    const report = await fileDrift(file('large.parquet'), file('window.parquet'));
    const [feature] = report.features;
    expect(feature).toMatchObject({ feature: 'x', test: 'wasserstein', drifted: true });
    const sigmaSample = sampleStd(profile.sample);
    const sigmaAll = sampleStd(all);
    const wExact = wasserstein(all, current);
    const wSample = wasserstein(profile.sample, current);
    expect(Math.abs(wSample - wExact)).toBeLessThanOrEqual((max - min) / SAMPLE_SIZE + bin);
    expect(feature!.statistic).toBeCloseTo(wSample / sigmaSample, 12);
    // Normalised, as the verdict reads it: the bound above over the sample's sd, plus the sd's own error.
    const exactNormalised = normalizedWasserstein(all, current);
    const bound = ((max - min) / SAMPLE_SIZE + bin) / sigmaSample + exactNormalised * Math.abs(sigmaAll / sigmaSample - 1);
    expect(Math.abs(feature!.statistic - exactNormalised)).toBeLessThanOrEqual(bound);
    // What the bound leaves in practice on these rows (0.0009 when written): far below the 0.1 threshold.
    expect(Math.abs(sigmaAll / sigmaSample - 1)).toBeLessThan(0.005);
    expect(Math.abs(feature!.statistic - exactNormalised)).toBeLessThan(0.002);

    // KS forced on the same files: |F_S − F_R| ≤ 1/1000 for the exact sample, and moving a sample
    // value inside its bin moves F_S' by at most the sample values in that bin, so
    // |D(S', C) − D(R, C)| ≤ 1/1000 + (the largest share of rows in one fine bin) + 1/1000.
    const ks = (await fileDrift(file('large.parquet'), file('window.parquet'), { policy: { ...policy, numericTest: 'ks' } })).features[0]!;
    const densest = await con.runAndReadAll(`SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM large GROUP BY LEAST(GREATEST(x * ${(FINE_BINS - 1) / (max - min)} - ${(min * (FINE_BINS - 1)) / (max - min)}, 0), ${FINE_BINS - 1})::INTEGER)`);
    const share = Number(densest.getRows()[0]![0]) / all.length;
    expect(Math.abs(ks.statistic - ksStatistic(all, current))).toBeLessThanOrEqual(2 / SAMPLE_SIZE + share);
  }, 120_000);

  it('takes a model package as the reference: its profile, its training rows', async () => {
    const made = await servedPackage(path.join(tmp.dir, 'pkg'), 1500);
    const same = await fileDrift(made.packageDir, made.csv);
    const profile = JSON.parse(fs.readFileSync(path.join(made.packageDir, 'reference-profile.json'), 'utf8')) as { rows: number; features: Array<{ name: string }> };
    expect(same.reference).toEqual({ file: made.packageDir, kind: 'package', rows: profile.rows });
    expect(same.features.map((f) => f.feature)).toEqual(profile.features.map((f) => f.name));
    expect(same.dataset.drifted).toBe(false);
    // The columns the model does not take (the other targets) are listed, not compared.
    expect(same.notCompared.map((c) => c.column).sort()).toEqual(['bought', 'spend', 'tier']);
    const moved = path.join(tmp.dir, 'moved.csv');
    await con.run(`COPY (SELECT * REPLACE (a + 6 AS a, year - 15 AS year) FROM read_csv('${made.csv}')) TO '${moved}' (HEADER)`);
    const drifted = await fileDrift(made.packageDir, moved);
    expect(drifted.features.filter((f) => f.drifted).map((f) => f.feature).sort()).toEqual(['a', 'year']);
    expect(drifted.dataset.drifted).toBe(true);
  }, 240_000);
});
