import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Run } from '../../src/shared/train/models';
import { BIN, REPO } from '../helpers/cli';
import { tempDir } from '../helpers/temp';
import { benchmarkData } from './gbdt.bench';
import type { Figure } from './stats';

/** The learnable 1M-row table of gbdt.bench.ts as CSV (categories as letters), written once to .cache/bench. */
export function trainingCsv(rows: number): string {
  const file = path.join(REPO, '.cache', 'bench', `train-${rows}.csv`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const { x, y } = benchmarkData(rows);
  const out = fs.openSync(`${file}.tmp`, 'w');
  fs.writeSync(out, `${x.names.join(',')},target\n`);
  const letters = 'abcdefghi';
  let chunk: string[] = [];
  for (let i = 0; i < rows; i++) {
    const cells = x.columns.map((c, j) => (j >= 15 ? letters[c[i]!] : Number.isNaN(c[i]!) ? '' : String(c[i])));
    chunk.push(`${cells.join(',')},${y[i]}`);
    if (chunk.length === 50_000) {
      fs.writeSync(out, `${chunk.join('\n')}\n`);
      chunk = [];
    }
  }
  if (chunk.length) fs.writeSync(out, `${chunk.join('\n')}\n`);
  fs.closeSync(out);
  fs.renameSync(`${file}.tmp`, file);
  return file;
}

const LEARNERS: Array<{ model: Run['model']; params: string; label: string }> = [
  { model: 'logistic', params: '', label: 'logistic regression (L2, L-BFGS)' },
  { model: 'mlp', params: 'hidden=64,64,epochs=3,batchSize=512,patience=0', label: 'MLP 2×64, 3 epochs' },
  { model: 'gbdt', params: 'nEstimators=100,maxDepth=6,learningRate=0.1', label: 'gradient-boosted trees, 100 trees of depth 6' },
];

/**
 * `npm run bench -- train`: the comparison on 1M rows, 80/20 stratified split, through
 * the built CLI as a user runs it. Reports the run's own training seconds (fit, without loading),
 * the whole command's wall time, test ROC AUC and the backend that ran.
 */
export async function trainBenchmarks(rows = 1_000_000): Promise<Figure[]> {
  const csv = trainingCsv(rows);
  const tmp = tempDir('mlcycle-bench-train-');
  const env = { ...process.env, MLCYCLE_HOME: path.join(tmp.dir, 'home') };
  const project = path.join(tmp.dir, 'p');
  const cli = (args: string[]) => spawnSync(process.execPath, [BIN, ...args, '--project', project], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  spawnSync(process.execPath, [BIN, 'init', project], { env });
  const imported = cli(['data', 'import', csv, '--name', 'bench', '--target', 'target', '--as', 'target=categorical']);
  if (imported.status !== 0) throw new Error(imported.stderr);
  const figures: Figure[] = [];
  for (const l of LEARNERS) {
    const started = performance.now();
    const result = cli(['train', '--dataset', 'bench', '--model', l.model, '--seed', '42', '--json', ...(l.params ? ['--params', l.params] : [])]);
    const wall = (performance.now() - started) / 1000;
    if (result.status !== 0) {
      figures.push({ benchmark: `Train ${l.label}`, metric: `failed: ${result.stderr.trim().split('\n').at(-1)}`, value: Number.NaN, unit: '' });
      continue;
    }
    const run = JSON.parse(result.stdout) as Run;
    const fit = cli(['jobs', 'show', run.jobId!, '--json']);
    const log = (JSON.parse(fit.stdout) as { log: Array<{ message: string }> }).log;
    const training = Number(/^training: ([\d.]+) s$/m.exec(log.map((line) => line.message).join('\n'))?.[1] ?? Number.NaN);
    const name = `Train ${l.label}, ${(rows / 1e6).toLocaleString('en')}M rows (80/20)`;
    figures.push(
      { benchmark: name, metric: `fit seconds (${run.backend})`, value: training, unit: 's' },
      { benchmark: name, metric: 'whole command, wall (load, fit, score, explain)', value: wall, unit: 's' },
      { benchmark: name, metric: 'test ROC AUC', value: run.metrics.test?.roc_auc ?? Number.NaN, unit: '' },
    );
  }
  tmp.cleanup();
  return figures;
}
