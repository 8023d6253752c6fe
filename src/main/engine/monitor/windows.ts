import type { DuckDBConnection } from '@duckdb/node-api';
import { MlcycleError } from '../../../shared/contract/errors';
import type { MonitorWindow } from '../../../shared/monitor/models';

/** How served rows were cut: fixed spans of time (aligned to the epoch), or consecutive slices of rows. */
export type WindowCutKind = { kind: 'minutes'; minutes: number } | { kind: 'rows'; rows: number };

export interface WindowCut {
  cut: WindowCutKind;
  windows: MonitorWindow[];
  /** The relation with a 0-based `__window` column: the window each row falls in. */
  windowed: string;
}

/** Automatic spans, shortest first: the first that gives at most MAX_AUTO windows is used. */
const AUTO_MINUTES = [1, 5, 15, 60, 360, 1440, 10_080];
const MAX_AUTO = 24;
const MIN_AUTO = 3;
const MAX_ROW_WINDOWS = 8;
/**
 * Automatic slices of rows hold at least this many: a distance test (Wasserstein ≥ 0.1) on a few
 * hundred rows flags unmoved features by sampling noise alone.
 */
const AUTO_SLICE_ROWS = 500;
/** More windows than this is a mistake (a one-minute window over months), not a chart. */
const MAX_WINDOWS = 500;

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Cuts the rows of `relation` (collected prediction rows: `at`, `seq`, `row`) into windows. Asked for
 * minutes or rows, it uses them; otherwise it picks the shortest usual span that gives at most 24
 * windows, and when the traffic spans too little time for 3 (a fresh deployment), it cuts the rows
 * in arrival order into up to 8 slices of at least 500 rows (or `minWindowRows`, if more) — so there
 * is something to judge, and enough of it that sampling noise alone does not look like drift.
 */
export async function cutWindows(con: DuckDBConnection, relation: string, choice: { windowMinutes?: number; windowRows?: number }, minWindowRows: number): Promise<WindowCut> {
  const [first] = (await con.runAndReadAll(`SELECT COUNT(*), MIN(epoch_ms("at")), MAX(epoch_ms("at")) FROM ${relation}`)).getRows();
  const [count, lo, hi] = first!.map((v) => (v === null ? null : Number(v)));
  if (!count || lo === null || hi === null) return { cut: { kind: 'rows', rows: minWindowRows }, windows: [], windowed: `(SELECT *, 0 AS __window FROM ${relation})` };
  const spans = (minutes: number) => Math.floor(hi! / (minutes * 60_000)) - Math.floor(lo! / (minutes * 60_000)) + 1;
  let cut: WindowCutKind;
  if (choice.windowMinutes) cut = { kind: 'minutes', minutes: choice.windowMinutes };
  else if (choice.windowRows) cut = { kind: 'rows', rows: choice.windowRows };
  else {
    const minutes = AUTO_MINUTES.find((m) => spans(m) <= MAX_AUTO) ?? AUTO_MINUTES.at(-1)!;
    const slices = Math.min(MAX_ROW_WINDOWS, Math.max(1, Math.floor(count / Math.max(minWindowRows, AUTO_SLICE_ROWS))));
    cut = spans(minutes) >= MIN_AUTO ? { kind: 'minutes', minutes } : { kind: 'rows', rows: Math.ceil(count / slices) };
  }
  if (cut.kind === 'minutes') {
    const width = cut.minutes * 60_000;
    const n = spans(cut.minutes);
    if (n > MAX_WINDOWS) throw new MlcycleError('INVALID_ARGUMENT', `${cut.minutes}-minute windows over this traffic make ${n} windows: choose a longer window (at most ${MAX_WINDOWS}).`, { field: 'windowMinutes' });
    const t0 = Math.floor(lo! / width) * width;
    const windowed = `(SELECT *, CAST((epoch_ms("at") - ${t0}) // ${width} AS INTEGER) AS __window FROM ${relation})`;
    const counted = new Map((await con.runAndReadAll(`SELECT __window, COUNT(*) FROM ${windowed} GROUP BY ALL`)).getRows().map((r) => [Number(r[0]), Number(r[1])]));
    const windows = Array.from({ length: n }, (_, i) => ({ start: iso(t0 + i * width), end: iso(t0 + (i + 1) * width), rows: counted.get(i) ?? 0 }));
    return { cut, windows, windowed };
  }
  const size = cut.rows;
  const windowed = `(SELECT *, CAST((row_number() OVER (ORDER BY "seq", "row") - 1) // ${size} AS INTEGER) AS __window FROM ${relation})`;
  if (Math.ceil(count / size) > MAX_WINDOWS) throw new MlcycleError('INVALID_ARGUMENT', `${size}-row windows over ${count} rows make more than ${MAX_WINDOWS} windows: choose more rows per window.`, { field: 'windowRows' });
  const rows = (await con.runAndReadAll(`SELECT __window, COUNT(*), MIN(epoch_ms("at")), MAX(epoch_ms("at")) FROM ${windowed} GROUP BY ALL ORDER BY 1`)).getRows();
  const windows = rows.map((r) => ({ start: iso(Number(r[2])), end: iso(Number(r[3])), rows: Number(r[1]) }));
  return { cut, windows, windowed };
}
