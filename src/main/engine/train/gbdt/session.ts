import os from 'node:os';
import { MlcycleError } from '../../../../shared/contract/errors';
import { seededRandom } from '../../data/analysis/rng';
import type { FeatureMatrix, FitContext, TaskKind, Target } from '../learner';
import { type Binned, cutSample } from './binning';
import type { GrowInput, GrowSettings, GrownTree } from './grow';
import type { TreeParams } from './params';
import { Pool } from './pool';
import { addTreeBinned, asFloat32 } from './tree';

/**
 * Below this many cells (rows × features) training stays on the calling thread: on 2 cores, 80k
 * rows × 19 features took as long on two threads as on one (starting workers, and nodes under
 * 65,536 rows are one task each); 200k rows × 19 gained 15%, 800k × 19 about a third.
 */
export const PARALLEL_CELLS = 4_000_000;

export const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(2);

/** Refuses what no tree learner can fit, naming the field. */
export function checkData(train: { x: FeatureMatrix; y: Target }, validation: { x: FeatureMatrix; y: Target } | null): void {
  const x = train.x;
  if (x.rows < 1) throw new MlcycleError('INVALID_ARGUMENT', 'There are no training rows.', { field: 'rows' });
  if (x.columns.length < 1) throw new MlcycleError('INVALID_ARGUMENT', 'Trees need at least one feature.', { field: 'features' });
  if (x.columns.length > 1 << 16) throw new MlcycleError('INVALID_ARGUMENT', `Trees take at most 65536 features; got ${x.columns.length}.`, { field: 'features' });
  if (validation && validation.x.columns.length !== x.columns.length) throw new MlcycleError('INVALID_ARGUMENT', 'The validation rows have other features than the training rows.', { field: 'features' });
  for (const set of validation ? [train, validation] : [train]) {
    if (set.y.kind === 'regression') {
      for (const v of set.y.values) if (!Number.isFinite(v)) throw new MlcycleError('INVALID_ARGUMENT', `Regression targets must be finite numbers; got ${v}.`, { field: 'target' });
      continue;
    }
    if (set.y.classes < 2) throw new MlcycleError('INVALID_ARGUMENT', `Classification needs at least 2 classes; got ${set.y.classes}.`, { field: 'target' });
    for (const v of set.y.values) if (!(Number.isInteger(v) && v >= 0 && v < set.y.classes)) throw new MlcycleError('INVALID_ARGUMENT', `Class indices must be whole numbers from 0 to ${set.y.classes - 1}; got ${v}.`, { field: 'target' });
  }
}

export interface Session {
  binned: Binned;
  pool: Pool;
  valueBins: Int32Array;
  random: () => number;
  /** The tree's rows (ascending) and the rest, which get their scores by walking the bins. */
  sampled: Uint32Array;
  rest: Uint32Array;
  validation: Float32Array[] | null;
}

/** Bins the rows and starts the threads; `objective` null keeps the loss off the threads (the forest). */
/** The run's backend in words: the histogram kernels are WebAssembly, on this many threads. */
export const threadsInWords = (threads: number) => `JavaScript + WebAssembly (${threads} thread${threads > 1 ? 's' : ''})`;

export async function openSession(x: FeatureMatrix, validation: FeatureMatrix | null, p: TreeParams, outputs: number, objective: { kind: TaskKind; classes: number } | null, ctx: FitContext): Promise<Session> {
  const started = performance.now();
  const random = seededRandom(ctx.seed);
  ctx.progress(0, 'binning');
  const cells = x.rows * x.columns.length;
  const threads = p.threads || (cells >= PARALLEL_CELLS ? Math.min(8, os.availableParallelism()) : 1);
  const pool = await Pool.create(x.rows, x.columns.length, outputs, objective, threads, (m) => ctx.log(m));
  ctx.log(`training on ${pool.threads} thread${pool.threads > 1 ? 's' : ''}`);
  const binned = await pool.bin(x.columns, p.maxBins, cutSample(x.rows, random)).catch(async (error: unknown) => {
    await pool.close();
    throw error;
  });
  ctx.log(`binning: ${seconds(started)} s`);
  return {
    binned,
    pool,
    valueBins: Int32Array.from(binned.cuts, (c) => c.length + 1),
    random,
    sampled: new Uint32Array(x.rows),
    rest: new Uint32Array(x.rows),
    validation: validation ? asFloat32(validation.columns) : null,
  };
}

/** Chooses the tree's rows: all, or each with probability `share`; returns how many. */
export function sampleRows(s: Session, share: number): number {
  const n = s.binned.rows;
  let m = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    if (share >= 1 || s.random() < share) s.sampled[m++] = i;
    else s.rest[r++] = i;
  }
  return m;
}

/** The tree's features: all, or round(share × features) of them (at least one), ascending. */
export function pickFeatures(features: number, share: number, random: () => number): Int32Array {
  const all = Int32Array.from({ length: features }, (_, f) => f);
  if (share >= 1) return all;
  const take = Math.max(1, Math.round(features * share));
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (features - i));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, take).sort();
}

export function growSettings(p: TreeParams, shrinkage: number, features: number): GrowSettings {
  return { ...p, shrinkage, colsampleByNode: p.colsampleByNode ?? Math.sqrt(features) / features };
}

export function growInput(s: Session, rows: number, features: Int32Array): GrowInput {
  s.pool.memory.order.set(s.sampled.subarray(0, rows));
  return { binned: s.binned, pool: s.pool, valueBins: s.valueBins, features, rows, random: s.random };
}

/** Adds a grown tree's leaf values to the training scores (memory.scores, column k): leaves know their rows; the rest walk the bins. */
export async function addToTraining(s: Session, grown: GrownTree, m: number, k: number): Promise<void> {
  const value = grown.tree.value;
  await s.pool.addLeaves(
    grown.leaves.map((leaf) => ({ start: leaf.start, end: leaf.end, value: value[leaf.node]! })),
    grown.pairs,
    k,
  );
  const { scores, outputs } = s.pool.memory;
  const restCount = s.binned.rows - m;
  if (restCount > 0) addTreeBinned(grown.tree, grown.splitBins, s.binned.byColumn, s.binned.rows, s.rest, restCount, scores, outputs, k);
}
