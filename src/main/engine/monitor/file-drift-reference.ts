import type { DuckDBConnection } from '@duckdb/node-api';
import type { FeatureReference } from '../../../shared/monitor/feature-drift';
import { double, ident } from '../data/sql';
import { binsToRead, numericFromBins, type FineHistogram } from './file-drift-ranks';
import { numberColumns } from './file-drift-source';

/**
 * A reference profile computed by DuckDB from a data file, in the shape a package carries
 * (reference-profile.ts), without sorting or copying whole columns: one pass counts each numeric
 * column into fine bins, a second reads only the few bins next to its deciles (file-drift-ranks.ts
 * explains what is exact and what is interpolated), one GROUP BY counts each category.
 * Non-finite numbers count as missing.
 */

/**
 * Fine bins per numeric column. More bins make the sample closer to exact but the counting slower
 * (a hash table per column); 16,384 keeps each sample value within 1/16,383 of the column's range.
 */
export const FINE_BINS = 1 << 12;

export interface ReferenceColumn {
  name: string;
  kind: 'numeric' | 'categorical';
}

const toNumber = (v: unknown) => (typeof v === 'bigint' ? Number(v) : (v as number));

/** The profile of each column of `relation` (a table or view), in the order given. */
export async function referenceFromSource(con: DuckDBConnection, relation: string, columns: ReferenceColumn[]): Promise<FeatureReference[]> {
  const out = new Map<string, FeatureReference>();
  const numeric = columns.filter((c) => c.kind === 'numeric').map((c) => c.name);
  if (numeric.length) for (const ref of await numericProfiles(con, relation, numeric)) out.set(ref.name, ref);
  const categorical = columns.filter((c) => c.kind === 'categorical').map((c) => c.name);
  if (categorical.length) {
    const profiles = categorical.map((name) => ({ name, kind: 'categorical' as const, frequencies: {} as Record<string, number>, missing: 0 }));
    // Sorted, so the report lists categories the same way every time.
    const sql = `${categorical.map((name, i) => `SELECT ${i} AS i, ${ident(name)}::VARCHAR AS v, COUNT(*) AS n FROM ${relation} GROUP BY ALL`).join(' UNION ALL ')} ORDER BY i, v`;
    for (const [i, v, n] of (await con.runAndReadAll(sql)).getRows()) {
      const p = profiles[toNumber(i)]!;
      if (v === null) p.missing += toNumber(n);
      else p.frequencies[v as string] = toNumber(n);
    }
    for (const p of profiles) out.set(p.name, p);
  }
  return columns.map((c) => out.get(c.name)!);
}

interface Ranged {
  name: string;
  i: number;
  min: number | null;
  max: number | null;
  /** False when the column holds NaN or infinities, which then have to be filtered out. */
  finite: boolean;
}

/** Each column's smallest and largest finite value. Plain MIN and MAX come from a Parquet file's statistics without a scan; a NaN or an infinity shows there (DuckDB sorts NaN last) and sends that column to a filtered pass. */
async function ranges(con: DuckDBConnection, relation: string, names: string[]): Promise<Ranged[]> {
  const read = async (cols: string[], filtered: boolean) => {
    const agg = (fn: string, c: string) => (filtered ? `${fn}(${ident(c)}::DOUBLE) FILTER (WHERE isfinite(${ident(c)}::DOUBLE))` : `${fn}(${ident(c)})`);
    const row = (await con.runAndReadAll(`SELECT ${cols.map((c) => `${agg('MIN', c)}, ${agg('MAX', c)}`).join(', ')} FROM ${relation}`)).getRows()[0]!;
    return row.map((v) => (v === null ? null : toNumber(v)));
  };
  const plain = await read(names, false);
  const columns = names.map((name, i) => ({ name, i, min: plain[2 * i]!, max: plain[2 * i + 1]!, finite: true }));
  const odd = columns.filter((c) => c.min !== null && !(Number.isFinite(c.min) && Number.isFinite(c.max)));
  if (odd.length) {
    const again = await read(odd.map((c) => c.name), true);
    odd.forEach((c, k) => Object.assign(c, { min: again[2 * k], max: again[2 * k + 1], finite: false }));
  }
  return columns;
}

async function numericProfiles(con: DuckDBConnection, relation: string, names: string[]): Promise<FeatureReference[]> {
  const total = toNumber((await con.runAndReadAll(`SELECT COUNT(*) FROM ${relation}`)).getRows()[0]![0]);
  const columns = await ranges(con, relation, names);
  const present = columns.filter((c) => c.min !== null);
  // Any bin number that never decreases as the value grows would do; this one spreads min…max over FINE_BINS.
  const binned = (c: Ranged) => {
    const value = `${ident(c.name)}::DOUBLE`;
    const scale = c.max! > c.min! ? (FINE_BINS - 1) / (c.max! - c.min!) : 0;
    const bin = `LEAST(GREATEST(${value} * ${double(scale)} - ${double(c.min! * scale)}, 0), ${FINE_BINS - 1})::INTEGER`;
    return `SELECT ${c.i} AS i, ${bin} AS b, ${value} AS v FROM ${relation} WHERE ${c.finite ? `${ident(c.name)} IS NOT NULL` : `isfinite(${value})`}`;
  };
  const empty = new Float64Array(0);
  const bins = new Map<number, FineHistogram>(columns.map((c) => [c.i, { bin: empty, count: empty, min: empty, max: empty }]));
  if (present.length) {
    const sql = `SELECT * FROM (${present.map((c) => `SELECT i, b, COUNT(*)::DOUBLE, MIN(v), MAX(v) FROM (${binned(c)}) GROUP BY i, b`).join(' UNION ALL ')}) ORDER BY 1, 2`;
    const [i, b, count, min, max] = await numberColumns(con, sql);
    // Sorted by column and bin: each column's bins are one slice of the arrays.
    for (let from = 0; from < i!.length; ) {
      let to = from;
      while (to < i!.length && i![to] === i![from]) to++;
      bins.set(i![from]!, { bin: b!.subarray(from, to), count: count!.subarray(from, to), min: min!.subarray(from, to), max: max!.subarray(from, to) });
      from = to;
    }
  }
  const toRead = present.map((c) => ({ c, bins: binsToRead(bins.get(c.i)!) })).filter((r) => r.bins.length);
  const read = new Map<number, Map<number, Array<[number, number]>>>(columns.map((c) => [c.i, new Map()]));
  if (toRead.length) {
    const sql = toRead.map(({ c, bins: wanted }) => `SELECT i, b, v, COUNT(*)::DOUBLE FROM (${binned(c)}) WHERE b IN (${wanted.join(', ')}) GROUP BY ALL`).join(' UNION ALL ');
    const [i, b, v, count] = await numberColumns(con, sql);
    for (let k = 0; k < i!.length; k++) {
      const byBin = read.get(i![k]!)!;
      if (!byBin.has(b![k]!)) byBin.set(b![k]!, []);
      byBin.get(b![k]!)!.push([v![k]!, count![k]!]);
    }
  }
  return columns.map((c) => {
    const counted = bins.get(c.i)!.count.reduce((s, x) => s + x, 0);
    return numericFromBins(c.name, total - counted, bins.get(c.i)!, read.get(c.i)!);
  });
}
