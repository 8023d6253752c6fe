import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ColumnInfo } from '../../../shared/data/models';
import type { ColumnProfile, Profile, ProfileWarning, ValueCount } from '../../../shared/data/profile';
import { timedPhases } from '../jobs/tasks/phases';
import type { Task } from '../jobs/tasks/types';
import { DISPLAY_BINS } from './binned-quantiles';
import { binnedNumeric } from './profile-numeric';
import { double, ident, lit } from './sql';
import { mutualInformation } from './stats';

export interface ProfileParams {
  versionId: string;
  file: string;
  columns: ColumnInfo[];
  target: string | null;
}

/** DuckDB's memory budget for a profile (it spills beyond it). */
const PROFILE_MEMORY = '1GB';
const TOP = 12;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? (Number.isFinite(v) ? v : null) : Number(v));
const int = (v: unknown): number => Number(v ?? 0);

async function one(con: DuckDBConnection, sql: string): Promise<Record<string, unknown>> {
  return (await con.runAndReadAll(sql)).getRowObjects()[0] ?? {};
}

/**
 * The core profile in a handful of scans over the Parquet file, each one query for every column at
 * once: (1) counts, distincts, moments, lengths and candidate top values; (2) fine-bin counts and
 * (3) the few bins that pin the exact quantiles, which also give the histograms; (4) all Pearson
 * pairs, outlier counts and exact top-value counts; (5) duplicate rows; (6) one GROUPING SETS query
 * for the target's joint counts.
 */
