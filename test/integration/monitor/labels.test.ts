import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { performanceSignals } from '../../../src/shared/monitor/performance-signals';
import { mlcycle } from '../../helpers/cli';
import { request } from '../../helpers/http';
import { deployChurnForSuite } from '../../helpers/local-deployment';
import { tempDir } from '../../helpers/temp';
import type { Connected } from '../../helpers/transports';

const ROWS = 20;
/** One request of 20 rows, plan alternating basic/plus: `a` spread wide on plus rows, high on basic ones, so the plans' shares of positive decisions differ. */
const body = (id: string, offset: number) => ({
  id,
  inputs: [
    { name: 'a', shape: [ROWS, 1], datatype: 'FP32', data: Array.from({ length: ROWS }, (_, k) => (k % 2 === 0 ? 6 + ((offset + k * 0.25) % 4) : ((offset * 3 + k * 0.5) % 10) + 0.25)) },
    { name: 'year', shape: [ROWS, 1], datatype: 'FP32', data: Array.from({ length: ROWS }, () => 2005) },
    { name: 'plan', shape: [ROWS, 1], datatype: 'BYTES', data: Array.from({ length: ROWS }, (_, k) => (k % 2 === 0 ? 'basic' : 'plus')) },
    { name: 'flag', shape: [ROWS, 1], datatype: 'BYTES', data: Array.from({ length: ROWS }, () => 'true') },
  ],
});
/** The shop data's yes/no target was read as a boolean, so the model's classes are false and true. */
const flip = (label: string) => (label === 'true' ? 'false' : 'true');

