import { z } from 'zod';

/** How a column is treated by profiling and learners, independent of its storage type. */
export const SEMANTIC_TYPES = ['numeric', 'categorical', 'text', 'datetime', 'boolean'] as const;
export type SemanticType = (typeof SEMANTIC_TYPES)[number];

export const ColumnInfo = z.object({
  name: z.string(),
  /** The DuckDB storage type, e.g. BIGINT, DOUBLE, VARCHAR, DATE, TIMESTAMP, BOOLEAN. */
  type: z.string(),
  semantic: z.enum(SEMANTIC_TYPES),
});
export type ColumnInfo = z.infer<typeof ColumnInfo>;

const filePath = z.string().trim().min(1, 'a file path is required');

export const CsvSource = z
  .object({
    kind: z.literal('csv'),
    path: filePath,
    /** Sniffed when left out. */
    delimiter: z.string().min(1).max(4).optional(),
    quote: z.string().max(1).optional(),
    escape: z.string().max(1).optional(),
    header: z.boolean().optional(),
    skipRows: z.number().int().min(0).optional(),
    nullString: z.string().optional(),
  })
  .strict();

export const ImportSource = z.discriminatedUnion('kind', [
  CsvSource,
  z.object({ kind: z.literal('parquet'), path: filePath }).strict(),
  z.object({ kind: z.literal('json'), path: filePath, format: z.enum(['auto', 'array', 'newline_delimited']).default('auto') }).strict(),
  z.object({ kind: z.literal('sqlite'), path: filePath, table: z.string().trim().min(1, 'name the table to import') }).strict(),
  z
    .object({
      kind: z.literal('postgres'),
      url: z.string().regex(/^postgres(ql)?:\/\//, 'a PostgreSQL URL starts with postgres:// or postgresql://'),
      table: z.string().trim().min(1).optional(),
      query: z.string().trim().min(1).optional(),
    })
    .strict()
    .refine((s) => (s.table === undefined) !== (s.query === undefined), { message: 'give either a table or a query', path: ['table'] }),
  z.object({ kind: z.literal('url'), url: z.url({ protocol: /^https?$/, message: 'an http(s) URL is required' }), format: z.enum(['auto', 'csv', 'parquet', 'json']).default('auto') }).strict(),
]);
export type ImportSource = z.output<typeof ImportSource>;
export type ImportSourceInput = z.input<typeof ImportSource>;

export const ImportOptions = z
  .object({
    /** Dataset name; defaults to the file or table name. An existing name adds a version. */
    name: z.string().trim().min(1).max(200).optional(),
    /** Stop at the first malformed row (default), or skip such rows, count them and keep a sample. */
    onBadRows: z.enum(['fail', 'skip']).default('fail'),
    /** Storage type per column (e.g. {"zip": "VARCHAR", "day": "DATE"}), overriding the sniffed one. */
    types: z.record(z.string(), z.string().regex(/^[A-Za-z][A-Za-z0-9_ (),]*$/, 'not a type name')).default({}),
    /** How to treat a column, overriding the guess (e.g. an integer code as categorical). */
    semantic: z.record(z.string(), z.enum(SEMANTIC_TYPES)).default({}),
    target: z.string().min(1).optional(),
    /** Profile the new version in the same job (on by default: the profile is what a user looks at next). */
    profile: z.boolean().default(true),
  })
  .strict();
export type ImportOptions = z.output<typeof ImportOptions>;
export type ImportOptionsInput = z.input<typeof ImportOptions>;

export const RejectedRow = z.object({ line: z.number().int().nullable(), column: z.string().nullable(), message: z.string(), text: z.string() });
export type RejectedRow = z.infer<typeof RejectedRow>;

export const DatasetVersion = z.object({
  id: z.string(),
  datasetId: z.string(),
  datasetName: z.string(),
  version: z.number().int(),
  sha256: z.string(),
  rows: z.number().int(),
  bytes: z.number().int(),
  columns: z.array(ColumnInfo),
  target: z.string().nullable(),
  source: z.unknown(),
  parentId: z.string().nullable(),
  /** The cleaning recipe that made this version from its parent, if any. */
  recipe: z.unknown(),
  rejectedRows: z.number().int(),
  rejectSample: z.array(RejectedRow),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type DatasetVersion = z.infer<typeof DatasetVersion>;

export const Dataset = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  versions: z.number().int(),
  latest: DatasetVersion,
});
export type Dataset = z.infer<typeof Dataset>;

/** `churn`, `churn@3`, or an id (or unique id prefix). */
export function parseDatasetRef(ref: string): { name: string; version: number | null } {
  const at = ref.lastIndexOf('@');
  if (at > 0 && /^\d+$/.test(ref.slice(at + 1))) return { name: ref.slice(0, at), version: Number(ref.slice(at + 1)) };
  return { name: ref, version: null };
}
