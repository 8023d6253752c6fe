import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Split } from '../../../src/shared/data/split';
import { waitForJob } from '../../helpers/jobs';
import { tempDir } from '../../helpers/temp';
import { inProcess, type Connected } from '../../helpers/transports';

/** Splits through the real job; assignments read back from the stored Parquet with DuckDB. */
describe('data splits', () => {
  const tmp = tempDir();
  let api: Connected;
  const project = path.join(tmp.dir, 'project');

  const split = async (args: Record<string, unknown>): Promise<Split> => {
    const job = await api.client.call('data.split', { ref: 'events', ...args });
    const done = await waitForJob(api.client, job.id, (j) => j.status !== 'running' && j.status !== 'queued');
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    return done.result as Split;
  };
  /** Joins the assignment to the data: one row per data row with its set. */
  const assigned = async (s: Split, columns: string): Promise<Array<Record<string, unknown>>> => {
    const { version } = await api.client.call('data.show', { ref: 'events' });
    const data = path.join(project, 'artifacts', version.sha256.slice(0, 2), version.sha256);
    const sets = path.join(project, 'artifacts', s.sha256.slice(0, 2), s.sha256);
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    const rows = (await con.runAndReadAll(`SELECT ${columns}, s.set FROM read_parquet('${data}', file_row_number = true) d JOIN read_parquet('${sets}') s ON s.row = d.file_row_number`)).getRowObjectsJson();
    con.closeSync();
    instance.closeSync();
    return rows as Array<Record<string, unknown>>;
  };

  beforeAll(async () => {
    api = await inProcess(path.join(tmp.dir, 'home'));
    await api.client.call('project.create', { dir: project });
    const lines = ['id,user,day,label'];
    for (let i = 0; i < 10_000; i++) lines.push(`${i},u${i % 137},2024-01-${String(1 + (i % 28)).padStart(2, '0')},${i % 10 === 0 ? 'yes' : 'no'}`);
    const file = path.join(tmp.dir, 'events.csv');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    const job = await api.client.call('data.import', { source: { kind: 'csv', path: file }, options: { target: 'label' } });
    await waitForJob(api.client, job.id, (j) => j.status === 'succeeded');
  });
  afterAll(async () => {
    await api.close();
    tmp.cleanup();
  });

  it('splits at random by the shares, and the same seed gives the same split', async () => {
    const a = await split({ strategy: 'random', ratios: [0.7, 0.15, 0.15], seed: 7 });
    expect(a.counts).toEqual({ train: 7000, validation: 1500, test: 1500 });
    expect(a).toMatchObject({ dataset: 'events@1', strategy: 'random', seed: 7 });
    const again = await split({ strategy: 'random', ratios: [0.7, 0.15, 0.15], seed: 7 });
    expect(again.sha256).toBe(a.sha256);
    const other = await split({ strategy: 'random', ratios: [0.7, 0.15, 0.15], seed: 8 });
    expect(other.sha256).not.toBe(a.sha256);
    expect((await split({ ratios: [0.8, 0.2] })).counts).toEqual({ train: 8000, test: 2000 });
  });

  it('keeps class shares in every set when stratified by the target', async () => {
    const s = await split({ strategy: 'stratified', ratios: [0.6, 0.2, 0.2], seed: 1 });
    expect(s.column).toBe('label');
    // DuckDB reads yes/no as a boolean; either way, 1 row in 10 is positive
    const rows = await assigned(s, "d.label::VARCHAR IN ('yes', 'true') AS positive");
    for (const set of ['train', 'validation', 'test']) {
      const inSet = rows.filter((r) => r.set === set);
      expect(inSet.filter((r) => r.positive === true).length / inSet.length).toBeCloseTo(0.1, 3);
    }
  });

  it('puts older rows first in a time split', async () => {
    const s = await split({ strategy: 'time', column: 'day', ratios: [0.5, 0.25, 0.25] });
    const rows = await assigned(s, 'd.day');
    const last = (set: string) => rows.filter((r) => r.set === set).map((r) => String(r.day)).sort().at(-1)!;
    const first = (set: string) => rows.filter((r) => r.set === set).map((r) => String(r.day)).sort()[0]!;
    expect(last('train') <= first('validation')).toBe(true);
    expect(last('validation') <= first('test')).toBe(true);
  });

  it('never lets a group cross sets', async () => {
    const s = await split({ strategy: 'group', column: 'user', ratios: [0.7, 0.3], seed: 3 });
    const rows = await assigned(s, 'd.user');
    const setsOf = new Map<string, Set<unknown>>();
    for (const r of rows) setsOf.set(String(r.user), (setsOf.get(String(r.user)) ?? new Set()).add(r.set));
    expect([...setsOf.values()].every((sets) => sets.size === 1)).toBe(true);
    expect(s.counts.train! / 10_000).toBeGreaterThan(0.6);
    expect(s.counts.train! / 10_000).toBeLessThan(0.8);
  });

  it('refuses shares that do not add up, and strategies without their column, naming the field', async () => {
    await expect(api.client.call('data.split', { ref: 'events', ratios: [0.7, 0.2] })).rejects.toMatchObject({ message: expect.stringContaining("'ratios': the shares must add up to 1") });
    await expect(api.client.call('data.split', { ref: 'events', strategy: 'time' })).rejects.toMatchObject({ message: expect.stringContaining("'column': a time split needs the time column") });
    await expect(api.client.call('data.split', { ref: 'events', strategy: 'group', column: 'nope' })).rejects.toMatchObject({ message: expect.stringContaining("has no column 'nope'") });
    expect((await api.client.call('data.splits', { ref: 'events' })).length).toBeGreaterThanOrEqual(7);
  });
});