export const profileTask: Task<ProfileParams, Profile> = async (params, ctx) => {
  const started = performance.now();
  // A bounded memory budget: past it DuckDB spills to a temporary folder (quantiles and distinct
  // hashing of a 10M-row file took 3 GB unbounded).
  const spill = fs.mkdtempSync(path.join(os.tmpdir(), 'mlcycle-profile-'));
  const instance = await DuckDBInstance.create(':memory:', { threads: String(Math.max(1, os.availableParallelism())), memory_limit: PROFILE_MEMORY, temp_directory: spill });
  const con = await instance.connect();
  const cancelled = setInterval(() => ctx.isCancelled() && con.interrupt(), 100);
  const phases = timedPhases(ctx);
  try {
    // Each scan reads the Parquet file directly: measured faster here than loading it into memory
    // first (4.8 s against 5.2 s for 1M × 20), and memory stays flat however large the file.
    await con.run(`CREATE VIEW t AS SELECT * FROM read_parquet(${lit(params.file)})`);
    const cols = params.columns;
    const numeric = cols.filter((c) => c.semantic === 'numeric' || (c.semantic !== 'datetime' && /INT|DOUBLE|FLOAT|DECIMAL|REAL/.test(c.type) && c.semantic !== 'categorical'));
    const numericNames = new Set(numeric.map((c) => c.name));

    phases.phase(0.05, 'column statistics');
    const parts: string[] = ['COUNT(*) AS rows'];
    cols.forEach((c, i) => {
      const x = ident(c.name);
      // HyperLogLog distinct counts (about ±2%; exact at low cardinality): an exact COUNT(DISTINCT) costs more than the rest together.
      parts.push(`COUNT(${x}) AS n${i}`, `APPROX_COUNT_DISTINCT(${x}) AS d${i}`);
      if (numericNames.has(c.name)) {
        const v = `${x}::DOUBLE`;
        parts.push(
          `MIN(${v}) AS min${i}`,
          `MAX(${v}) AS max${i}`,
          `AVG(${v}) AS mean${i}`,
          `STDDEV_SAMP(${v}) AS std${i}`,
          `SKEWNESS(${v}) AS skew${i}`,
          `COUNT_IF(${v} = 0) AS zeros${i}`,
        );
      }
      if (c.type === 'VARCHAR') parts.push(`MIN(LENGTH(${x})) AS lmin${i}`, `MAX(LENGTH(${x})) AS lmax${i}`, `AVG(LENGTH(${x})) AS lmean${i}`);
      if (c.semantic === 'datetime') parts.push(`MIN(${x})::VARCHAR AS tmin${i}`, `MAX(${x})::VARCHAR AS tmax${i}`);
    });
    const topParts = cols
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => !numericNames.has(c.name) && c.semantic !== 'datetime')
      .map(({ c, i }) => `APPROX_TOP_K(${ident(c.name)}::VARCHAR, ${TOP}) AS top${i}`);
    const a = await one(con, `SELECT ${[...parts, ...topParts].join(', ')} FROM t`);
    const rows = int(a.rows);

    phases.phase(0.3, 'quantiles and histograms');
    const binned = await binnedNumeric(con, numeric.map((c) => ({ index: cols.indexOf(c), name: c.name, min: num(a[`min${cols.indexOf(c)}`]), max: num(a[`max${cols.indexOf(c)}`]) })));

    // approx_top_k names the values; their exact counts, the outlier fences (which need the exact
    // quartiles) and every Pearson pair share one more scan.
    phases.phase(0.55, 'correlations, outliers and top values');
    const topValues = new Map<number, string[]>();
    cols.forEach((_c, i) => {
      const items = (a[`top${i}`] as { items?: unknown[] } | undefined)?.items;
      if (items) topValues.set(i, items.filter((v) => v !== null).map(String));
    });
    const lastParts = [...topValues].flatMap(([i, values]) => values.map((v, k) => `COUNT_IF(${ident(cols[i]!.name)}::VARCHAR = ${lit(v)}) AS c${i}_${k}`));
    for (const [i, b] of binned) {
      const v = `${ident(cols[i]!.name)}::DOUBLE`;
      const [q25, q75] = [b.quantiles[1], b.quantiles[3]];
      if (q25 != null && q75 != null) {
        const iqr = q75 - q25;
        lastParts.push(`COUNT_IF(${v} < ${double(q25 - 1.5 * iqr)} OR ${v} > ${double(q75 + 1.5 * iqr)}) AS oi${i}`);
      }
      const mean = num(a[`mean${i}`]);
      const std = num(a[`std${i}`]);
      if (mean !== null && std !== null && std > 0) lastParts.push(`COUNT_IF(ABS(${v} - ${double(mean)}) > ${double(3 * std)}) AS oz${i}`);
    }
    const numericCols = numeric.map((c) => c.name);
    numericCols.forEach((x, i) => numericCols.forEach((y, j) => j > i && lastParts.push(`CORR(${ident(x)}::DOUBLE, ${ident(y)}::DOUBLE) AS r${i}_${j}`)));
    const last = lastParts.length ? await one(con, `SELECT ${lastParts.join(', ')} FROM t`) : {};
    const matrix = numericCols.map((_x, i) => numericCols.map((_y, j) => (i === j ? 1 : num(last[i < j ? `r${i}_${j}` : `r${j}_${i}`]))));

    phases.phase(0.8, 'duplicate rows');
    const dup = await one(con, `SELECT COUNT(*) - COUNT(DISTINCT HASH(${cols.map((c) => ident(c.name)).join(', ')})) AS dup FROM t`);

    const profiles: ColumnProfile[] = cols.map((c, i) => {
      const b = binned.get(i);
      const q = b?.quantiles;
      const min = num(a[`min${i}`]);
      const max = num(a[`max${i}`]);
      const width = min !== null && max !== null && max > min ? (max - min) / DISPLAY_BINS : 1;
      const top: ValueCount[] | null = topValues.has(i)
        ? topValues.get(i)!.map((value, k) => ({ value, count: int(last[`c${i}_${k}`]) })).sort((x, y) => y.count - x.count)
        : null;
      return {
        name: c.name,
        type: c.type,
        semantic: c.semantic,
        count: int(a[`n${i}`]),
        missing: rows - int(a[`n${i}`]),
        distinct: Math.min(int(a[`d${i}`]), int(a[`n${i}`])),
        numeric: numericNames.has(c.name)
          ? {
              min,
              max,
              mean: num(a[`mean${i}`]),
              std: num(a[`std${i}`]),
              quantiles: { p5: q?.[0] ?? null, p25: q?.[1] ?? null, p50: q?.[2] ?? null, p75: q?.[3] ?? null, p95: q?.[4] ?? null },
              skewness: num(a[`skew${i}`]),
              zeros: int(a[`zeros${i}`]),
              histogram: min === null || !b?.histogram ? { edges: [], counts: [] } : { edges: Array.from({ length: DISPLAY_BINS + 1 }, (_, k) => min + k * width), counts: b.histogram },
              outliersIqr: int(last[`oi${i}`]),
              outliersZ: int(last[`oz${i}`]),
            }
          : null,
        top,
        length: c.type === 'VARCHAR' ? { min: num(a[`lmin${i}`]), max: num(a[`lmax${i}`]), mean: num(a[`lmean${i}`]) } : null,
        range: c.semantic === 'datetime' ? { min: (a[`tmin${i}`] as string | null) ?? null, max: (a[`tmax${i}`] as string | null) ?? null } : null,
      };
    });

    phases.phase(0.85, 'target association');
    const target = params.target ? await targetSection(con, params.target, profiles, numericCols, matrix) : null;
    const warnings = warningsFor(profiles, rows, int(dup.dup), target);
    phases.end();
    ctx.progress(1, 'done');
    return {
      versionId: params.versionId,
      rows,
      columns: profiles,
      pearson: { columns: numericCols, matrix },
      duplicateRows: int(dup.dup),
      target,
      warnings,
      seconds: (performance.now() - started) / 1000,
      computedAt: new Date().toISOString(),
    };
  } finally {
    clearInterval(cancelled);
    con.closeSync();
    instance.closeSync();
    fs.rmSync(spill, { recursive: true, force: true });
  }
};

/** A feature's values as a small number of groups: histogram bins for numbers, the value otherwise. */
function binExpression(p: ColumnProfile): string {
  const x = ident(p.name);
  if (p.numeric && p.numeric.min !== null && p.numeric.max !== null) {
    const width = p.numeric.max > p.numeric.min ? (p.numeric.max - p.numeric.min) / 10 : 1;
    return `LEAST(FLOOR((${x}::DOUBLE - ${p.numeric.min}) / ${width}), 9)::INTEGER`;
  }
  // Grouped by the value itself: casting every value to text would cost more than the grouping.
  return x;
}

