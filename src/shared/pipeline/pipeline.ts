import { z } from 'zod';
import { RecipeStep } from '../data/recipe';
import { SPLIT_STRATEGIES } from '../data/split';
import { MODEL_KINDS } from '../train/models';

/**
 * A pipeline file (pipeline.yaml): the project's path from data to a deployment, replayed headless by
 * `mlcycle pipeline run` — in CI when code or data change, or when drift is detected. Every field
 * names something a person would otherwise choose in the workspace.
 */
const share = z.number().gt(0, 'each share must be more than 0').lt(1, 'each share must be less than 1');
const paramValue = z.union([z.number(), z.string(), z.boolean()]);

export const PipelineTraining = z
  .object({
    model: z.enum(MODEL_KINDS),
    params: z.record(z.string(), paramValue).default({}),
    name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export const PipelineFile = z
  .object({
    /** The dataset the pipeline works on: a name (its newest version), name@version, or a version id. */
    dataset: z.string().trim().min(1, 'name the dataset, e.g. dataset: penguins'),
    /** Import this file first as the dataset's next version (identical content reuses the version). Relative to the pipeline file. */
    import: z
      .object({ source: z.string().trim().min(1, 'the file to import'), target: z.string().min(1).optional() })
      .strict()
      .optional(),
    /** Cleaning steps, as in `mlcycle data clean --recipe` (steps: [...]); none: the data as it is. */
    recipe: z.array(RecipeStep).max(200).default([]),
    /** What to predict (default: the dataset's target). */
    target: z.string().min(1).optional(),
    split: z
      .object({
        strategy: z.enum(SPLIT_STRATEGIES).default('stratified'),
        ratios: z
          .array(share)
          .min(2)
          .max(3)
          .refine((r) => Math.abs(r.reduce((a, b) => a + b, 0) - 1) < 1e-9, 'the shares must add up to 1')
          .default([0.7, 0.15, 0.15]),
        seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
        column: z.string().min(1).optional(),
      })
      .strict()
      .default({ strategy: 'stratified', ratios: [0.7, 0.15, 0.15], seed: 42 }),
    /** One or more learners; the best on the validation rows (the objective's metric) goes on. */
    train: z.array(PipelineTraining).min(1, 'name at least one learner under train:, e.g. - model: gbdt').max(20),
    /** The registered model the winner becomes the next version of. */
    model: z.string().trim().min(1, 'name the registered model, e.g. model: penguins'),
    /** Run the promotion gates and make the new version the champion; the pipeline fails naming a failed gate. */
    promote: z.boolean().default(true),
    /** Deploy the promoted version to this target of the project. */
    deploy: z.object({ target: z.string().trim().min(1) }).strict().optional(),
  })
  .strict()
  .refine((p) => !p.deploy || p.promote, { message: 'deploying needs promote: true (only the champion is deployed)', path: ['deploy'] });
export type PipelineFile = z.output<typeof PipelineFile>;

export const PIPELINE_STEPS = ['import', 'clean', 'split', 'train', 'evaluate', 'register', 'gates', 'deploy'] as const;
export type PipelineStepName = (typeof PIPELINE_STEPS)[number];

export interface PipelineStep {
  step: PipelineStepName;
  outcome: 'ok' | 'skipped' | 'failed';
  message: string;
}

/** What a pipeline run ends with: --json prints it. */
export interface PipelineOutcome {
  ok: boolean;
  steps: PipelineStep[];
  /** The promotion gates that refused the new version (empty when none did). */
  gatesFailed: string[];
  datasetVersionId: string | null;
  splitId: string | null;
  runIds: string[];
  best: { runId: string; metric: string; validation: number | null; test: number | null } | null;
  version: { model: string; version: number } | null;
  deploymentId: string | null;
}
