import type { FeatureMatrix, FitContext, Target } from '../../../src/main/engine/train/learner';
import type { EnsembleJson } from '../../../src/main/engine/train/gbdt';

export const matrix = (...columns: number[][]): FeatureMatrix => ({ rows: columns[0]!.length, names: columns.map((_c, j) => `x${j}`), columns: columns.map((c) => Float64Array.from(c)) });
export const target = (kind: Target['kind'], classes: number, values: number[]): Target => ({ kind, classes, values: Float64Array.from(values) });

/** A fit context that records curve points and log lines, and cancels after `cancelAfter` points. */
export function context(seed = 1, cancelAfter = Infinity) {
  const points: Array<{ step: number; values: Record<string, number> }> = [];
  const logs: string[] = [];
  const ctx: FitContext = {
    seed,
    progress() {},
    curve: (p) => void points.push(p),
    isCancelled: () => points.length >= cancelAfter,
    log: (m) => void logs.push(m),
  };
  return { ctx, points, logs };
}

/** A seeded uniform generator for test data (Park–Miller). */
export function uniform(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 16807) % 2147483647) / 2147483647;
}

export const saved = (model: { serialise(): unknown }) => model.serialise() as EnsembleJson;
