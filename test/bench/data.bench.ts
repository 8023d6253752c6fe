import { DuckDBInstance } from '@duckdb/node-api';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { BIN, REPO } from '../helpers/cli';
import { tempDir } from '../helpers/temp';
import type { Figure } from './stats';

/**
 * The data set: rows × 20 columns — 15 numeric with skew and ~2% missing, 4 categorical,
 * 1 binary target — written once to .cache/bench and reused.
 */
async function generatedCsv(rows: number): Promise<string> {
  const file = path.join(REPO, '.cache', 'bench', `generated-${rows}.csv`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const numeric = Array.from({ length: 15 }, (_, i) => `CASE WHEN random() < 0.02 THEN NULL ELSE round(exp(random() * ${1 + (i % 4)}) * ${i + 1}, 4) END AS x${i + 1}`);
  const categorical = Array.from({ length: 4 }, (_, i) => `['a','b','c','d','e','f','g','h'][1 + floor(random() * ${3 + i * 2})::INT] AS c${i + 1}`);
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  await con.run(`COPY (SELECT ${[...numeric, ...categorical, '(random() < 0.3)::INT AS target'].join(', ')} FROM range(${rows})) TO '${file}.tmp' (HEADER, DELIMITER ',')`);
  con.closeSync();
  instance.closeSync();
  fs.renameSync(`${file}.tmp`, file);
  return file;
}

export function timedCli(args: string[], env: NodeJS.ProcessEnv): { seconds: number; maxRssMb: number } {
  const start = performance.now();
  const result = spawnSync(process.execPath, [BIN, ...args], { env: { ...process.env, ...env, MLCYCLE_REPORT_RESOURCES: '1' }, encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`mlcycle ${args.join(' ')} failed: ${result.stderr}`);
  const line = result.stderr.split('\n').find((l) => l.startsWith('mlcycle-resources '));
  return { seconds, maxRssMb: line ? (JSON.parse(line.slice('mlcycle-resources '.length)) as { maxRssMb: number }).maxRssMb : Number.NaN };
}

/** Each phase's seconds, from the log lines the job wrote ("quantiles and histograms: 1.01 s"). */
function jobPhases(kind: string, env: NodeJS.ProcessEnv, project: string): Array<{ phase: string; seconds: number }> {
  const run = (args: string[]) => JSON.parse(spawnSync(process.execPath, [BIN, ...args, '--project', project, '--json'], { env: { ...process.env, ...env }, encoding: 'utf8' }).stdout);
  const job = (run(['jobs', 'list']) as Array<{ id: string; kind: string }>).find((j) => j.kind === kind)!;
  const log = (run(['jobs', 'show', job.id]) as { log: Array<{ message: string }> }).log;
  return log.flatMap((l) => {
    const m = /^(.+): ([\d.]+) s$/.exec(l.message);
    return m ? [{ phase: m[1]!, seconds: Number(m[2]) }] : [];
  });
}

/**
 * What DuckDB alone needs on this machine for the two things every import and core profile must do,
 * measured in this process with nothing of MLCycle around it (and the import job's 384 MB budget):
 * parse the CSV and write it as zstd Parquet, then one aggregate query over that file with the core column statistics and every
 * Pearson pair. Their sum is a floor under `data import`, so the figures say how far the app is
 * from the engine it runs on (and whether a target below that floor can be met on this machine).
 */
async function duckDbFloor(csv: string, dir: string): Promise<{ copySeconds: number; statsSeconds: number }> {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(os.availableParallelism()), memory_limit: '384MB', temp_directory: path.join(dir, 'spill') });
  const con = await instance.connect();
  const parquet = path.join(dir, 'floor.parquet');
  try {
    let start = performance.now();
    await con.run(`COPY (SELECT * FROM read_csv('${csv}', header = true)) TO '${parquet}' (FORMAT parquet, COMPRESSION zstd)`);
    const copySeconds = (performance.now() - start) / 1000;
    const numeric = Array.from({ length: 15 }, (_, i) => `x${i + 1}`);
    const all = [...numeric, 'c1', 'c2', 'c3', 'c4', 'target'];
    const parts = [
      ...all.map((c) => `COUNT(${c}), APPROX_COUNT_DISTINCT(${c})`),
      ...numeric.map((c) => `MIN(${c}), MAX(${c}), AVG(${c}), STDDEV_SAMP(${c})`),
      ...numeric.flatMap((x, i) => numeric.slice(i + 1).map((y) => `CORR(${x}, ${y})`)),
    ];
    start = performance.now();
    await con.run(`SELECT ${parts.join(', ')} FROM read_parquet('${parquet}')`);
    return { copySeconds, statsSeconds: (performance.now() - start) / 1000 };
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

/**
 * Import through the built CLI, as a user runs it: wall seconds (CLI start to exit) and peak RSS.
 * `data import` profiles the new version in the same job, so "import + core profile" is one
 * command; the import alone (--no-profile, in a second project) and a forced re-profile of the
 * stored version show the two halves.
 */
export async function dataBenchmarks(rows = 1_000_000): Promise<Figure[]> {
  const csv = await generatedCsv(rows);
  const tmp = tempDir('mlcycle-bench-');
  const env = { MLCYCLE_HOME: path.join(tmp.dir, 'home') };
  const [project, bare] = [path.join(tmp.dir, 'p'), path.join(tmp.dir, 'bare')];
  for (const p of [project, bare]) spawnSync(process.execPath, [BIN, 'init', p], { env: { ...process.env, ...env } });
  const label = `${(rows / 1e6).toLocaleString('en')}M rows × 20 cols CSV (${(fs.statSync(csv).size / 1e6).toFixed(0)} MB)`;
  const importOnly = timedCli(['data', 'import', csv, '--project', bare, '--target', 'target', '--no-profile', '--json'], env);
  const imported = timedCli(['data', 'import', csv, '--project', project, '--target', 'target', '--json'], env);
  const profiled = timedCli(['data', 'profile', path.basename(csv, '.csv'), '--force', '--project', project, '--json'], env);
  const phases = jobPhases('data.import', env, project);
  const floor = await duckDbFloor(csv, tmp.dir);
  tmp.cleanup();
  return [
    { benchmark: `Import + core profile, ${label}`, metric: 'wall time (`data import`, CLI start to exit)', value: imported.seconds, unit: 's' },
    { benchmark: `Import + core profile, ${label}`, metric: 'peak RSS', value: imported.maxRssMb, unit: 'MB' },
    { benchmark: `Import alone (--no-profile), ${label}`, metric: 'wall time (CLI start to exit)', value: importOnly.seconds, unit: 's' },
    { benchmark: `Import alone (--no-profile), ${label}`, metric: 'peak RSS', value: importOnly.maxRssMb, unit: 'MB' },
    { benchmark: `Profile again (--force), ${label}`, metric: 'wall time (CLI start to exit)', value: profiled.seconds, unit: 's' },
    { benchmark: `Profile again (--force), ${label}`, metric: 'peak RSS', value: profiled.maxRssMb, unit: 'MB' },
    { benchmark: `DuckDB floor: COPY CSV → zstd Parquet alone, ${label}`, metric: 'seconds in-process', value: floor.copySeconds, unit: 's' },
    { benchmark: `DuckDB floor: one query of core statistics + 105 Pearson pairs on that Parquet`, metric: 'seconds in-process', value: floor.statsSeconds, unit: 's' },
    ...phases.map((p) => ({ benchmark: `Import job phase: ${p.phase}`, metric: 'seconds inside the job', value: p.seconds, unit: 's' })),
  ];
}
