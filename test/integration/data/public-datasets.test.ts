import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../../src/shared/data/profile';
import { profileOf as profileFor, succeeded } from '../../helpers/jobs';
import { tempDir } from '../../helpers/temp';
import { inProcess, type Connected } from '../../helpers/transports';

/**
 * Real public data shipped in the vega-datasets npm package (BSD-3-Clause), checked against
 * published values: Anscombe's quartet (Anscombe 1973) and the Palmer penguins (Gorman et al. 2014).
 */
// The package exports only its JS entry, so its data files are found by path.
const data = (name: string) => path.join(import.meta.dirname, '../../../node_modules/vega-datasets/data', name);

describe('public datasets', () => {
  const tmp = tempDir();
  let api: Connected;
  const run = (job: { id: string }) => succeeded(api.client, job);
  const profileOf = (ref: string): Promise<Profile> => profileFor(api.client, ref);

  beforeAll(async () => {
    api = await inProcess(path.join(tmp.dir, 'home'));
    await api.client.call('project.create', { dir: path.join(tmp.dir, 'project') });
  });
  afterAll(async () => {
    await api.close();
    tmp.cleanup();
  });

  it("reproduces Anscombe's published statistics for series I", async () => {
    await run(await api.client.call('data.import', { source: { kind: 'json', path: data('anscombe.json') } }));
    await run(await api.client.call('data.clean', { ref: 'anscombe', name: 'anscombe-i', recipe: { steps: [{ op: 'filter', where: "Series = 'I'" }] } }));
    const p = await profileOf('anscombe-i');
    const x = p.columns.find((c) => c.name === 'X')!.numeric!;
    const y = p.columns.find((c) => c.name === 'Y')!.numeric!;
    expect(p.rows).toBe(11);
    expect(x.mean).toBeCloseTo(9, 10); // mean of x: 9
    expect(x.std! ** 2).toBeCloseTo(11, 10); // sample variance of x: 11
    expect(y.mean).toBeCloseTo(7.5, 2); // mean of y: 7.50
    // Anscombe printed 4.127; this copy has 4.81 where he printed 4.82, and Python's
    // statistics.variance gives 4.13264 for it
    expect(y.std! ** 2).toBeCloseTo(4.13264, 8);
    const r = p.pearson.matrix[p.pearson.columns.indexOf('X')]![p.pearson.columns.indexOf('Y')]!;
    expect(r).toBeCloseTo(0.816, 3); // correlation: 0.816
  });

  it('counts the Palmer penguins by species and the missing sexes', async () => {
    await run(await api.client.call('data.import', { source: { kind: 'json', path: data('penguins.json') }, options: { target: 'Species' } }));
    const p = await profileOf('penguins');
    expect(p.rows).toBe(344);
    expect(p.target?.kind).toBe('classification');
    expect(p.target?.classBalance).toEqual([
      { value: 'Adelie', count: 152 },
      { value: 'Gentoo', count: 124 },
      { value: 'Chinstrap', count: 68 },
    ]);
    const sex = p.columns.find((c) => c.name === 'Sex')!;
    expect(sex.missing).toBe(10);
    expect(p.columns.find((c) => c.name === 'Body Mass (g)')!.missing).toBe(2);
  });

  it('reads the Seattle weather CSV with its dates', async () => {
    const done = await run(await api.client.call('data.import', { source: { kind: 'csv', path: data('seattle-weather.csv') } }));
    expect(done.result).toMatchObject({ rows: 1461 });
    const { version } = await api.client.call('data.show', { ref: 'seattle-weather' });
    expect(version.columns.map((c) => [c.name, c.type])).toEqual([
      ['date', 'DATE'],
      ['precipitation', 'DOUBLE'],
      ['temp_max', 'DOUBLE'],
      ['temp_min', 'DOUBLE'],
      ['wind', 'DOUBLE'],
      ['weather', 'VARCHAR'],
    ]);
    const p = await profileOf('seattle-weather');
    expect(p.columns[0]!.range).toEqual({ min: '2012-01-01', max: '2015-12-31' });
    expect(p.columns.find((c) => c.name === 'weather')!.top!.map((t) => t.value).sort()).toEqual(['drizzle', 'fog', 'rain', 'snow', 'sun']);
  });
});
