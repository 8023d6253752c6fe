import { DuckDBInstance } from '../duckdb';
import os from 'node:os';
import type { Analysis } from '../../../shared/data/analysis';
import type { ColumnInfo } from '../../../shared/data/models';
import type { Task } from '../jobs/tasks/types';
import { isolationForest } from './analysis/iforest';
import { kmeans, silhouette } from './analysis/kmeans';
import { pca } from './analysis/pca';
import { ident, lit } from './sql';
import { spearman } from './stats';

export interface AnalysisParams {
  versionId: string;
  file: string;
  columns: ColumnInfo[];
  target: string | null;
  /** 0: choose by the elbow. */
  k: number;
}

const SAMPLE = 20_000;
const PLOT_POINTS = 2_000;
const SILHOUETTE_POINTS = 1_000;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The k where adding a cluster stops paying: the largest second difference of inertia. */
export function elbow(inertia: Array<{ k: number; inertia: number }>): number {
  let best = 2;
  let bestBend = -Infinity;
  for (let i = 1; i < inertia.length - 1; i++) {
    const bend = inertia[i - 1]!.inertia - 2 * inertia[i]!.inertia + inertia[i + 1]!.inertia;
    if (bend > bestBend) [best, bestBend] = [inertia[i]!.k, bend];
  }
  return best;
}

/**
 * Second profiling job, on a seeded sample of up to 20,000 rows: Spearman (average ranks), then
 * standardised numeric features an isolation forest, PCA and k-means with the elbow and silhouette.
 */
export const analysisTask: Task<AnalysisParams, Analysis> = async (params, ctx) => {
  const started = performance.now();
  const instance = await DuckDBInstance.create(':memory:', { threads: String(Math.max(1, os.availableParallelism())) });
  const con = await instance.connect();
  const cancel = setInterval(() => ctx.isCancelled() && con.interrupt(), 100);
  try {
    const features = params.columns.filter((c) => c.name !== params.target && c.semantic === 'numeric' && /INT|DOUBLE|FLOAT|DECIMAL|REAL/.test(c.type)).map((c) => c.name);
    const source = `read_parquet(${lit(params.file)}, file_row_number = true)`;

    ctx.progress(0.05, 'sampling rows');
    const targetSelect = params.target ? `, ${ident(params.target)} AS __target` : '';
    const sample = (await con.runAndReadAll(`SELECT file_row_number AS __row${targetSelect}${features.map((c) => `, ${ident(c)}::DOUBLE AS ${ident(c)}`).join('')} FROM ${source} USING SAMPLE ${SAMPLE} ROWS (reservoir, 42)`)).getRowObjects();
    sample.sort((a, b) => Number(a.__row) - Number(b.__row));
    // standardise with the sample's mean and std; a missing value sits at the mean (0)
    const stats = features.map((c) => {
      const values = sample.map((r) => r[c]).filter((v): v is number => typeof v === 'number');
      const mean = values.reduce((s, v) => s + v, 0) / Math.max(1, values.length);
      const std = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / Math.max(1, values.length - 1)) || 1;
      return { mean, std };
    });
    const matrix = sample.map((r) => features.map((c, i) => (typeof r[c] === 'number' ? ((r[c] as number) - stats[i]!.mean) / stats[i]!.std : 0)));

    // Spearman on the sample: a rank is a sort per column, which over every row costs DuckDB tens of
    // seconds; 20,000 rows estimate rho to about ±0.01.
    ctx.progress(0.3, 'Spearman correlations');
    const valuesOf = features.map((c) => sample.map((r) => (typeof r[c] === 'number' ? (r[c] as number) : null)));
    const spearmanMatrix = features.map((_a, i) => features.map((_b, j) => (i === j ? 1 : null as number | null)));
    for (let i = 0; i < features.length; i++) {
      for (let j = i + 1; j < features.length; j++) spearmanMatrix[i]![j] = spearmanMatrix[j]![i] = spearman(valuesOf[i]!, valuesOf[j]!);
    }

    ctx.progress(0.6, 'isolation forest');
    const scores = features.length ? isolationForest(matrix, { seed: 42 }) : matrix.map(() => 0);
    const ranked = scores.map((score, i) => ({ score, i })).sort((a, b) => b.score - a.score);

    ctx.progress(0.75, 'PCA');
    const projected = pca(matrix, 2);

    ctx.progress(0.85, 'clusters');
    const inertia: Array<{ k: number; inertia: number }> = [];
    const fits = new Map<number, ReturnType<typeof kmeans>>();
    for (let k = 1; k <= Math.min(8, matrix.length); k++) {
      const fit = kmeans(matrix, k, 42, 50);
      fits.set(k, fit);
      inertia.push({ k, inertia: fit.inertia });
      if (ctx.isCancelled()) break;
    }
    const k = params.k || elbow(inertia);
    const chosen = fits.get(k) ?? kmeans(matrix, k, 42);
    const every = Math.max(1, Math.floor(matrix.length / SILHOUETTE_POINTS));
    const silhouetteIdx = matrix.map((_r, i) => i).filter((i) => i % every === 0);
    const sil = silhouette(silhouetteIdx.map((i) => matrix[i]!), silhouetteIdx.map((i) => chosen.labels[i]!));
    const sizes = Array.from({ length: k }, (_, c) => chosen.labels.filter((l) => l === c).length);

    const plotEvery = Math.max(1, Math.floor(matrix.length / PLOT_POINTS));
    const points = sample
      .map((r, i) => ({ r, i }))
      .filter(({ i }) => i % plotEvery === 0)
      .map(({ r, i }) => ({
        row: Number(r.__row),
        x: projected.projection[i]?.[0] ?? 0,
        y: projected.projection[i]?.[1] ?? 0,
        cluster: chosen.labels[i] ?? 0,
        target: r.__target === undefined ? null : typeof r.__target === 'bigint' ? Number(r.__target) : (r.__target as string | number | boolean | null),
      }));

    ctx.progress(1, 'done');
    return {
      versionId: params.versionId,
      features,
      spearman: { columns: features, matrix: spearmanMatrix },
      sampleRows: sample.length,
      anomalies: {
        method: 'isolation_forest',
        trees: 100,
        top: ranked.slice(0, 10).map(({ score, i }) => ({ row: Number(sample[i]!.__row), score, values: Object.fromEntries(features.map((c) => [c, num(sample[i]![c])])) })),
        unusual: scores.filter((s) => s > 0.6).length,
      },
      pca: { explained: projected.explained, loadings: projected.loadings },
      clusters: { k, inertia, silhouette: sil, sizes },
      points,
      seconds: (performance.now() - started) / 1000,
      computedAt: new Date().toISOString(),
    };
  } finally {
    clearInterval(cancel);
    con.closeSync();
    instance.closeSync();
  }
};
