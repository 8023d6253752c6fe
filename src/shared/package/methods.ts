import { z } from 'zod';
import { Job } from '../contract/models';

/** The files a scoring job reads and writes, and the id column it keeps. */
export const ScoreFiles = z.object({
  input: z.string().trim().min(1, 'name the .csv or .parquet file to score'),
  out: z.string().trim().min(1, 'name the .csv or .parquet file to write'),
  id: z.string().min(1).optional(),
});

/** Packaging: a run's model as one ONNX graph, checked against the in-app model. */
export const packageMethods = {
  /**
   * Starts a job that writes the run's model with its fitted preprocessing as one ONNX graph to
   * `out` (a path on the machine running the engine) and scores the run's test rows through it
   * with onnxruntime against the in-app model; the job's result is an ExportResult. A parity
   * failure is in the result (passed: false), not an error: the file is kept for inspection.
   */
  'models.export': {
    args: z.object({ run: z.string().min(1, 'name a run (id or name)'), out: z.string().trim().min(1, 'name the .onnx file to write') }).strict(),
    result: Job,
    mutates: false,
  },
  /**
   * Starts a job that writes the run's signed model package to `out` (a new folder, or a file
   * ending in .mlpkg): model.onnx after parity passes (a failed parity writes nothing), signature,
   * reference profile, metrics, model card, README and the signed manifest. Result: PackageResult.
   */
  'models.package': {
    args: z.object({ run: z.string().min(1, 'name a run (id or name)'), out: z.string().trim().min(1, 'name the folder or .mlpkg file to write') }).strict(),
    result: Job,
    mutates: true,
  },
  /**
   * Starts a job that scores a CSV or Parquet file through a verified package (folder or .mlpkg) and
   * writes one row per input row, in order, to `out` (.csv or .parquet). Result: ScoreResult.
   */
  'models.score': {
    args: ScoreFiles.extend({ package: z.string().trim().min(1, 'name the package folder or .mlpkg') }).strict(),
    result: Job,
    mutates: false,
  },
} as const;
