import Database from 'better-sqlite3';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '../../../src/shared/contract/models';
import { waitForJob } from '../../helpers/jobs';
import { tempDir } from '../../helpers/temp';
import { inProcess, type Connected } from '../../helpers/transports';

/** Imports through the real engine: DuckDB in a worker thread, Parquet in artifacts/, rows in SQLite. */
describe('data import', () => {
  const tmp = tempDir();
  let api: Connected;
  const file = (name: string, content: string | Buffer) => {
    const p = path.join(tmp.dir, 'files', name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, content);
    return p;
  };
  const finished = async (job: Job) => waitForJob(api.client, job.id, (j) => ['succeeded', 'failed', 'cancelled'].includes(j.status));

  beforeAll(async () => {
    api = await inProcess(path.join(tmp.dir, 'home'));
    await api.client.call('project.create', { dir: path.join(tmp.dir, 'project') });
  });
  afterAll(async () => {
    await api.close();
    tmp.cleanup();
  });

  it('imports a CSV into a versioned Parquet dataset with sniffed types', async () => {
    const csv = file('customers.csv', 'id,age,plan,score,joined\n1,34,basic,0.5,2024-01-03\n2,51,pro,,2024-02-11\n3,29,"basic",0.75,2024-03-30\n');
    const done = await finished(await api.client.call('data.import', { source: { kind: 'csv', path: csv } }));
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    expect(done.result).toMatchObject({ name: 'customers', version: 1, rows: 3, reused: false });
    const { version } = await api.client.call('data.show', { ref: 'customers' });
    expect(version.columns.map((c) => [c.name, c.type, c.semantic])).toEqual([
      ['id', 'BIGINT', 'numeric'],
      ['age', 'BIGINT', 'numeric'],
      ['plan', 'VARCHAR', 'categorical'],
      ['score', 'DOUBLE', 'numeric'],
      ['joined', 'DATE', 'datetime'],
    ]);
    const stored = path.join(tmp.dir, 'project', 'artifacts', version.sha256.slice(0, 2), version.sha256);
    expect(fs.readFileSync(stored).subarray(0, 4).toString()).toBe('PAR1');
    const page = await api.client.call('data.rows', { ref: 'customers', limit: 2 });
    expect(page.total).toBe(3);
    expect(page.rows).toEqual([
      [1, 34, 'basic', 0.5, '2024-01-03'],
      [2, 51, 'pro', null, '2024-02-11'],
    ]);
  });

  it('reuses the version when identical content is imported again, and adds one when it changes', async () => {
    const csv = file('again.csv', 'a,b\n1,x\n2,y\n');
    const first = await finished(await api.client.call('data.import', { source: { kind: 'csv', path: csv } }));
    const second = await finished(await api.client.call('data.import', { source: { kind: 'csv', path: csv } }));
    expect(second.result).toMatchObject({ version: 1, reused: true, versionId: (first.result as { versionId: string }).versionId });
    fs.appendFileSync(csv, '3,z\n');
    const third = await finished(await api.client.call('data.import', { source: { kind: 'csv', path: csv } }));
    expect(third.result).toMatchObject({ version: 2, reused: false, rows: 3 });
    expect((await api.client.call('data.show', { ref: 'again@1' })).version.rows).toBe(2);
  });

  it('honours overrides: delimiter, types and semantic types', async () => {
    const tsv = file('codes.tsv', 'zip\tcode\tamount\n01234\t7\t1.5\n98765\t3\t2.5\n');
    const done = await finished(
      await api.client.call('data.import', { source: { kind: 'csv', path: tsv }, options: { name: 'codes', types: { zip: 'VARCHAR' }, semantic: { code: 'categorical' }, target: 'amount' } }),
    );
    expect(done.status, JSON.stringify(done.error)).toBe('succeeded');
    const { version } = await api.client.call('data.show', { ref: 'codes' });
    expect(version.columns.find((c) => c.name === 'zip')).toMatchObject({ type: 'VARCHAR' });
    expect(version.columns.find((c) => c.name === 'code')).toMatchObject({ semantic: 'categorical' });
    expect(version.target).toBe('amount');
    expect((await api.client.call('data.rows', { ref: 'codes' })).rows[0]![0]).toBe('01234');
  });

  it('stops at a malformed row naming file, line and column, and changes nothing', async () => {
    const before = (await api.client.call('data.list')).length;
    const csv = file('broken.csv', 'a,b\n1,2\n3,4,5\n6,7\n');
    const failed = await finished(await api.client.call('data.import', { source: { kind: 'csv', path: csv } }));
    expect(failed.status).toBe('failed');
    expect(failed.error?.message).toMatch(new RegExp(`^${csv.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, line 3: Expected Number of Columns: 2 Found: 3`));
    const typed = file('typed.csv', 'a,b\n1,2\nx,4\n');
    const bad = await finished(await api.client.call('data.import', { source: { kind: 'csv', path: typed }, options: { types: { a: 'INTEGER' } } }));
    expect(bad.error?.message).toContain("line 3, column 'a': Error when converting column \"a\". Could not convert string \"x\" to 'INTEGER'");
    const quote = file('quote.csv', 'a,b\n1,2\n3,"x\n5,6\n');
    expect((await finished(await api.client.call('data.import', { source: { kind: 'csv', path: quote } }))).error?.message).toMatch(/line 3.*unterminated quote/);
    expect((await api.client.call('data.list')).length).toBe(before);
    const leftovers = fs.readdirSync(path.join(tmp.dir, 'project', 'artifacts')).filter((f) => f.startsWith('.import-'));
    expect(leftovers).toEqual([]);
  });

  it('skips malformed rows when asked, counting them and keeping a sample', async () => {
    const csv = file('skippy.csv', 'a,b\n1,2\n3,4,5\n6,7\nonly-one\n8,9\n');
    const done = await finished(await api.client.call('data.import', { source: { kind: 'csv', path: csv }, options: { onBadRows: 'skip' } }));
    expect(done.result).toMatchObject({ rows: 3, rejectedRows: 2 });
    const { version } = await api.client.call('data.show', { ref: 'skippy' });
    expect(version.rejectSample.map((r) => [r.line, r.text])).toEqual([
      [3, '3,4,5'],
      [5, 'only-one'],
    ]);
  });

  it('gives empty files, header-only files and bad headers their own messages', async () => {
    const message = async (name: string, content: string) =>
      (await finished(await api.client.call('data.import', { source: { kind: 'csv', path: file(name, content) } }))).error?.message ?? '';
    expect(await message('empty.csv', '')).toMatch(/empty\.csv is empty: there is nothing to import/);
    expect(await message('header.csv', 'a,b\n')).toMatch(/header\.csv has no rows below its header/);
    expect(await message('dup.csv', 'a,b,a\n1,2,3\n')).toMatch(/dup\.csv, line 1, column 3: duplicate column name 'a' \(also column 1\)/);
    expect(await message('blank.csv', 'a,,c\n1,2,3\n')).toMatch(/blank\.csv, line 1, column 2: the column has no name/);
    expect(await message('missing-dir/none.csv', 'x').then(() => '')).toBe('');
    const missing = await finished(await api.client.call('data.import', { source: { kind: 'csv', path: path.join(tmp.dir, 'nope.csv') } }));
    expect(missing.error?.message).toMatch(/nope\.csv does not exist/);
  });

  it('imports Parquet, JSON arrays and NDJSON', async () => {
    const json = file('people.json', JSON.stringify([{ name: 'ana', age: 31 }, { name: 'rui', age: 45 }]));
    const ndjson = file('events.ndjson', '{"kind":"click","n":1}\n{"kind":"view","n":2}\n{"kind":"click","n":3}\n');
    const a = await finished(await api.client.call('data.import', { source: { kind: 'json', path: json } }));
    const b = await finished(await api.client.call('data.import', { source: { kind: 'json', path: ndjson } }));
    expect([a.result, b.result]).toMatchObject([{ rows: 2 }, { rows: 3 }]);
    // Parquet: re-import the stored version of `people` as a file
    const { version } = await api.client.call('data.show', { ref: 'people' });
    const parquet = path.join(tmp.dir, 'project', 'artifacts', version.sha256.slice(0, 2), version.sha256);
    const copy = file('people.parquet', fs.readFileSync(parquet));
    const c = await finished(await api.client.call('data.import', { source: { kind: 'parquet', path: copy }, options: { name: 'people-copy' } }));
    expect(c.result).toMatchObject({ rows: 2 });
    expect((await api.client.call('data.rows', { ref: 'people-copy' })).rows).toEqual([
      ['ana', 31],
      ['rui', 45],
    ]);
  });

  it('imports a table of a SQLite file, and lists the tables when the name is wrong', async () => {
    const dbFile = path.join(tmp.dir, 'files', 'shop.sqlite');
    const db = new Database(dbFile);
    db.exec("CREATE TABLE orders (id INTEGER PRIMARY KEY, total REAL, note TEXT); INSERT INTO orders (total, note) VALUES (9.5, 'a'), (12.25, NULL), (3, 'c');");
    db.close();
    const done = await finished(await api.client.call('data.import', { source: { kind: 'sqlite', path: dbFile, table: 'orders' } }));
    expect(done.result).toMatchObject({ name: 'orders', rows: 3 });
    const { version } = await api.client.call('data.show', { ref: 'orders' });
    expect(version.columns.map((c) => c.type)).toEqual(['BIGINT', 'DOUBLE', 'VARCHAR']);
    const wrong = await finished(await api.client.call('data.import', { source: { kind: 'sqlite', path: dbFile, table: 'order' } }));
    expect(wrong.error?.message).toMatch(/has no table 'order'\. Tables: orders\./);
  });

  describe('from a URL on loopback', () => {
    let server: http.Server;
    let base: string;
    beforeEach(() => undefined);
    beforeAll(async () => {
      server = http.createServer((req, res) => {
        if (req.url === '/data.csv') {
          res.writeHead(200, { 'content-type': 'text/csv' });
          res.end('x,y\n1,2\n3,4\n');
        } else if (req.url === '/cut.csv') {
          // promises 1000 bytes, sends 10, then hangs up: a cut-off download
          res.writeHead(200, { 'content-type': 'text/csv', 'content-length': '1000' });
          res.write('x,y\n1,2\n3,');
          setTimeout(() => res.destroy(), 50);
        } else {
          res.writeHead(404);
          res.end('not here');
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('downloads and imports, and refuses cut-off and missing downloads', async () => {
      const done = await finished(await api.client.call('data.import', { source: { kind: 'url', url: `${base}/data.csv` } }));
      expect(done.result).toMatchObject({ name: 'data', rows: 2 });
      const cut = await finished(await api.client.call('data.import', { source: { kind: 'url', url: `${base}/cut.csv` } }));
      expect(cut.status).toBe('failed');
      expect(cut.error?.message).toMatch(/cut off|terminated|aborted|socket/i);
      const missing = await finished(await api.client.call('data.import', { source: { kind: 'url', url: `${base}/nope.csv` } }));
      expect(missing.error?.message).toContain('the server answered 404');
    });
  });
});
