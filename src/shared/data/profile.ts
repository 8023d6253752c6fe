import { z } from 'zod';
import { SEMANTIC_TYPES } from './models';

const n = z.number().nullable();

export const NumericStats = z.object({
  min: n,
  max: n,
  mean: n,
  /** Sample standard deviation (n − 1). */
  std: n,
  /** Exact quantiles, interpolated like numpy's default (linear). */
  quantiles: z.object({ p5: n, p25: n, p50: n, p75: n, p95: n }),
  skewness: n,
  zeros: z.number().int(),
  /** Equal-width bins from min to max; counts.length === edges.length − 1. */
  histogram: z.object({ edges: z.array(z.number()), counts: z.array(z.number().int()) }),
  /** Outside [Q1 − 1.5·IQR, Q3 + 1.5·IQR]. */
  outliersIqr: z.number().int(),
  /** |x − mean| > 3·std. */
  outliersZ: z.number().int(),
});
export type NumericStats = z.infer<typeof NumericStats>;

export const ValueCount = z.object({ value: z.string(), count: z.number().int() });
export type ValueCount = z.infer<typeof ValueCount>;

export const ColumnProfile = z.object({
  name: z.string(),
  type: z.string(),
  semantic: z.enum(SEMANTIC_TYPES),
  /** Non-missing values. */
  count: z.number().int(),
  missing: z.number().int(),
  /** Approximate (HyperLogLog; exact for small counts), never above `count`. */
  distinct: z.number().int(),
  numeric: NumericStats.nullable(),
  /** Most frequent values (categorical, boolean and text columns), most frequent first. */
  top: z.array(ValueCount).nullable(),
  /** Text length statistics (text and categorical columns). */
  length: z.object({ min: n, max: n, mean: n }).nullable(),
  /** Earliest and latest (datetime columns), ISO text. */
  range: z.object({ min: z.string().nullable(), max: z.string().nullable() }).nullable(),
});
export type ColumnProfile = z.infer<typeof ColumnProfile>;

export const WARNING_KINDS = ['constant', 'id_like', 'duplicates', 'skewed', 'missing', 'leakage', 'imbalanced'] as const;
export const ProfileWarning = z.object({ kind: z.enum(WARNING_KINDS), column: z.string().nullable(), message: z.string() });
export type ProfileWarning = z.infer<typeof ProfileWarning>;

export const TargetAssociation = z.object({
  column: z.string(),
  /** pearson for numeric feature vs numeric target; mutual_information (nats) otherwise. */
  measure: z.enum(['pearson', 'mutual_information']),
  value: z.number(),
});

export const Profile = z.object({
  versionId: z.string(),
  rows: z.number().int(),
  columns: z.array(ColumnProfile),
  /** Pearson correlation between numeric columns; matrix[i][j] for columns[i], columns[j]. */
  pearson: z.object({ columns: z.array(z.string()), matrix: z.array(z.array(n)) }),
  duplicateRows: z.number().int(),
  target: z
    .object({
      column: z.string(),
      kind: z.enum(['classification', 'regression']),
      classBalance: z.array(ValueCount).nullable(),
      associations: z.array(TargetAssociation),
    })
    .nullable(),
  warnings: z.array(ProfileWarning),
  seconds: z.number(),
  computedAt: z.string(),
});
export type Profile = z.infer<typeof Profile>;
