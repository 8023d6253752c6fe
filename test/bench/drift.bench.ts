import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileDrift } from '../../src/main/engine/monitor/file-drift';
import { REPO } from '../helpers/cli';
import { timedCli } from './data.bench';
import type { Figure } from './stats';
import { trainingCsv } from './train.bench';

const REFERENCE_ROWS = 1_000_000;
const CURRENT_ROWS = 200_000;

/**
 * The shifts in the current window: x1 scaled by 1.3, x4 moved by 8, x9 squeezed and moved, and half
 * of c2's 'a' turned into 'b' — four of the twenty columns, so the dataset as a whole does not drift
 * (the policy's share is one half) and the command exits 0.
 */
const SHIFTED = `* REPLACE (x1 * 1.3 AS x1, x4 + 8 AS x4, x9 * 0.8 + 3 AS x9, CASE WHEN c2 = 'a' AND hash(x2) % 2 = 0 THEN 'b' ELSE c2 END AS c2)`;

/**
 * The benchmark table of the other suites (train.bench.ts: 15 skewed numeric columns with missing
 * values, 4 categorical, a 0/1 target: 20 columns) drawn for 1.2M rows: the first 1M as the
 * reference Parquet file, the other 200,000 (independent draws of the same generator) as the current
 * window, shifted. Written once to .cache/bench.
 */
async function driftFiles(): Promise<{ reference: string; current: string }> {
  const dir = path.join(REPO, '.cache', 'bench');
  const reference = path.join(dir, `drift-reference-${REFERENCE_ROWS}.parquet`);
  const current = path.join(dir, `drift-current-${CURRENT_ROWS}.parquet`);
  if (fs.existsSync(reference) && fs.existsSync(current)) return { reference, current };
  const csv = trainingCsv(REFERENCE_ROWS + CURRENT_ROWS);
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  await con.run(`CREATE TABLE rows AS SELECT row_number() OVER () AS n, * FROM read_csv('${csv}')`);
  await con.run(`COPY (SELECT * EXCLUDE (n) FROM rows WHERE n <= ${REFERENCE_ROWS} ORDER BY n) TO '${reference}.tmp' (FORMAT parquet, COMPRESSION zstd)`);
  await con.run(`COPY (SELECT ${SHIFTED} FROM (SELECT * EXCLUDE (n) FROM rows WHERE n > ${REFERENCE_ROWS} ORDER BY n)) TO '${current}.tmp' (FORMAT parquet, COMPRESSION zstd)`);
  con.closeSync();
  instance.closeSync();
  fs.renameSync(`${reference}.tmp`, reference);
  fs.renameSync(`${current}.tmp`, current);
  return { reference, current };
}

/**
 * `npm run bench -- drift`: `mlcycle drift` on a 1M-row reference file against a 200,000-row current
 * window, 20 columns (Wasserstein and Jensen–Shannon, as the defaults pick for a reference this
 * large), as a user runs it: wall seconds from CLI start to exit, peak RSS, and what starting the
 * CLI alone costs; then the same comparison inside this process, best of three, with where its time
 * went. The load average at the start says how busy the machine was.
 */
export async function driftBenchmarks(): Promise<Figure[]> {
  const { reference, current } = await driftFiles();
  const load = os.loadavg()[0]!;
  const startup = timedCli(['--version'], {});
  const cli = timedCli(['drift', '--reference', reference, '--current', current, '--json'], {});
  let best: { seconds: number; report: Awaited<ReturnType<typeof fileDrift>> } | null = null;
  for (let k = 0; k < 3; k++) {
    const started = performance.now();
    const report = await fileDrift(reference, current);
    const seconds = (performance.now() - started) / 1000;
    if (!best || seconds < best.seconds) best = { seconds, report };
  }
  const label = `Drift, ${(REFERENCE_ROWS / 1e6).toLocaleString('en')}M-row reference vs ${CURRENT_ROWS.toLocaleString('en')}-row current, 20 columns (Parquet)`;
  process.stdout.write(`drift: drifted features ${best!.report.dataset.driftedFeatures.join(', ')} (shifted: x1, x4, x9, c2)\n`);
  return [
    { benchmark: label, metric: 'load average (1 min) when the suite started, on this many cores', value: load, unit: `/ ${os.availableParallelism()}` },
    { benchmark: label, metric: 'whole command, wall (`mlcycle drift`, CLI start to exit; target < 3 s)', value: cli.seconds, unit: 's' },
    { benchmark: label, metric: 'peak RSS (`mlcycle drift`)', value: cli.maxRssMb, unit: 'MB' },
    { benchmark: label, metric: 'of the wall: the CLI starting and exiting alone (`mlcycle --version`)', value: startup.seconds, unit: 's' },
    { benchmark: label, metric: 'the comparison alone, in-process (best of 3)', value: best!.seconds, unit: 's' },
    ...best!.report.phases.map((p) => ({ benchmark: `Drift phase: ${p.phase}`, metric: 'seconds, in-process (the best run)', value: p.seconds, unit: 's' })),
  ];
}
