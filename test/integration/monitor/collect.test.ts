import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { request } from '../../helpers/http';
import { deployChurnForSuite } from '../../helpers/local-deployment';
import { shopCsv } from '../package/shop-data';
import { tempDir } from '../../helpers/temp';
import type { Connected } from '../../helpers/transports';

const row = (a: number, id: string) => ({
  id,
  inputs: [
    { name: 'a', shape: [2, 1], datatype: 'FP32', data: [a, a + 1] },
    { name: 'year', shape: [2, 1], datatype: 'FP32', data: [2005, 2010] },
    { name: 'plan', shape: [2, 1], datatype: 'BYTES', data: ['basic', 'plus'] },
    { name: 'flag', shape: [2, 1], datatype: 'BYTES', data: ['false', 'true'] },
  ],
});

/** Collection from a real local deployment: each logged request once, as Parquet rows and hourly windows, resuming at the cursor. */
describe('monitoring: collecting prediction logs from deployments', () => {
  const tmp = tempDir();
  let api: Connected;
  let url: string;
  deployChurnForSuite(tmp, { ready: (local) => ({ api, url } = local) });

  it('stores each logged request once, as rows in Parquet and per-hour windows, and resumes where it stopped', async () => {
    for (let i = 0; i < 15; i++) expect((await request(url, 'POST', '/v2/models/churn/infer', row(i, `q${i}`))).status).toBe(200);
    const [first] = await api.client.call('monitor.collect', {});
    // The deploy's own smoke test (one request of 20 rows) is logged too.
    expect(first).toMatchObject({ target: 'laptop', ok: true, records: 16, rows: 50, lost: 0, error: null });
    const windows = await api.client.call('monitor.windows', { target: 'laptop' });
    expect(windows).toEqual([expect.objectContaining({ model: 'churn', version: '1', requests: 16, rows: 50 })]);
    expect(windows[0]!.meanLatencyMs).toBeGreaterThan(0);

    for (let i = 15; i < 20; i++) await request(url, 'POST', '/v2/models/churn/infer', row(i, `q${i}`));
    const [second] = await api.client.call('monitor.collect', { target: 'laptop' });
    expect(second).toMatchObject({ ok: true, records: 5, rows: 10, cursor: first!.cursor + 5 });
    expect((await api.client.call('monitor.collect', {}))[0]).toMatchObject({ records: 0 });

    // The rows, read back from the project's Parquet files: every request once, inputs and outputs beside it.
    const db = new Database(path.join(tmp.dir, 'project', 'project.db'), { readonly: true });
    const files = (db.prepare('SELECT sha256 FROM monitor_batches ORDER BY id').all() as Array<{ sha256: string }>).map((b) => path.join(tmp.dir, 'project', 'artifacts', b.sha256.slice(0, 2), b.sha256));
    db.close();
    expect(files).toHaveLength(2);
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    const list = files.map((f) => `'${f}'`).join(', ');
    const stored = (await con.runAndReadAll(`SELECT COUNT(*) AS n, COUNT(DISTINCT request_id) AS requests, MIN(in_a) AS a, COUNT(out_label) AS labels FROM read_parquet([${list}]) WHERE request_id LIKE 'q%'`)).getRowObjects()[0]!;
    expect({ n: Number(stored.n), requests: Number(stored.requests), a: Number(stored.a), labels: Number(stored.labels) }).toEqual({ n: 40, requests: 20, a: 0, labels: 40 });
    con.closeSync();
    instance.closeSync();
  }, 60_000);

  it('reports drift of served rows against the package’s reference: a shifted feature drifts, the others do not', async () => {
    const few = await api.client.call('monitor.drift', { target: 'laptop' });
    expect(few).toMatchObject({ model: 'churn', version: 1, rows: 60 });
    expect(few.features.every((f) => f.warning?.includes('too few to judge'))).toBe(true);

    // 300 fresh rows from the same generator as the training data, with `a` moved far outside its range.
    const lines = shopCsv(300).trim().split('\n');
    const header = lines[0]!.split(',');
    const cells = lines.slice(1).map((l) => l.split(','));
    const col = (name: string) => cells.map((c) => c[header.indexOf(name)]!);
    const since = new Date().toISOString();
    const shifted = {
      inputs: [
        { name: 'a', shape: [300, 1], datatype: 'FP32', data: col('a').map((v) => (v === '' ? null : Number(v) + 500)) },
        { name: 'year', shape: [300, 1], datatype: 'FP32', data: col('year').map((v) => (v === '' ? null : Number(v))) },
        { name: 'plan', shape: [300, 1], datatype: 'BYTES', data: col('plan') },
        { name: 'flag', shape: [300, 1], datatype: 'BYTES', data: col('flag') },
      ],
    };
    expect((await request(url, 'POST', '/v2/models/churn/infer', shifted)).status).toBe(200);
    await api.client.call('monitor.collect', {});
    const report = await api.client.call('monitor.drift', { target: 'laptop', from: since });
    expect(report.rows).toBe(300);
    const byName = Object.fromEntries(report.features.map((f) => [f.feature, f]));
    // Every present value of `a` is outside the training range (some rows have it missing).
    expect(byName.a).toMatchObject({ drifted: true, warning: null, outOfRange: col('a').filter((v) => v !== '').length });
    expect(byName.year).toMatchObject({ drifted: false, warning: null });
    expect(byName.flag).toMatchObject({ drifted: false, newCategories: [] });
    // plan has one-row "one-off" levels: those that fell in the test split are new to the reference.
    expect(byName.plan!.newCategories.every((c) => c.startsWith('one-off-'))).toBe(true);
    expect(byName.plan!.newCategories.length).toBeGreaterThan(0);
    expect(report.dataset.driftedFeatures).toContain('a');
    expect(report.dataset.driftedFeatures).not.toContain('year');
    expect(report.prediction).not.toBeNull();
  }, 60_000);

  it('keeps the cursor and says why when the target is offline', async () => {
    const before = (await api.client.call('monitor.collect', {}))[0]!.cursor;
    await api.client.call('deploy.undeploy', { target: 'laptop' });
    const [offline] = await api.client.call('monitor.collect', {});
    expect(offline).toMatchObject({ ok: false, records: 0, cursor: before });
    expect(offline!.error).toMatch(/not running/);
  });
});
