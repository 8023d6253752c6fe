import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stopLocalServer } from '../../../src/main/engine/deploy/local-server';
import { simulateTraffic } from '../../../src/main/engine/monitor/simulate';
import { deployChurnForSuite } from '../../helpers/local-deployment';
import { shopCsv } from '../package/shop-data';
import { tempDir } from '../../helpers/temp';
import type { Connected } from '../../helpers/transports';

/** The training CSV, read by hand: what each replayed row must carry. */
function csvRows(rows: number): Array<Record<string, string>> {
  const [head, ...lines] = shopCsv(1500).trim().split('\n');
  const names = head!.split(',');
  return lines.slice(0, rows).map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i]!, v])));
}

interface Logged {
  request_id: string;
  row: number;
  in_a: number | null;
  in_year: number | null;
  in_plan: string | null;
  out_label: string;
}

/** Rows the server logged for requests of this run, read back from the project's collected Parquet files. */
async function collectedRows(projectDir: string): Promise<Logged[]> {
  const db = new Database(path.join(projectDir, 'project.db'), { readonly: true });
  const files = (db.prepare('SELECT sha256 FROM monitor_batches ORDER BY id').all() as Array<{ sha256: string }>).map((b) => `'${path.join(projectDir, 'artifacts', b.sha256.slice(0, 2), b.sha256)}'`);
  db.close();
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    const reader = await con.runAndReadAll(`SELECT request_id, "row", in_a, in_year, in_plan, out_label FROM read_parquet([${files.join(', ')}], union_by_name = true) WHERE request_id LIKE 'sim-%'`);
    return reader.getRowObjects().map((r) => ({ request_id: String(r.request_id), row: Number(r.row), in_a: r.in_a === null ? null : Number(r.in_a), in_year: r.in_year === null ? null : Number(r.in_year), in_plan: r.in_plan === null ? null : String(r.in_plan), out_label: String(r.out_label) }));
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

const num = (text: string) => (text === '' ? null : Number(text));
/** The prediction log keeps a float32 input to 7 significant digits. */
const asLogged = (v: number | null) => (v === null ? null : Number(Math.fround(v).toPrecision(7)));

/** The traffic simulator against a real local deployment: paced, shifted from a chosen row, with labels for rehearsing. */
describe('monitoring: simulated traffic', () => {
  const tmp = tempDir();
  const projectDir = path.join(tmp.dir, 'project');
  let api: Connected;

  deployChurnForSuite(tmp, {
    beforeDeploy: async (engine) => {
      await engine.client.call('targets.add', { name: 'empty', config: { kind: 'local', port: 0 } });
    },
    ready: (local) => {
      api = local.api;
      expect(local.deployment.status).toBe('live');
    },
  });

  it('replays 200 rows at 400 rows/s, shifting two features after row 100, and writes their labels', async () => {
    const labelsOut = path.join(tmp.dir, 'labels.csv');
    const summary = await simulateTraffic(api.engine.context, {
      target: 'laptop',
      from: 'shop',
      rate: 400,
      rows: 200,
      shifts: [
        { feature: 'a', expression: 'a * 1.5 + 100' },
        { feature: 'plan', expression: "'premium'" },
      ],
      shiftAfterRows: 100,
      labelsOut,
    });
    expect(summary).toMatchObject({ target: 'laptop', model: 'churn', version: 1, rowsSent: 200, requests: 200, errors: 0, rowsShifted: 100, stopped: false, labelsWritten: 200, firstError: null });
    // The pace holds: the 200th row leaves 199/400 s after the first, and never faster than asked.
    expect(summary.seconds).toBeGreaterThanOrEqual(199 / 400);
    expect(summary.achievedRate).toBeLessThanOrEqual(400);

    const [collected] = await api.client.call('monitor.collect', { target: 'laptop' });
    // The 200 requests, and the deploy's own smoke test (one request of 20 rows).
    expect(collected).toMatchObject({ ok: true, records: 201, rows: 220 });
    const logged = await collectedRows(projectDir);
    expect(logged).toHaveLength(200);
    const source = csvRows(200);
    const requestIds = new Set<string>();
    for (const r of logged) {
      requestIds.add(r.request_id);
      const i = Number(/^sim-[0-9a-f]+-(\d+)$/.exec(r.request_id)![1]);
      const s = source[i]!;
      expect(r.row).toBe(0);
      expect(r.in_year).toBe(asLogged(num(s.year!)));
      if (i < 100) {
        expect({ i, a: r.in_a, plan: r.in_plan ?? '' }).toEqual({ i, a: asLogged(num(s.a!)), plan: s.plan });
      } else {
        const a = num(s.a!);
        expect({ i, a: r.in_a, plan: r.in_plan }).toEqual({ i, a: a === null ? null : asLogged(a * 1.5 + 100), plan: 'premium' });
      }
    }
    expect(requestIds.size).toBe(200);

    // Labels: one line per row, the training target of that row, joined by the request id.
    const [header, ...lines] = fs.readFileSync(labelsOut, 'utf8').trim().split('\n');
    expect(header).toBe('request_id,row,label');
    expect(lines).toHaveLength(200);
    const labelOf = new Map(lines.map((l) => l.split(',')).map(([id, row, label]) => [`${id}#${row}`, label]));
    // The import reads the CSV's yes/no as a boolean, so the model's classes (and the labels) are 'true' and 'false'.
    expect(new Set(logged.map((r) => r.out_label))).toEqual(new Set(['true', 'false']));
    const truth = (csv: string) => ({ yes: 'true', no: 'false' })[csv];
    for (const r of logged) expect(labelOf.get(`${r.request_id}#0`)).toBe(truth(source[Number(r.request_id.split('-')[2])]!.bought!));
  }, 60_000);

  it('sends rows of a file in requests of several rows, shifting from a time', async () => {
    const file = path.join(tmp.dir, 'few.csv');
    fs.writeFileSync(file, 'a,year,plan,flag,extra\n1,2000,basic,true,x\n2,2001,plus,false,y\n3,2002,pro,true,z\n4,2003,team,false,w\n5,2004,basic,true,v\n');
    const past = new Date(Date.now() - 60_000).toISOString();
    const summary = await simulateTraffic(api.engine.context, { target: 'laptop', from: file, rate: 50, batch: 2, shifts: [{ feature: 'year', expression: 'year + a' }], shiftAt: past });
    // 5 rows in requests of 2: 2 + 2 + 1, all sent after the shift time.
    expect(summary).toMatchObject({ rowsSent: 5, requests: 3, errors: 0, rowsShifted: 5, sourceRows: 5 });
    await api.client.call('monitor.collect', { target: 'laptop' });
    const logged = (await collectedRows(projectDir)).filter((r) => r.request_id.startsWith(`sim-${summary.runTag}-`)).sort((x, y) => x.request_id.localeCompare(y.request_id) || x.row - y.row);
    // Requests start at rows 0, 2 and 4; year becomes year + a (2000 + 1, 2001 + 2, …); a and plan stay.
    expect(logged.map((r) => [r.request_id.split('-')[2], r.row, r.in_a, r.in_year, r.in_plan])).toEqual([
      ['0', 0, 1, 2001, 'basic'],
      ['0', 1, 2, 2003, 'plus'],
      ['2', 0, 3, 2005, 'pro'],
      ['2', 1, 4, 2007, 'team'],
      ['4', 0, 5, 2009, 'basic'],
    ]);
  }, 60_000);

  it('refuses what cannot be sent, saying what to fix', async () => {
    const call = (extra: Partial<Parameters<typeof simulateTraffic>[1]>) => simulateTraffic(api.engine.context, { target: 'laptop', from: 'shop', rate: 100, rows: 5, ...extra });
    await expect(call({ target: 'nowhere' })).rejects.toThrow(/No deploy target 'nowhere'/);
    await expect(call({ target: 'empty' })).rejects.toThrow(/Nothing is deployed to empty/);
    await expect(call({ shifts: [{ feature: 'income', expression: 'income * 2' }] })).rejects.toThrow(/--shift income: the model has no input 'income'; its inputs are a, year, plan, flag/);
    await expect(call({ shifts: [{ feature: 'a', expression: 'a * (2' }] })).rejects.toThrow(/--shift a=a \* \(2: DuckDB cannot evaluate it as a number on the rows: Parser Error/);
    await expect(call({ shifts: [{ feature: 'a', expression: 'no_such_column + 1' }] })).rejects.toThrow(/--shift a=no_such_column \+ 1: .*no_such_column/);
    // A shift's SQL reaches the rows and nothing else.
    await expect(call({ shifts: [{ feature: 'plan', expression: "(SELECT max(column0) FROM read_csv('/etc/hostname'))" }] })).rejects.toThrow(/--shift plan=.*(external access|disabled)/i);
    // The server went away (a reboot) while the deployment is still recorded as live.
    await stopLocalServer(projectDir, 'laptop');
    await expect(call({})).rejects.toThrow(/The local server of laptop is not running/);
    await api.client.call('deploy.undeploy', { target: 'laptop' });
    await expect(call({})).rejects.toThrow(/Nothing is deployed to laptop/);
  }, 60_000);
});