async function targetSection(con: DuckDBConnection, column: string, profiles: ColumnProfile[], numericCols: string[], matrix: Array<Array<number | null>>): Promise<Profile['target']> {
  const t = profiles.find((p) => p.name === column);
  if (!t) return null;
  const classification = !t.numeric || t.semantic === 'categorical' || t.semantic === 'boolean' || t.distinct <= 20;
  const features = profiles.filter((p) => p.name !== column && p.distinct > 0);
  const associations: Array<{ column: string; measure: 'pearson' | 'mutual_information'; value: number }> = [];
  if (!classification) {
    const ti = numericCols.indexOf(column);
    numericCols.forEach((name, i) => {
      const r = matrix[ti]?.[i];
      if (name !== column && r !== null && r !== undefined) associations.push({ column: name, measure: 'pearson', value: r });
    });
  }
  // Mutual information for every feature a correlation does not cover (all of them for a class target).
  const forMi = features.filter((p) => classification || !p.numeric);
  if (forMi.length) {
    const targetBin = classification ? ident(column) : binExpression(t);
    const sets = forMi.map((_p, i) => `(f${i}, y)`).join(', ');
    const select = forMi.map((p, i) => `${binExpression(p)} AS f${i}`).join(', ');
    const grouping = forMi.map((_p, i) => `GROUPING(f${i}) AS g${i}`).join(', ');
    const rows = (await con.runAndReadAll(`SELECT ${forMi.map((_p, i) => `f${i}`).join(', ')}, y, ${grouping}, COUNT(*) AS n FROM (SELECT ${select}, ${targetBin} AS y FROM t) GROUP BY GROUPING SETS (${sets})`)).getRowObjects();
    forMi.forEach((p, i) => {
      const joint = rows.filter((r) => Number(r[`g${i}`]) === 0).map((r) => ({ x: String(r[`f${i}`]), y: String(r.y), n: Number(r.n) }));
      associations.push({ column: p.name, measure: 'mutual_information', value: mutualInformation(joint) });
    });
  }
  associations.sort((x, y) => Math.abs(y.value) - Math.abs(x.value));
  return { column, kind: classification ? 'classification' : 'regression', classBalance: classification ? t.top : null, associations };
}

function warningsFor(profiles: ColumnProfile[], rows: number, duplicates: number, target: Profile['target']): ProfileWarning[] {
  const out: ProfileWarning[] = [];
  const pct = (x: number) => `${((100 * x) / Math.max(1, rows)).toFixed(1)}%`;
  for (const p of profiles) {
    if (p.distinct <= 1) out.push({ kind: 'constant', column: p.name, message: `${p.name} has ${p.distinct === 0 ? 'no values' : 'a single value'}: it cannot help a model.` });
    else if (p.distinct >= 0.95 * p.count && p.count > 20 && (p.semantic === 'text' || /INT/.test(p.type))) {
      out.push({ kind: 'id_like', column: p.name, message: `${p.name} is different on nearly every row (${p.distinct.toLocaleString('en')} distinct): it looks like an ID; a model would memorise it.` });
    }
    if (p.missing / Math.max(1, rows) > 0.3) out.push({ kind: 'missing', column: p.name, message: `${p.name} is missing in ${pct(p.missing)} of rows.` });
    const skew = p.numeric?.skewness;
    if (skew !== null && skew !== undefined && Math.abs(skew) > 2) out.push({ kind: 'skewed', column: p.name, message: `${p.name} is heavily skewed (skewness ${skew.toFixed(1)}); consider a log transform or clipping.` });
  }
  if (duplicates > 0) out.push({ kind: 'duplicates', column: null, message: `${duplicates.toLocaleString('en')} rows (${pct(duplicates)}) are exact duplicates of another row.` });
  if (target) {
    // A feature that carries nearly all the target's information (MI ≥ 90% of the target's entropy,
    // or |r| > 0.95) is almost certainly derived from it.
    const counts = target.classBalance?.map((c) => c.count) ?? [];
    const total = counts.reduce((a, b) => a + b, 0);
    const entropy = counts.reduce((h, c) => (c > 0 ? h - (c / total) * Math.log(c / total) : h), 0);
    for (const a of target.associations) {
      const leak = a.measure === 'pearson' ? Math.abs(a.value) > 0.95 : entropy > 0 && a.value >= 0.9 * entropy;
      if (leak) out.push({ kind: 'leakage', column: a.column, message: `${a.column} nearly determines the target ${target.column}: check it is known before the prediction is made (possible leakage).` });
    }
    const balance = target.classBalance;
    if (balance && balance.length > 1) {
      const minority = Math.min(...balance.map((b) => b.count));
      if (minority / Math.max(1, rows) < 0.05) out.push({ kind: 'imbalanced', column: target.column, message: `The rarest class of ${target.column} is ${pct(minority)} of rows: use PR AUC or balanced accuracy, and stratified splits.` });
    }
  }
  return out;
}
