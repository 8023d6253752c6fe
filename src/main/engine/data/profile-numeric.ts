import type { DuckDBConnection } from '@duckdb/node-api';
import { binsToFetch, displayHistogram, FINE_BINS, PROBABILITIES, quantilesFromBins } from './binned-quantiles';
import { double, ident } from './sql';

export interface NumericColumn {
  /** Position in the profile's column list. */
  index: number;
  name: string;
  min: number | null;
  max: number | null;
}

export interface BinnedStats {
  /** Exact quantiles at PROBABILITIES. */
  quantiles: Array<number | null>;
  /** Display histogram counts (equal width, min to max), or null where no finite range exists. */
  histogram: number[] | null;
}

/**
 * A column whose wanted bins hold more values than this (one huge outlier squeezes everything into
 * the first bin) gets DuckDB's QUANTILE_CONT instead, which is exact at any shape.
 */
const FETCH_LIMIT = 200_000;

const toNumber = (v: unknown) => (typeof v === 'bigint' ? Number(v) : (v as number));

/**
 * Exact quantiles and histograms of every numeric column in two scans of the view `t`: fine-bin
 * counts for all columns, then the values of the few bins that hold the wanted ranks (see
 * binned-quantiles.ts for why that is exact).
 */
export async function binnedNumeric(con: DuckDBConnection, columns: NumericColumn[]): Promise<Map<number, BinnedStats>> {
  const out = new Map<number, BinnedStats>();
  const ranged = columns.filter((c) => c.min !== null && c.max !== null && Number.isFinite(c.min) && Number.isFinite(c.max));
  const binOf = (c: NumericColumn) => {
    const width = c.max! > c.min! ? (c.max! - c.min!) / FINE_BINS : 1;
    return `LEAST(FLOOR((${ident(c.name)}::DOUBLE - ${double(c.min!)}) / ${double(width)}), ${FINE_BINS - 1})::INTEGER`;
  };

  const counts = new Map<number, Map<number, number>>(ranged.map((c) => [c.index, new Map()]));
  if (ranged.length) {
    const sql = ranged.map((c) => `SELECT ${c.index} AS i, ${binOf(c)} AS b, COUNT(*) AS n FROM t WHERE ${ident(c.name)} IS NOT NULL GROUP BY ALL`).join(' UNION ALL ');
    for (const [i, b, n] of (await con.runAndReadAll(sql)).getRows()) counts.get(toNumber(i))!.set(toNumber(b), toNumber(n));
  }

  const fetch = new Map<NumericColumn, number[]>();
  const exactlyByDuckDb = columns.filter((c) => !ranged.includes(c));
  for (const c of ranged) {
    const plan = binsToFetch(counts.get(c.index)!);
    if (plan.values > FETCH_LIMIT) exactlyByDuckDb.push(c);
    else if (plan.bins.length) fetch.set(c, plan.bins);
  }
  const fetched = new Map<number, Map<number, number[]>>([...fetch.keys()].map((c) => [c.index, new Map()]));
  if (fetch.size) {
    const sql = [...fetch]
      .map(([c, bins]) => `SELECT i, b, v FROM (SELECT ${c.index} AS i, ${binOf(c)} AS b, ${ident(c.name)}::DOUBLE AS v FROM t WHERE ${ident(c.name)} IS NOT NULL) WHERE b IN (${bins.join(', ')})`)
      .join(' UNION ALL ');
    for (const [i, b, v] of (await con.runAndReadAll(sql)).getRows()) {
      const bins = fetched.get(toNumber(i))!;
      const bin = toNumber(b);
      if (!bins.has(bin)) bins.set(bin, []);
      bins.get(bin)!.push(v as number);
    }
  }
  for (const c of ranged) {
    if (exactlyByDuckDb.includes(c)) continue;
    out.set(c.index, { quantiles: quantilesFromBins(counts.get(c.index)!, fetched.get(c.index) ?? new Map()), histogram: displayHistogram(counts.get(c.index)!) });
  }

  for (const c of exactlyByDuckDb) {
    const row = (await con.runAndReadAll(`SELECT QUANTILE_CONT(${ident(c.name)}::DOUBLE, [${PROBABILITIES.join(', ')}]) AS q FROM t`)).getRowObjects()[0];
    const items = (row?.q as { items?: unknown[] } | null)?.items ?? [];
    const quantiles = PROBABILITIES.map((_p, k) => (items[k] === null || items[k] === undefined ? null : Number(items[k])));
    out.set(c.index, { quantiles, histogram: counts.has(c.index) ? displayHistogram(counts.get(c.index)!) : null });
  }
  return out;
}
