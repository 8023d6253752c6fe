import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecipeInput } from '../../../src/shared/data/recipe';
import { waitForJob } from '../../helpers/jobs';
import { tempDir } from '../../helpers/temp';
import { inProcess, type Connected } from '../../helpers/transports';

/** Cleaning recipes: previewed on a sample, applied as a job that writes a new version with lineage. */
describe('cleaning recipes', () => {
  const tmp = tempDir();
  let api: Connected;

  beforeAll(async () => {
    api = await inProcess(path.join(tmp.dir, 'home'));
    await api.client.call('project.create', { dir: path.join(tmp.dir, 'project') });
    const file = path.join(tmp.dir, 'sales.csv');
    fs.writeFileSync(file, 'id,price,qty,region,junk\n1,10,2,north,x\n2,,3,south,x\n3,30,1,,x\n4,1000,5,north,x\n4,1000,5,north,x\n');
    const job = await api.client.call('data.import', { source: { kind: 'csv', path: file }, options: { target: 'qty' } });
    await waitForJob(api.client, job.id, (j) => j.status === 'succeeded');
  });
  afterAll(async () => {
    await api.close();
    tmp.cleanup();
  });

  const recipe: RecipeInput = {
    steps: [
      { op: 'dedupe' },
      { op: 'drop', columns: ['junk'] },
      { op: 'impute', column: 'price', method: 'mean' },
      { op: 'impute', column: 'region', method: 'constant', value: 'unknown' },
      { op: 'derive', name: 'revenue', expression: 'price * qty' },
      { op: 'rename', from: 'qty', to: 'quantity' },
      { op: 'filter', where: 'id <> 1' },
    ],
  };

  it('previews the recipe on a sample and shows the SQL it runs', async () => {
    const { sql, page } = await api.client.call('data.preview', { ref: 'sales@1', recipe });
    expect(sql).toContain('-- 1. dedupe');
    expect(sql).toContain('SELECT DISTINCT * FROM step0');
    expect(page.columns.map((c) => c.name)).toEqual(['id', 'price', 'quantity', 'region', 'revenue']);
    // after dedupe the prices are 10, 30, 1000 → mean 346.67 fills the gap in row 2
    const byId = new Map(page.rows.map((r) => [r[0], r]));
    expect(byId.get(2)![1]).toBeCloseTo((10 + 30 + 1000) / 3, 10);
    expect(byId.get(2)![4]).toBeCloseTo(((10 + 30 + 1000) / 3) * 3, 10);
    expect(byId.has(1)).toBe(false);
    expect(byId.get(3)![3]).toBe('unknown');
    expect(page.rows).toHaveLength(3);
    expect(page.total).toBe(3);
  });

  it('counts every row the recipe gives on the sample, not only the rows shown', async () => {
    const { page } = await api.client.call('data.preview', { ref: 'sales@1', recipe: { steps: [{ op: 'filter', where: 'qty > 1' }] }, limit: 2 });
    expect(page.rows).toHaveLength(2);
    expect(page.total).toBe(4);
    expect(page.columns.map((c) => c.name)).toEqual(['id', 'price', 'qty', 'region', 'junk']);
    const none = await api.client.call('data.preview', { ref: 'sales@1', recipe: { steps: [{ op: 'filter', where: 'qty > 100' }] } });
    expect(none.page).toMatchObject({ rows: [], total: 0 });
  });

  it('names the step that cannot run', async () => {
    const broken: RecipeInput = { steps: [{ op: 'drop', columns: ['junk'] }, { op: 'filter', where: 'no_such_column > 1' }] };
    await expect(api.client.call('data.preview', { ref: 'sales', recipe: broken })).rejects.toMatchObject({
      message: expect.stringMatching(/^Step 2 \(filter\) cannot run: .*no_such_column/),
    });
    await expect(api.client.call('data.preview', { ref: 'sales', recipe: { steps: [{ op: 'filter', where: '1=1; DROP TABLE x' }] } })).rejects.toMatchObject({
      message: expect.stringContaining("'recipe.steps[0].where': one expression, without \";\""),
    });
  });

  it('applies the recipe as a new version that remembers its parent and recipe', async () => {
    const job = await api.client.call('data.clean', { ref: 'sales', recipe });
    const done = await waitForJob(api.client, job.id, (j) => j.status !== 'running' && j.status !== 'queued');
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    expect(done.result).toMatchObject({ name: 'sales', version: 2, rows: 3, parent: 'sales@1' });
    const { version, versions } = await api.client.call('data.show', { ref: 'sales@2' });
    expect(version.parentId).toBe(versions.find((v) => v.version === 1)!.id);
    expect(version.recipe).toEqual(expect.objectContaining({ steps: expect.arrayContaining([{ op: 'dedupe' }]) }));
    expect(version.target).toBeNull(); // qty was renamed away
    expect(version.columns.map((c) => c.name)).toEqual(['id', 'price', 'quantity', 'region', 'revenue']);
    const rows = (await api.client.call('data.rows', { ref: 'sales@2' })).rows;
    expect(rows.map((r) => r[3])).toEqual(expect.arrayContaining(['unknown']));
  });

  it('clips to quantiles', async () => {
    const { page } = await api.client.call('data.preview', { ref: 'sales@1', recipe: { steps: [{ op: 'dedupe' }, { op: 'clip', column: 'price', lower: 0, upper: 0.5 }] } });
    // prices 10, 30, 1000 (and a missing one): the median, 30, caps 1000
    expect(page.rows.map((r) => r[1]).filter((p) => p !== null).sort((a, b) => Number(a) - Number(b))).toEqual([10, 30, 30]);
  });
});

