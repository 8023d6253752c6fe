import { z } from 'zod';

const n = z.number().nullable();

/** The heavier analyses that follow the core profile, in their own job. */
export const Analysis = z.object({
  versionId: z.string(),
  /** Numeric feature columns used (the target excluded). */
  features: z.array(z.string()),
  /** Spearman rank correlation on the sample (average ranks for ties, pairwise-complete rows). */
  spearman: z.object({ columns: z.array(z.string()), matrix: z.array(z.array(n)) }),
  /** Rows drawn (seeded) for the anomaly scores, PCA and clusters. */
  sampleRows: z.number().int(),
  anomalies: z.object({
    method: z.literal('isolation_forest'),
    trees: z.number().int(),
    /** Most anomalous rows first: row = position in the version; score in (0, 1], above ~0.6 is unusual. */
    top: z.array(z.object({ row: z.number().int(), score: z.number(), values: z.record(z.string(), n) })),
    /** Rows in the sample scoring above 0.6. */
    unusual: z.number().int(),
  }),
  pca: z.object({ explained: z.array(z.number()), loadings: z.array(z.array(z.number())) }),
  clusters: z.object({
    k: z.number().int(),
    /** Within-cluster sum of squares for k = 1…8: the elbow view. */
    inertia: z.array(z.object({ k: z.number().int(), inertia: z.number() })),
    silhouette: z.number(),
    sizes: z.array(z.number().int()),
  }),
  /** Up to 2,000 sample points for the scatter plot: PCA coordinates, cluster, target value. */
  points: z.array(z.object({ row: z.number().int(), x: z.number(), y: z.number(), cluster: z.number().int(), target: z.union([z.string(), z.number(), z.boolean(), z.null()]) })),
  seconds: z.number(),
  computedAt: z.string(),
});
export type Analysis = z.infer<typeof Analysis>;
