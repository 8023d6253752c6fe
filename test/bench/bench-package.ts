import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Run } from '../../src/shared/train/models';
import { BIN } from '../helpers/cli';
import { tempDir } from '../helpers/temp';
import { trainingCsv } from './train.bench';

/** The benchmark GBDT package and the fresh home and project it was trained, signed and packaged in. */
export interface BenchPackage {
  /** The 1M-row (or `rows`) training CSV it was trained on. */
  csv: string;
  /** The signed .mlpkg. */
  pkg: string;
  /** The temp folder holding home, project and package. */
  dir: string;
  project: string;
  /** MLCYCLE_HOME for the built CLI: its trusted keys verify the package. */
  env: { MLCYCLE_HOME: string };
  /** Runs the built CLI in that project; returns stdout, throws with stderr on failure. */
  cli(args: string[]): string;
  cleanup(): void;
}

/**
 * Imports the benchmark data (gbdt.bench.ts, as CSV) into a fresh project, trains a GBDT of 100
 * trees of depth 6 on it (seed 42) and packages the run, all through the built CLI. The `score`
 * and `serve` suites both measure this package.
 */
export function benchGbdtPackage(rows: number, prefix = 'mlcycle-bench-pkg-'): BenchPackage {
  const csv = trainingCsv(rows);
  const tmp = tempDir(prefix);
  const env = { MLCYCLE_HOME: path.join(tmp.dir, 'home') };
  const project = path.join(tmp.dir, 'p');
  const cli = (args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args, '--project', project], { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`mlcycle ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  spawnSync(process.execPath, [BIN, 'init', project], { env: { ...process.env, ...env } });
  cli(['data', 'import', csv, '--name', 'bench', '--target', 'target', '--as', 'target=categorical', '--no-profile']);
  const run = JSON.parse(cli(['train', '--dataset', 'bench', '--model', 'gbdt', '--params', 'nEstimators=100,maxDepth=6', '--seed', '42', '--json'])) as Run;
  const pkg = path.join(tmp.dir, 'bench.mlpkg');
  cli(['package', run.id, '--out', pkg]);
  return { csv, pkg, dir: tmp.dir, project, env, cli, cleanup: tmp.cleanup };
}