describe('labelling', () => {
  const tmp = tempDir();
  let api: Connected;

  beforeAll(async () => {
    api = await inProcess(path.join(tmp.dir, 'home'));
    await api.client.call('project.create', { dir: path.join(tmp.dir, 'project') });
    const file = path.join(tmp.dir, 'tickets.csv');
    fs.writeFileSync(file, 'text,urgent\nserver down,yes\nprinter jam,\nsite slow,\nrefund please,no\nlogin fails,\n');
    const job = await api.client.call('data.import', { source: { kind: 'csv', path: file }, options: { target: 'urgent', types: { urgent: 'VARCHAR' } } });
    await waitForJob(api.client, job.id, (j) => j.status === 'succeeded');
  });
  afterAll(async () => {
    await api.close();
    tmp.cleanup();
  });

  it('queues rows whose target is empty, and writes labels as a new version that records who', async () => {
    const queue = await api.client.call('data.unlabelled', { ref: 'tickets' });
    expect(queue.rowNumbers).toEqual([1, 2, 4]);
    expect(queue.page.total).toBe(3);
    expect(queue.page.rows.map((r) => r[0])).toEqual(['printer jam', 'site slow', 'login fails']);

    const job = await api.client.call('data.label', { ref: 'tickets', values: [{ row: 1, value: 'no' }, { row: 4, value: 'yes' }] });
    expect(job.title).toBe('Label 2 rows of tickets@1');
    const done = await waitForJob(api.client, job.id, (j) => j.status !== 'running' && j.status !== 'queued');
    expect(done.result).toMatchObject({ version: 2, labels: 2, parent: 'tickets@1' });
    const { version } = await api.client.call('data.show', { ref: 'tickets@2' });
    expect(version.source).toMatchObject({ kind: 'labels', labels: 2, by: 'test-user' });
    expect(version.target).toBe('urgent');
    expect((await api.client.call('data.rows', { ref: 'tickets@2' })).rows.map((r) => r[1])).toEqual(['yes', 'no', null, 'no', 'yes']);
    expect((await api.client.call('data.unlabelled', { ref: 'tickets' })).rowNumbers).toEqual([2]);
  });

  it('refuses rows past the end and a missing column', async () => {
    await expect(api.client.call('data.label', { ref: 'tickets@1', values: [{ row: 99, value: 'yes' }] })).rejects.toMatchObject({ message: expect.stringContaining("'values': row 99 is past the last row (4)") });
    await expect(api.client.call('data.label', { ref: 'tickets@1', column: 'nope', values: [{ row: 0, value: 'x' }] })).rejects.toMatchObject({ message: expect.stringContaining("has no column 'nope'") });
  });
});
