import { z } from 'zod';

/** Parity is judged on each value: |in-app − ONNX| ≤ PARITY_TOLERANCE · max(1, |in-app|), so probabilities within 1e-5 absolute; float32 keeps about 7 significant digits of a large regression value. */
export const PARITY_TOLERANCE = 1e-5;

/** One row where the exported graph and the in-app model differ most. */
export const ParityRow = z.object({
  /** Position of the row in the run's dataset version, from 0. */
  row: z.number().int(),
  /** Probabilities per class (classification) or the value (regression); null where it is not a number. */
  inApp: z.array(z.number().nullable()),
  onnx: z.array(z.number().nullable()),
  /** The largest absolute difference over the row's values (Number.MAX_VALUE where one side is not a number). */
  diff: z.number(),
  inAppLabel: z.string().nullable(),
  onnxLabel: z.string().nullable(),
});
export type ParityRow = z.infer<typeof ParityRow>;

export const ParityReport = z.object({
  /** Which of the run's sets was scored: its test rows, else validation, else training rows. */
  set: z.enum(['train', 'validation', 'test']),
  rows: z.number().int(),
  tolerance: z.number(),
  maxAbsDiff: z.number(),
  /** Rows whose predicted class differs (classification). */
  labelMismatches: z.number().int(),
  /** Rows with a value beyond the tolerance. */
  rowsOutOfTolerance: z.number().int(),
  passed: z.boolean(),
  /** Up to 10 rows, label mismatches first, then by largest difference. */
  worst: z.array(ParityRow).max(10),
});
export type ParityReport = z.infer<typeof ParityReport>;

export const GraphInput = z.object({ name: z.string(), column: z.string(), type: z.enum(['float', 'string']) });

/** What a models.export job returns. */
export const ExportResult = z.object({
  /** Absolute path of the .onnx file written. */
  file: z.string(),
  bytes: z.number().int(),
  sha256: z.string(),
  run: z.object({ id: z.string(), name: z.string(), model: z.string(), task: z.string() }),
  inputs: z.array(GraphInput),
  outputs: z.array(z.string()),
  /** The class labels `label` takes and `probabilities` is ordered by; null for regression. */
  classes: z.array(z.string()).nullable(),
  parity: ParityReport,
  seconds: z.object({ export: z.number(), parity: z.number() }),
});
export type ExportResult = z.infer<typeof ExportResult>;

/** What a models.package job returns: the signed package written, and the parity that allowed it. */
export const PackageResult = z.object({
  /** The folder or .mlpkg file written. */
  out: z.string(),
  files: z.array(z.object({ path: z.string(), sha256: z.string(), bytes: z.number().int() })),
  /** Key id of the ed25519 key that signed manifest.json. */
  signer: z.string(),
  parity: ParityReport,
  /** Single-row onnxruntime latency over up to 200 training rows, as a serving request sees it. */
  latency: z.object({ rows: z.number().int(), p50Ms: z.number(), p99Ms: z.number() }).nullable(),
  inputs: z.array(GraphInput),
  classes: z.array(z.string()).nullable(),
});
export type PackageResult = z.infer<typeof PackageResult>;

/** What a models.score job returns. */
export const ScoreResult = z.object({
  out: z.string(),
  rows: z.number().int(),
  scored: z.number().int(),
  /** Rows with a value that is not a number in a numeric column: written without a prediction, the reason in `error`. */
  invalid: z.number().int(),
  rejectSample: z.array(z.object({ row: z.number().int(), reason: z.string() })),
  seconds: z.number(),
  rowsPerSecond: z.number(),
});
export type ScoreResult = z.infer<typeof ScoreResult>;
