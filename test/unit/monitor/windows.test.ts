import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cutWindows } from '../../../src/main/engine/monitor/windows';

/** Rows as collection stores them: seq, row and a served time. */
async function served(con: DuckDBConnection, name: string, times: string[]) {
  const values = times.map((t, i) => `(${i + 1}, 0, TIMESTAMP '${t}')`).join(', ');
  await con.run(`CREATE OR REPLACE TABLE ${name} AS SELECT * FROM (VALUES ${values}) v("seq", "row", "at")`);
  return `(SELECT * FROM ${name})`;
}

describe('cutting served rows into windows', () => {
  let instance: DuckDBInstance;
  let con: DuckDBConnection;
  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    con = await instance.connect();
  });
  afterAll(() => {
    con.closeSync();
    instance.closeSync();
  });

  it('picks the shortest usual span giving at most 24 windows, aligned to the clock, with empty windows kept', async () => {
    // 10:02 to 12:58: 1-minute spans make 177 windows, 5-minute 36, 15-minute 12 (10:00 … 12:45).
    const rel = await served(con, 'hours', ['2026-01-05 10:02:00', '2026-01-05 10:14:59', '2026-01-05 10:15:00', '2026-01-05 12:58:00']);
    const cut = await cutWindows(con, rel, {}, 1);
    expect(cut.cut).toEqual({ kind: 'minutes', minutes: 15 });
    expect(cut.windows).toHaveLength(12);
    expect(cut.windows[0]).toEqual({ start: '2026-01-05T10:00:00.000Z', end: '2026-01-05T10:15:00.000Z', rows: 2 });
    expect(cut.windows[1]).toMatchObject({ start: '2026-01-05T10:15:00.000Z', rows: 1 });
    expect(cut.windows.slice(2, 11).every((w) => w.rows === 0)).toBe(true);
    expect(cut.windows[11]).toMatchObject({ start: '2026-01-05T12:45:00.000Z', rows: 1 });
    const perRow = (await con.runAndReadAll(`SELECT __window FROM ${cut.windowed} ORDER BY seq`)).getRows().map((r) => Number(r[0]));
    expect(perRow).toEqual([0, 0, 1, 11]);
  });

  it('cuts a burst shorter than three windows into slices of rows in arrival order, each at least 500 or the minimum', async () => {
    const times = Array.from({ length: 1250 }, (_, i) => `2026-01-05 10:00:${String(Math.floor(i / 25)).padStart(2, '0')}`);
    const rel = await served(con, 'burst', times);
    // 1,250 rows, at least 500 each: 2 slices of 625.
    const cut = await cutWindows(con, rel, {}, 100);
    expect(cut.cut).toEqual({ kind: 'rows', rows: 625 });
    expect(cut.windows.map((w) => w.rows)).toEqual([625, 625]);
    expect(cut.windows[0]!.start).toBe('2026-01-05T10:00:00.000Z');
    // A policy asking for 600 rows per window: still 2 slices; asking for 1,000: one.
    expect((await cutWindows(con, rel, {}, 600)).windows.map((w) => w.rows)).toEqual([625, 625]);
    expect((await cutWindows(con, rel, {}, 1000)).windows.map((w) => w.rows)).toEqual([1250]);
  });

  it('uses the minutes or rows asked for, and refuses a cut that makes hundreds of windows', async () => {
    const rel = await served(con, 'asked', ['2026-01-05 10:00:00', '2026-01-05 10:30:00', '2026-01-05 11:59:59']);
    expect((await cutWindows(con, rel, { windowMinutes: 60 }, 1)).windows.map((w) => w.rows)).toEqual([2, 1]);
    expect((await cutWindows(con, rel, { windowRows: 2 }, 1)).windows.map((w) => w.rows)).toEqual([2, 1]);
    const long = await served(con, 'long', ['2026-01-01 00:00:00', '2026-03-01 00:00:00']);
    await expect(cutWindows(con, long, { windowMinutes: 1 }, 1)).rejects.toThrow(/choose a longer window/);
  });

  it('has no windows when nothing was served', async () => {
    await con.run('CREATE OR REPLACE TABLE nothing ("seq" BIGINT, "row" BIGINT, "at" TIMESTAMP)');
    expect((await cutWindows(con, '(SELECT * FROM nothing)', {}, 100)).windows).toEqual([]);
  });
});
