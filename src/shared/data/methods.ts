import { z } from 'zod';
import { Job } from '../contract/models';
import { ColumnInfo, Dataset, DatasetVersion, ImportOptions, ImportSource, SEMANTIC_TYPES } from './models';
import { Analysis } from './analysis';
import { Profile } from './profile';
import { Recipe } from './recipe';
import { Split, SplitRequest } from './split';

const ref = z.string().trim().min(1, 'name a dataset (name, name@version or id)');

export const RowPage = z.object({
  columns: z.array(ColumnInfo),
  /** Row-major values as JSON: numbers, strings, booleans, null; dates and big integers as strings. */
  rows: z.array(z.array(z.unknown())),
  offset: z.number().int(),
  total: z.number().int(),
});
export type RowPage = z.infer<typeof RowPage>;

/** Import and browse datasets. */
export const dataMethods = {
  'data.import': {
    args: z.object({ source: ImportSource, options: ImportOptions.default({ onBadRows: 'fail', types: {}, semantic: {}, profile: true }) }).strict(),
    result: Job,
    mutates: true,
  },
  'data.list': { args: z.object({}).strict(), result: z.array(Dataset), mutates: false },
  'data.show': { args: z.object({ ref }).strict(), result: z.object({ dataset: Dataset, version: DatasetVersion, versions: z.array(DatasetVersion) }), mutates: false },
  'data.rows': {
    args: z.object({ ref, offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(10_000).default(100) }).strict(),
    result: RowPage,
    mutates: false,
  },
  /** The version's profile if computed, else starts the profile job (force: compute again). */
  'data.profile': {
    /** start: false only asks whether a profile is cached or running. */
    args: z.object({ ref, force: z.boolean().default(false), start: z.boolean().default(true) }).strict(),
    result: z.object({ profile: Profile.nullable(), job: Job.nullable() }),
    mutates: false,
  },
  /** Starts a split job; its result is the saved Split. Same seed and data give the same split. */
  'data.split': { args: SplitRequest, result: Job, mutates: true },
  'data.splits': { args: z.object({ ref: z.string().trim().min(1).optional() }).strict(), result: z.array(Split), mutates: false },
  /**
   * The recipe applied to a sample of the version: the SQL it runs and the first `limit` rows it
   * gives; `page.total` counts all the rows it gives on the sample.
   */
  'data.preview': {
    args: z.object({ ref, recipe: Recipe, sample: z.number().int().min(1).max(1_000_000).default(10_000), limit: z.number().int().min(1).max(1000).default(50) }).strict(),
    result: z.object({ sql: z.string(), page: RowPage }),
    mutates: false,
  },
  /** Applies the recipe to the whole version as a job that writes a new version with its lineage. */
  'data.clean': { args: z.object({ ref, recipe: Recipe, name: z.string().trim().min(1).max(200).optional() }).strict(), result: Job, mutates: true },
  /** Labels rows (target by default) into a new version with lineage; `by` is recorded per label batch. */
  'data.label': {
    args: z
      .object({
        ref,
        column: z.string().min(1).optional(),
        values: z.array(z.object({ row: z.number().int().min(0), value: z.union([z.string(), z.number(), z.boolean()]) }).strict()).min(1, 'label at least one row').max(100_000),
      })
      .strict(),
    result: Job,
    mutates: true,
  },
  /** Rows whose column (target by default) is empty: the labelling queue, with their row positions. */
  'data.unlabelled': {
    args: z.object({ ref, column: z.string().min(1).optional(), offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(50) }).strict(),
    result: z.object({ rowNumbers: z.array(z.number().int()), page: RowPage }),
    mutates: false,
  },
  /** Spearman, isolation-forest anomalies, PCA and k-means (k chosen or by the elbow): cached, or started as a job. */
  'data.analyze': {
    args: z.object({ ref, k: z.number().int().min(2).max(12).optional(), force: z.boolean().default(false) }).strict(),
    result: z.object({ analysis: Analysis.nullable(), job: Job.nullable() }),
    mutates: false,
  },
  'data.setColumn': {
    args: z.object({ ref, column: z.string().min(1), semantic: z.enum(SEMANTIC_TYPES).optional(), target: z.boolean().optional() }).strict(),
    result: DatasetVersion,
    mutates: true,
  },
} as const;
