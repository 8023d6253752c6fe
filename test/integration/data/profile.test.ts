import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/shared/data/profile';
import { mutualInformation } from '../../../src/main/engine/data/stats';
import { profileOf as profileFor, waitForJob } from '../../helpers/jobs';
import { tempDir } from '../../helpers/temp';
import { inProcess, type Connected } from '../../helpers/transports';

/** Profile statistics checked against hand computations and closed forms, through the real job. */
describe('data profile', () => {
  const tmp = tempDir();
  let api: Connected;

  const importCsv = async (name: string, content: string, options: Record<string, unknown> = {}) => {
    const file = path.join(tmp.dir, `${name}.csv`);
    fs.writeFileSync(file, content);
    const job = await api.client.call('data.import', { source: { kind: 'csv', path: file }, options: { name, ...options } });
    const done = await waitForJob(api.client, job.id, (j) => j.status !== 'running' && j.status !== 'queued');
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
  };
  const profileOf = (ref: string): Promise<Profile> => profileFor(api.client, ref);

  beforeAll(async () => {
    api = await inProcess(path.join(tmp.dir, 'home'));
    await api.client.call('project.create', { dir: path.join(tmp.dir, 'project') });
  });
  afterAll(async () => {
    await api.close();
    tmp.cleanup();
  });

  it('matches hand-computed statistics on a small table', async () => {
    await importCsv('small', 'x,colour,flag,same,note\n1,red,1,k,a\n2,red,0,k,bb\n3,blue,1,k,\n4,,0,k,dddd\n100,red,1,k,a\n');
    const p = await profileOf('small');
    const x = p.columns.find((c) => c.name === 'x')!;
    expect(x).toMatchObject({ count: 5, missing: 0, distinct: 5 });
    const s = x.numeric!;
    expect(s.min).toBe(1);
    expect(s.max).toBe(100);
    expect(s.mean).toBeCloseTo(22, 10);
    // sample std: sqrt((21² + 20² + 19² + 18² + 78²) / 4) = sqrt(1902.5)
    expect(s.std).toBeCloseTo(Math.sqrt(1902.5), 10);
    // linear interpolation at (n − 1)·p: p5 → 1 + 0.2·1, p95 → 4 + 0.8·96
    expect(s.quantiles).toEqual({ p5: expect.closeTo(1.2, 10), p25: 2, p50: 3, p75: 4, p95: expect.closeTo(80.8, 10) });
    // IQR fence [2 − 3, 4 + 3] leaves out 100; |100 − 22| = 78 < 3·43.6, so no z outlier
    expect(s.outliersIqr).toBe(1);
    expect(s.outliersZ).toBe(0);
    expect(s.histogram.counts.reduce((a, b) => a + b, 0)).toBe(5);
    expect(s.histogram.counts[0]).toBe(4);
    expect(s.histogram.counts.at(-1)).toBe(1);
    expect(s.histogram.edges[0]).toBe(1);
    expect(s.histogram.edges.at(-1)).toBeCloseTo(100, 10);
    const colour = p.columns.find((c) => c.name === 'colour')!;
    expect(colour).toMatchObject({ count: 4, missing: 1, top: [{ value: 'red', count: 3 }, { value: 'blue', count: 1 }] });
    const note = p.columns.find((c) => c.name === 'note')!;
    expect(note.length).toEqual({ min: 1, max: 4, mean: 2 });
    expect(p.warnings.map((w) => `${w.kind}:${w.column}`)).toContain('constant:same');
  });

  it('gives closed-form values on an evenly spaced column, and ±1 correlations', async () => {
    const n = 20_001;
    const lines = ['u,twice,mirror,noise'];
    for (let i = 0; i < n; i++) lines.push(`${i / (n - 1)},${(2 * i) / (n - 1)},${1 - i / (n - 1)},${(i * 7919) % 101}`);
    await importCsv('grid', `${lines.join('\n')}\n`);
    const p = await profileOf('grid');
    const u = p.columns.find((c) => c.name === 'u')!.numeric!;
    expect(u.mean).toBeCloseTo(0.5, 12);
    // sample variance of i/(n−1), i = 0..n−1: n(n+1) / (12 (n−1)²)
    expect(u.std).toBeCloseTo(Math.sqrt((n * (n + 1)) / (12 * (n - 1) ** 2)), 12);
    expect(u.quantiles.p5).toBeCloseTo(0.05, 12);
    expect(u.quantiles.p50).toBeCloseTo(0.5, 12);
    expect(u.quantiles.p95).toBeCloseTo(0.95, 12);
    expect(u.skewness).toBeCloseTo(0, 6);
    // an even spread fills the 30 bins evenly (± one value at the edges)
    for (const count of u.histogram.counts) expect(Math.abs(count - n / 30)).toBeLessThanOrEqual(2);
    const at = (a: string, b: string) => p.pearson.matrix[p.pearson.columns.indexOf(a)]![p.pearson.columns.indexOf(b)]!;
    expect(at('u', 'twice')).toBeCloseTo(1, 12);
    expect(at('u', 'mirror')).toBeCloseTo(-1, 12);
    expect(Math.abs(at('u', 'noise'))).toBeLessThan(0.05);
    expect(p.duplicateRows).toBe(0);
  });

  it('gives exact quantiles and outlier counts on skewed data, and when one outlier crowds every value into one bin', async () => {
    // 250,000 rows: the crowded column puts every value but one into the first fine bin, more than
    // the binned method will fetch, so it takes the other exact path; both must equal a full sort.
    const n = 250_000;
    let seed = 11;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const skewed: number[] = [];
    const crowded: number[] = [];
    const lines = ['skewed,crowded'];
    for (let i = 0; i < n; i++) {
      skewed.push(Math.round(Math.exp(rand() * 5) * 1000) / 1000);
      crowded.push(i === 0 ? 1e12 : Math.round(rand() * 1e6) / 1e6);
      lines.push(`${skewed[i]},${crowded[i]}`);
    }
    await importCsv('crowd', `${lines.join('\n')}\n`);
    const p = await profileOf('crowd');
    for (const [name, values] of [['skewed', skewed], ['crowded', crowded]] as const) {
      const sorted = Float64Array.from(values).sort();
      const numpy = (q: number) => {
        const h = (n - 1) * q;
        const lo = Math.floor(h);
        return sorted[lo]! + (h - lo) * (sorted[Math.min(lo + 1, n - 1)]! - sorted[lo]!);
      };
      const s = p.columns.find((c) => c.name === name)!.numeric!;
      expect(s.quantiles.p5).toBeCloseTo(numpy(0.05), 9);
      expect(s.quantiles.p25).toBeCloseTo(numpy(0.25), 9);
      expect(s.quantiles.p50).toBeCloseTo(numpy(0.5), 9);
      expect(s.quantiles.p75).toBeCloseTo(numpy(0.75), 9);
      expect(s.quantiles.p95).toBeCloseTo(numpy(0.95), 9);
      const iqr = numpy(0.75) - numpy(0.25);
      expect(s.outliersIqr).toBe(values.filter((v) => v < numpy(0.25) - 1.5 * iqr || v > numpy(0.75) + 1.5 * iqr).length);
      expect(s.histogram.counts.reduce((a, b) => a + b, 0)).toBe(n);
    }
  });

  it('describes the target, flags leakage, IDs, duplicates and imbalance in words', async () => {
    const lines = ['id,leaky,tenure,plan,churned'];
    for (let i = 0; i < 2000; i++) {
      const churned = i % 25 === 0 ? 1 : 0; // 4% positives
      lines.push(`${i},${churned * 10 + (i % 3) * 0.001},${i % 40},${['a', 'b', 'c'][i % 3]},${churned}`);
    }
    lines.push(lines[lines.length - 1]!, lines[lines.length - 1]!); // two exact duplicates
    await importCsv('churn', `${lines.join('\n')}\n`, { target: 'churned', semantic: { churned: 'categorical' } });
    const p = await profileOf('churn');
    expect(p.target).toMatchObject({ column: 'churned', kind: 'classification' });
    expect(p.target!.classBalance).toEqual([
      { value: '0', count: 1922 },
      { value: '1', count: 80 },
    ]);
    expect(p.target!.associations[0]!.column).toBe('leaky');
    const kinds = p.warnings.map((w) => `${w.kind}:${w.column}`);
    expect(kinds).toEqual(expect.arrayContaining(['leakage:leaky', 'id_like:id', 'duplicates:null', 'imbalanced:churned']));
    expect(p.warnings.find((w) => w.kind === 'duplicates')!.message).toMatch(/^2 rows/);
  });

  it('answers whether a profile exists without starting one, and joins a running job', async () => {
    await importCsv('fresh', 'a,b\n1,2\n3,4\n', { profile: false });
    expect(await api.client.call('data.profile', { ref: 'fresh', start: false })).toEqual({ profile: null, job: null });
    const first = await api.client.call('data.profile', { ref: 'fresh' });
    const second = await api.client.call('data.profile', { ref: 'fresh' });
    if (second.job) expect(second.job.id).toBe(first.job!.id);
    await waitForJob(api.client, first.job!.id, (j) => j.status === 'succeeded');
    expect((await api.client.call('data.profile', { ref: 'fresh', start: false })).profile?.rows).toBe(2);
  });

  it('profiles a new version in the import job: the cached profile equals a separate profile job', async () => {
    await importCsv('inline', 'x,colour,y\n1,red,0\n2,red,1\n3,blue,1\n,green,0\n40,red,1\n', { target: 'y', semantic: { y: 'categorical' } });
    const inline = await api.client.call('data.profile', { ref: 'inline', start: false });
    expect(inline.job).toBeNull();
    const forced = await api.client.call('data.profile', { ref: 'inline', force: true });
    await waitForJob(api.client, forced.job!.id, (j) => j.status === 'succeeded');
    const separate = await api.client.call('data.profile', { ref: 'inline' });
    const comparable = (p: typeof inline.profile) => ({ ...p!, seconds: 0, computedAt: '' });
    expect(comparable(inline.profile)).toEqual(comparable(separate.profile));
    // Checked by hand: red 3, blue 1, green 1; x's median of 1, 2, 3, 40 is 2.5.
    expect(inline.profile!.columns[1]!.top).toEqual([{ value: 'red', count: 3 }, { value: 'blue', count: 1 }, { value: 'green', count: 1 }]);
    expect(inline.profile!.columns[0]!.numeric!.quantiles.p50).toBe(2.5);
  });

  it('caches the profile per version and recomputes after the target changes', async () => {
    const cached = await api.client.call('data.profile', { ref: 'small' });
    expect(cached.job).toBeNull();
    expect(cached.profile).not.toBeNull();
    await api.client.call('data.setColumn', { ref: 'small', column: 'flag', target: true });
    const again = await api.client.call('data.profile', { ref: 'small' });
    expect(again.profile).toBeNull();
    expect(again.job?.kind).toBe('data.profile');
    await waitForJob(api.client, again.job!.id, (j) => j.status === 'succeeded');
    expect((await api.client.call('data.profile', { ref: 'small' })).profile!.target?.column).toBe('flag');
  });
});

