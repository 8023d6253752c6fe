import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '../duckdb';
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
export const PROFILE_MEMORY = '1GB';
const TOP = 12;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? (Number.isFinite(v) ? v : null) : Number(v));
const int = (v: unknown): number => Number(v ?? 0);

async function one(con: DuckDBConnection, sql: string): Promise<Record<string, unknown>> {
  return (await con.runAndReadAll(sql)).getRowObjects()[0] ?? {};
}

/** Phases that log their seconds (timedPhases), so a slow profile says where its time went. */
export interface Phases {
  phase(fraction: number, name: string): void;
}

/**
 * The core profile of the view `t` in a handful of scans, each one query for every column at
 * once: (1) counts, distincts, moments, lengths, every Pearson pair and candidate top values of
 * text; (2) fine-bin counts and (3) the few bins that pin the exact quantiles, which also give the
 * histograms, beside exact level counts of categories; (4) outlier counts, exact counts of the text
 * candidates and duplicate rows; (5) one GROUPING SETS query for the target's joint counts. The import job runs it on the Parquet file it has just written,
 * in the same DuckDB instance, so a new version has its profile without a second job.
 */
export async function profileView(con: DuckDBConnection, params: Omit<ProfileParams, 'file'>, phases: Phases): Promise<Profile> {
  const started = performance.now();
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
  const withTop = cols.map((c, i) => ({ c, i })).filter(({ c }) => !numericNames.has(c.name) && c.semantic !== 'datetime');
  // Categories have few levels: counting them all is one cheap GROUP BY and exact. Free text may have
  // a million distinct values, so approx_top_k names its candidates and a later scan counts them.
  const fewLevels = withTop.filter(({ c }) => c.semantic === 'categorical' || c.semantic === 'boolean');
  const topParts = withTop.filter((x) => !fewLevels.includes(x)).map(({ c, i }) => `APPROX_TOP_K(${ident(c.name)}::VARCHAR, ${TOP}) AS top${i}`);
  // Pearson pairs need nothing computed before them, so they share this first scan.
  const numericCols = numeric.map((c) => c.name);
  const corrParts: string[] = [];
  numericCols.forEach((x, i) => numericCols.forEach((y, j) => j > i && corrParts.push(`CORR(${ident(x)}::DOUBLE, ${ident(y)}::DOUBLE) AS r${i}_${j}`)));
  const a = await one(con, `SELECT ${[...parts, ...topParts, ...corrParts].join(', ')} FROM t`);
  const rows = int(a.rows);
  const matrix = numericCols.map((_x, i) => numericCols.map((_y, j) => (i === j ? 1 : num(a[i < j ? `r${i}_${j}` : `r${j}_${i}`]))));

  phases.phase(0.3, 'quantiles and histograms');
  const binned = await binnedNumeric(con, numeric.map((c) => ({ index: cols.indexOf(c), name: c.name, min: num(a[`min${cols.indexOf(c)}`]), max: num(a[`max${cols.indexOf(c)}`]) })));

  // approx_top_k names the text values; their exact counts, the outlier fences (which need the
  // exact quartiles) and the duplicate count share one more scan.
  phases.phase(0.55, 'top values, outliers and duplicate rows');
  const topValues = new Map<number, string[]>();
  cols.forEach((_c, i) => {
    const items = (a[`top${i}`] as { items?: unknown[] } | undefined)?.items;
    if (items) topValues.set(i, items.filter((v) => v !== null).map(String));
  });
  const lastParts = [...topValues].flatMap(([i, values]) => values.map((v, k) => `COUNT_IF(${ident(cols[i]!.name)}::VARCHAR = ${lit(v)}) AS c${i}_${k}`));
  const exactTop = new Map<number, ValueCount[]>(fewLevels.map(({ i }) => [i, []]));
  if (fewLevels.length) {
    const sql = fewLevels
      .map(({ c, i }) => `(SELECT ${i} AS i, ${ident(c.name)}::VARCHAR AS v, COUNT(*) AS n FROM t WHERE ${ident(c.name)} IS NOT NULL GROUP BY ALL ORDER BY n DESC, v LIMIT ${TOP})`)
      .join(' UNION ALL ');
    for (const [i, v, n] of (await con.runAndReadAll(sql)).getRows()) exactTop.get(Number(i))!.push({ value: String(v), count: Number(n) });
  }
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
  lastParts.push(`COUNT(*) - COUNT(DISTINCT HASH(${cols.map((c) => ident(c.name)).join(', ')})) AS dup`);
  const last = await one(con, `SELECT ${lastParts.join(', ')} FROM t`);
  const duplicates = int(last.dup);

  const profiles: ColumnProfile[] = cols.map((c, i) => {
    const b = binned.get(i);
    const q = b?.quantiles;
    const min = num(a[`min${i}`]);
    const max = num(a[`max${i}`]);
    const width = min !== null && max !== null && max > min ? (max - min) / DISPLAY_BINS : 1;
    const top: ValueCount[] | null = exactTop.has(i)
      ? exactTop.get(i)!.sort((x, y) => y.count - x.count)
      : topValues.has(i)
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
  const warnings = warningsFor(profiles, rows, duplicates, target);
  return {
    versionId: params.versionId,
    rows,
    columns: profiles,
    pearson: { columns: numericCols, matrix },
    duplicateRows: duplicates,
    target,
    warnings,
    seconds: (performance.now() - started) / 1000,
    computedAt: new Date().toISOString(),
  };
}

/** The profile job for a version that has none (or a forced recompute): the Parquet file read directly. */
export const profileTask: Task<ProfileParams, Profile> = async (params, ctx) => {
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
    const profile = await profileView(con, params, phases);
    phases.end();
    ctx.progress(1, 'done');
    return profile;
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
