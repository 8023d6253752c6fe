import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Job } from '../../../src/shared/contract/models';
import { waitForJob } from '../../helpers/jobs';
import { startPostgres, type TestPostgres } from '../../helpers/postgres';
import { tempDir } from '../../helpers/temp';
import { inProcess, type Connected } from '../../helpers/transports';

/** Imports from a real PostgreSQL server started for this file. */
describe('data import from PostgreSQL', () => {
  const tmp = tempDir();
  let server: TestPostgres;
  let api: Connected;
  const finished = (job: Job) => waitForJob(api.client, job.id, (j) => ['succeeded', 'failed'].includes(j.status));

  beforeAll(async () => {
    server = await startPostgres();
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await client.query(`CREATE TABLE loans (id bigint PRIMARY KEY, amount numeric(10,2), approved boolean, opened date, region text);
      INSERT INTO loans SELECT g, g * 10.5, g % 3 = 0, DATE '2024-01-01' + g, CASE WHEN g % 2 = 0 THEN 'north' ELSE 'south' END FROM generate_series(1, 25000) g;`);
    await client.end();
    api = await inProcess(path.join(tmp.dir, 'home'));
    await api.client.call('project.create', { dir: path.join(tmp.dir, 'project') });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
    server?.stop();
    tmp.cleanup();
  });

  it('imports a whole table with its types, in batches', async () => {
    // trust auth accepts any password: the point is that the stored source never keeps it
    const withPassword = server.url.replace('postgres@', 'postgres:s3cret@');
    const done = await finished(await api.client.call('data.import', { source: { kind: 'postgres', url: withPassword, table: 'loans' } }));
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    expect(done.result).toMatchObject({ name: 'loans', rows: 25000 });
    const { version } = await api.client.call('data.show', { ref: 'loans' });
    expect(version.columns.map((c) => [c.name, c.type])).toEqual([
      ['id', 'BIGINT'],
      ['amount', 'DOUBLE'],
      ['approved', 'BOOLEAN'],
      ['opened', 'DATE'],
      ['region', 'VARCHAR'],
    ]);
    expect(JSON.stringify(version.source)).not.toContain('s3cret');
    expect(JSON.stringify(version.source)).toContain('postgres:***@');
    // nor do the job record, its events, or the audit log
    expect(JSON.stringify(await api.client.call('jobs.list'))).not.toContain('s3cret');
    expect(JSON.stringify(await api.client.call('audit.list'))).not.toContain('s3cret');
    const page = await api.client.call('data.rows', { ref: 'loans', limit: 1 });
    expect(page.rows[0]).toEqual([1, 10.5, false, '2024-01-02', 'south']);
  });

  it('imports a query, and reports a bad one and an unreachable server in words', async () => {
    const done = await finished(
      await api.client.call('data.import', { source: { kind: 'postgres', url: server.url, query: "SELECT region, count(*) AS n FROM loans GROUP BY region ORDER BY region" }, options: { name: 'by-region' } }),
    );
    expect((await api.client.call('data.rows', { ref: 'by-region' })).rows).toEqual([
      ['north', 12500],
      ['south', 12500],
    ]);
    const bad = await finished(await api.client.call('data.import', { source: { kind: 'postgres', url: server.url, query: 'SELECT nope FROM loans' } }));
    expect(bad.error?.message).toMatch(/PostgreSQL refused the query: column "nope" does not exist/);
    const down = await finished(await api.client.call('data.import', { source: { kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/postgres', table: 'loans' } }));
    expect(down.error?.message).toMatch(/^Cannot connect to PostgreSQL: .*ECONNREFUSED/);
    expect(done.status).toBe('succeeded');
  });
});