describe('mutual information', () => {
  it('is zero for independent variables and the entropy for identical ones', () => {
    const independent = [
      { x: 'a', y: '0', n: 25 },
      { x: 'a', y: '1', n: 25 },
      { x: 'b', y: '0', n: 25 },
      { x: 'b', y: '1', n: 25 },
    ];
    expect(mutualInformation(independent)).toBeCloseTo(0, 12);
    const identical = [
      { x: 'a', y: 'a', n: 50 },
      { x: 'b', y: 'b', n: 50 },
    ];
    expect(mutualInformation(identical)).toBeCloseTo(Math.log(2), 12);
    expect(mutualInformation([])).toBe(0);
  });
});

describe('heavier analyses', () => {
  const tmp = tempDir();
  let api: Connected;
  beforeAll(async () => {
    api = await inProcess(path.join(tmp.dir, 'home'));
    await api.client.call('project.create', { dir: path.join(tmp.dir, 'project') });
  });
  afterAll(async () => {
    await api.close();
    tmp.cleanup();
  });

  it('computes Spearman, anomalies, PCA and clusters on a sample in a second job', async () => {
    // x and x³ are perfectly monotonic (Spearman 1, Pearson below 1); a ties b in blocks of 10
    const lines = ['x,cube,blocky,group'];
    for (let i = 0; i < 3000; i++) {
      const x = (i - 1500) / 100;
      const group = i % 3;
      lines.push(`${x},${x ** 3},${Math.floor(i / 10)},g${group}`);
    }
    lines.push('400,64000000,300,g0'); // one row far from everything
    const file = path.join(tmp.dir, 'mono.csv');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const imported = await api.client.call('data.import', { source: { kind: 'csv', path: file }, options: { target: 'group' } });
    await waitForJob(api.client, imported.id, (j) => j.status === 'succeeded');

    const started = await api.client.call('data.analyze', { ref: 'mono' });
    expect(started.analysis).toBeNull();
    const done = await waitForJob(api.client, started.job!.id, (j) => j.status !== 'running' && j.status !== 'queued');
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    const { analysis } = await api.client.call('data.analyze', { ref: 'mono' });
    const a = analysis!;
    expect(a.features).toEqual(['x', 'cube', 'blocky']);
    const rho = (p: string, q: string) => a.spearman.matrix[a.features.indexOf(p)]![a.features.indexOf(q)]!;
    expect(rho('x', 'cube')).toBeCloseTo(1, 10);
    expect(rho('x', 'blocky')).toBeGreaterThan(0.999);
    expect(a.anomalies.top[0]!.row).toBe(3000);
    expect(a.pca.explained[0]).toBeGreaterThan(0.6);
    expect(a.clusters.inertia.map((c) => c.k)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(a.clusters.sizes.reduce((s, n) => s + n, 0)).toBe(a.sampleRows);
    expect(a.points.length).toBeGreaterThan(1000);
    expect(a.points[0]!.target).toMatch(/^g[012]$/);
    const chosen = await api.client.call('data.analyze', { ref: 'mono', k: 4 });
    expect(chosen.job).not.toBeNull();
  });
});
