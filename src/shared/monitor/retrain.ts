import { z } from 'zod';

/** The steps of a retrain job, in order: what the job's progress phases and its result's steps name. */
export const RETRAIN_STEPS = ['data', 'train', 'register', 'compare', 'promote', 'deploy'] as const;

export const RetrainStep = z.object({
  step: z.enum(RETRAIN_STEPS),
  /** skipped: not asked for, or not reached (a champion that kept its place is not promoted); refused: a promotion gate said no. */
  outcome: z.enum(['ok', 'skipped', 'refused', 'failed']),
  message: z.string(),
});
export type RetrainStep = z.infer<typeof RetrainStep>;

/**
 * How champion and challenger did on the held-out window: the newest labeled rows, which the
 * challenger never trained on. Winner: the challenger only when strictly better; "undecided" when
 * the metric is undefined on the window (e.g. ROC AUC with one class).
 */
export const RetrainComparison = z.object({
  metric: z.string(),
  higherIsBetter: z.boolean(),
  champion: z.number().nullable(),
  challenger: z.number().nullable(),
  /** Held-out rows both models scored and whose label both know. */
  rows: z.number().int(),
  /** When the window's rows were served (first and last). */
  from: z.string(),
  to: z.string(),
  winner: z.enum(['champion', 'challenger', 'undecided']),
});
export type RetrainComparison = z.infer<typeof RetrainComparison>;

const VersionRef = z.object({ model: z.string(), version: z.number().int() });

/** What a monitor.retrain job ends with (its result). */
export const RetrainOutcome = z.object({
  target: z.string(),
  /** The version that was live on the target: its run's recipe and parameters were re-run. */
  champion: VersionRef,
  datasetVersionId: z.string(),
  /** The new version as name@version. */
  dataset: z.string(),
  splitId: z.string(),
  runId: z.string(),
  challenger: VersionRef,
  rows: z.object({
    /** Served rows of the live version with a label (after `from`). */
    labeled: z.number().int(),
    /** Of those, the older ones that went into the new dataset version. */
    training: z.number().int(),
    /** The newest ones, kept out of training to compare on. */
    heldOut: z.number().int(),
    /** Rows of the champion's own training data added (0 without includeOriginal). */
    original: z.number().int(),
  }),
  comparison: RetrainComparison,
  promoted: z.boolean(),
  /** The promotion gates that refused the challenger (empty when none did or none ran). */
  gatesFailed: z.array(z.string()),
  deploymentId: z.string().nullable(),
  /** In a word: where the loop stopped. */
  outcome: z.enum(['champion kept', 'challenger registered', 'awaiting gates', 'promoted', 'redeployed', 'redeploy failed']),
  steps: z.array(RetrainStep),
});
export type RetrainOutcome = z.infer<typeof RetrainOutcome>;