/** Labels joined to what a real local deployment served, and performance per window against the test result. */
describe('monitoring: labels and performance', () => {
  const tmp = tempDir();
  let api: Connected;
  let url: string;
  const project = () => path.join(tmp.dir, 'project');
  /** What the server answered per request id: the label of each row. */
  const served = new Map<string, string[]>();
  const table = () => {
    const db = new Database(path.join(project(), 'project.db'), { readonly: true });
    try {
      return db.prepare('SELECT request_id, row, label, added_at, added_by, source FROM monitor_labels ORDER BY request_id, row').all() as Array<{ request_id: string; row: number; label: string; added_at: string; added_by: string; source: string }>;
    } finally {
      db.close();
    }
  };
  const write = (name: string, text: string | Buffer) => {
    const file = path.join(tmp.dir, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const add = (file: string, extra: Record<string, string> = {}) => api.client.call('monitor.labels.add', { target: 'laptop', path: file, ...extra });

  deployChurnForSuite(tmp, {
    beforeDeploy: async (engine) => {
      await engine.client.call('objective.set', {
        objective: {
          task: 'binary',
          target: 'bought',
          primaryMetric: { metric: 'accuracy', threshold: 0.7 },
          constraints: { fairness: { metric: 'demographic_parity_difference', bound: 0.3, sensitiveColumns: ['plan'] } },
        },
        note: 'watch accuracy, and fairness across plans',
      });
    },
    ready: async (local) => {
      ({ api, url } = local);
      // Batches a (5 requests), b (6) and c (1), in this order after the deploy's own smoke test of 20 rows.
      for (const [prefix, count] of [['a', 5], ['b', 6], ['c', 1]] as const) {
        for (let i = 0; i < count; i++) {
          const reply = await request(url, 'POST', '/v2/models/churn/infer', body(`${prefix}${i}`, i + (prefix === 'b' ? 5 : 0)));
          expect(reply.status).toBe(200);
          served.set(`${prefix}${i}`, reply.body.outputs.find((o: { name: string }) => o.name === 'label').data);
        }
      }
      expect((await api.client.call('monitor.collect', {}))[0]).toMatchObject({ ok: true, records: 13, rows: 260 });
    },
  });

  it('adds labels by request id and row, counts those that match a collected prediction, and changes nothing when the file is added again', async () => {
    // Batch a: right on the basic rows, wrong on the plus rows (accuracy exactly 1/2); b and c: all right.
    const lines = ['request_id,row,label'];
    for (const [id, labels] of served) labels.forEach((label, row) => lines.push(`${id},${row},${id.startsWith('a') && row % 2 === 1 ? flip(label) : label}`));
    lines.push('not-yet,0,true');
    const file = write('truth.csv', `${lines.join('\n')}\n`);
    const first = await add(file, { rowColumn: 'row' });
    expect(first).toEqual({ read: 241, added: 241, matched: 240, rejected: 0, rejectedSample: [] });
    const stored = table();
    expect(stored).toHaveLength(241);
    expect(stored.find((r) => r.request_id === 'a1' && r.row === 3)).toMatchObject({ label: flip(served.get('a1')![3]!), added_by: 'test-user', source: 'truth.csv' });

    expect(await add(file, { rowColumn: 'row' })).toEqual({ read: 241, added: 0, matched: 0, rejected: 0, rejectedSample: [] });
    expect(table()).toEqual(stored);
    const audit = await api.client.call('audit.list', { limit: 10 });
    expect(audit.find((e) => e.action === 'monitor.labels.added')).toMatchObject({ actor: 'test-user', target: 'laptop', details: { read: 241, added: 0, matched: 0, rejected: 0 } });
  });

  it('computes the primary metric per window on labeled rows, flags decay against the test result, and warns on too few labels', async () => {
    const version = await api.client.call('registry.version', { model: 'churn', version: 1 });
    const test = version.version.testMetrics.accuracy!;
    // The shop model is far better than a coin: a window at 1/2 has lost more than 5% of it.
    expect(test).toBeGreaterThan(0.6);
    // 120-row windows in arrival order: smoke test (20 rows, unlabeled) + batch a; batch b; batch c.
    const report = await api.client.call('monitor.performance', { target: 'laptop', windowRows: 120 });
    expect(report).toMatchObject({ target: 'laptop', metric: 'accuracy', higherIsBetter: true, testValue: test, tolerance: 0.05 });
    expect(report.windows.map((w) => ({ rows: w.rows, labeled: w.labeled, value: w.value, decayed: w.decayed }))).toEqual([
      { rows: 120, labeled: 100, value: 0.5, decayed: true },
      { rows: 120, labeled: 120, value: 1, decayed: false },
      { rows: 20, labeled: 20, value: 1, decayed: false },
    ]);
    expect(report.windows.map((w) => w.warning)).toEqual([null, null, expect.stringMatching(/20 labeled rows: too few to judge \(the policy needs 100\)/)]);
    // What the alert rules see: the relative drop of each judged window, none for the one without a verdict.
    const signals = performanceSignals(report);
    expect(signals.map((s) => s.rows)).toEqual([100, 120]);
    expect(signals[0]!.value).toBeCloseTo((test - 0.5) / test, 12);
    expect(signals[1]!.value).toBeCloseTo((test - 1) / test, 12);
    expect(signals[0]!.windowStart).toBe(report.windows[0]!.start);

    // Per plan in the first window: every basic row right, every plus row wrong.
    const first = report.fairness.filter((f) => f.windowStart === report.windows[0]!.start);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ column: 'plan', groups: [{ group: 'basic', rows: 50, value: 1 }, { group: 'plus', rows: 50, value: 0 }] });
    // Demographic parity difference: the gap between the plans' shares of positive (true) decisions, from what the server answered.
    const share = (parity: number) => {
      const picked = [...served].filter(([id]) => id.startsWith('a')).flatMap(([, labels]) => labels.filter((_, row) => row % 2 === parity));
      return picked.filter((l) => l === 'true').length / picked.length;
    };
    const gap = Math.abs(share(0) - share(1));
    expect(gap).toBeGreaterThan(0);
    expect(first[0]!.judged).toMatchObject({ metric: 'demographic_parity_difference', bound: 0.3, passes: gap <= 0.3 });
    expect(first[0]!.judged!.value).toBeCloseTo(gap, 12);
    expect(report.fairness.map((f) => f.groups.map((g) => g.value))).toEqual([
      [1, 0],
      [1, 1],
      [1, 1],
    ]);
  });

  it('rejects records with a problem and says which line, storing the rest', async () => {
    const file = write('partial.csv', 'request_id,label\nghost-1,true\nghost-2,\nghost-3,maybe\n\nghost-4,false\n');
    expect(await add(file)).toEqual({
      read: 4,
      added: 2,
      matched: 0,
      rejected: 2,
      rejectedSample: ['line 3: empty label', "line 4: label 'maybe' is not one of the model's classes (false, true)"],
    });
    expect(table().filter((r) => r.request_id.startsWith('ghost-')).map((r) => [r.request_id, r.row, r.label])).toEqual([
      ['ghost-1', 0, 'true'],
      ['ghost-4', 0, 'false'],
    ]);

    // Parquet: the row column may be a number; places are rows of the file.
    const parquet = path.join(tmp.dir, 'truth.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    await con.run(`COPY (SELECT * FROM (VALUES ('ghost-5', 1, 'true'), ('ghost-6', 0, NULL)) t(request_id, "row", label)) TO '${parquet}' (FORMAT parquet)`);
    con.closeSync();
    instance.closeSync();
    expect(await add(parquet, { rowColumn: 'row' })).toEqual({ read: 2, added: 1, matched: 0, rejected: 1, rejectedSample: ['row 2: empty label'] });
    expect(table().find((r) => r.request_id === 'ghost-5')).toMatchObject({ row: 1, label: 'true', source: 'truth.parquet' });
  });

  it('refuses a bad file as a whole, naming the column or line, and stores nothing from it', async () => {
    const before = table();
    const refused = async (file: string, message: RegExp, extra: Record<string, string> = {}) => {
      await expect(add(file, extra)).rejects.toMatchObject({ code: expect.stringMatching(/INVALID_ARGUMENT|NOT_FOUND/), message: expect.stringMatching(message) });
      expect(table()).toEqual(before);
    };
    await refused(write('ids.csv', 'id,label\nbad-1,true\n'), /^ids\.csv has no column 'request_id' for the request ids \(its columns: id, label\)/);
    await refused(write('ids2.csv', 'request_id,truth\nbad-1,true\n'), /has no column 'label' for the labels \(its columns: request_id, truth\)/);
    await refused(write('rows.csv', 'request_id,label\nbad-1,true\n'), /has no column 'position' for the row of each request/, { rowColumn: 'position' });
    await refused(write('empty-labels.csv', 'request_id,label\nbad-1,\nbad-2,perhaps\n'), /^empty-labels\.csv: none of its 2 labels can be used, so nothing was added\. line 2: empty label; line 3: label 'perhaps' is not one/);
    await refused(write('ragged.csv', 'request_id,label\nbad-1,true\nbad-2,false,extra\n'), /^ragged\.csv, line 3: Expected Number of Columns: 2 Found: 3\. 1 malformed line in all; nothing was added/);
    await refused(write('binary.csv', Buffer.from([0x50, 0x41, 0x52, 0x31, 0x00, 0x01, 0x02, 0xff])), /^binary\.csv is not a CSV file \(it holds binary data\)/);
    await refused(write('labels.json', '[{"request_id": "bad-1", "label": "true"}]'), /^labels\.json: labels are read from \.csv \(or \.tsv\) and \.parquet files/);
    await refused(write('fake.parquet', 'request_id,label\nbad-1,true\n'), /^fake\.parquet is not a readable Parquet file/);
    await refused(write('header-only.csv', 'request_id,label\n'), /^header-only\.csv has no labels below its header/);
    await refused(path.join(tmp.dir, 'missing.csv'), /missing\.csv does not exist/);
  });

  it('works from the command line: labels add with named columns, monitor performance as a table and as JSON', async () => {
    const env = { MLCYCLE_HOME: path.join(tmp.dir, 'cli-home'), MLCYCLE_USER: 'cli-user' };
    // One label per single-row id (row 0): c0's first row, flipped, in columns of other names.
    write('corrections.csv', `id,truth\nc0,${flip(served.get('c0')![0]!)}\n`);
    const added = mlcycle(['labels', 'add', 'corrections.csv', '--target', 'laptop', '--id-column', 'id', '--label-column', 'truth', '--project', project()], { env, cwd: tmp.dir });
    expect(added.status, added.stderr).toBe(0);
    expect(added.stdout).toBe('1 label read: 1 added or changed (1 match a collected prediction).\n');
    expect(table().find((r) => r.request_id === 'c0' && r.row === 0)).toMatchObject({ label: flip(served.get('c0')![0]!), added_by: 'cli-user', source: 'corrections.csv' });

    const json = mlcycle(['monitor', 'performance', '--target', 'laptop', '--window-rows', '120', '--json', '--project', project()], { env });
    expect(json.status, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report).toEqual(await api.client.call('monitor.performance', { target: 'laptop', windowRows: 120 }));
    // Batch c now has 19 of 20 right.
    expect(report.windows[2].value).toBe(0.95);

    const human = mlcycle(['monitor', 'performance', '--target', 'laptop', '--window-rows', '120', '--project', project()], { env });
    expect(human.status, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/^accuracy on laptop \(higher is better\): test [\d.]+; decayed beyond a 5\.0% relative drop$/m);
    expect(human.stdout).toMatch(/\s120\s+100\s+0\.5\s+-[\d.]+%\s+DECAYED$/m);
    expect(human.stdout).toMatch(/\s120\s+120\s+1\s+\+[\d.]+%\s+ok$/m);
    expect(human.stdout).toMatch(/\s20\s+20\s+0\.95\s+.*too few to judge/m);
    expect(human.stdout).toMatch(/plan\s+basic \(50\): 1; plus \(50\): 0\s+demographic_parity_difference/);

    const both = mlcycle(['monitor', 'performance', '--target', 'laptop', '--window-rows', '120', '--window-minutes', '5', '--project', project()], { env });
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/not both/);
  });
});
