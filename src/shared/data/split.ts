import { z } from 'zod';

export const SPLIT_STRATEGIES = ['random', 'stratified', 'time', 'group'] as const;
export type SplitStrategy = (typeof SPLIT_STRATEGIES)[number];
export const SPLIT_SETS = ['train', 'validation', 'test'] as const;

export const SplitRequest = z
  .object({
    ref: z.string().trim().min(1, 'name a dataset (name, name@version or id)'),
    strategy: z.enum(SPLIT_STRATEGIES).default('random'),
    /** train, validation, test shares; two values mean no validation set. They must add up to 1. */
    ratios: z
      .array(z.number().gt(0, 'each share must be more than 0').lt(1, 'each share must be less than 1'))
      .min(2, 'give two or three shares, e.g. [0.8, 0.2] or [0.7, 0.15, 0.15]')
      .max(3, 'give two or three shares, e.g. [0.8, 0.2] or [0.7, 0.15, 0.15]')
      .refine((r) => Math.abs(r.reduce((a, b) => a + b, 0) - 1) < 1e-9, 'the shares must add up to 1')
      .default([0.7, 0.15, 0.15]),
    seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
    /** stratified: the column whose classes keep their proportions (default: the target); time: the ordering column; group: the grouping column. */
    column: z.string().min(1).optional(),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type SplitRequest = z.output<typeof SplitRequest>;

export const Split = z.object({
  id: z.string(),
  name: z.string(),
  versionId: z.string(),
  dataset: z.string(),
  strategy: z.enum(SPLIT_STRATEGIES),
  column: z.string().nullable(),
  ratios: z.array(z.number()),
  seed: z.number().int(),
  /** Rows per set, in the order train, validation, test. */
  counts: z.record(z.string(), z.number().int()),
  /** The row → set assignment, a Parquet artifact (row = position in the dataset version). */
  sha256: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Split = z.infer<typeof Split>;
