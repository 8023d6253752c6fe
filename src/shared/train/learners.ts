import { z } from 'zod';
import { MODEL_KINDS, SearchDimension, TRAIN_TASKS } from './models';

/**
 * What the engine says about each learner (`train.learners`): what it does, what one step of its
 * curve is, whether this machine has it, and its hyperparameters with defaults, ranges and words.
 * The engine's `parameters()` reads its defaults and ranges from these same specs, so the form and
 * the engine cannot disagree.
 */

const specBase = {
  name: z.string().min(1),
  /** Human name, e.g. "L2 penalty (λ)". */
  label: z.string().min(1),
  /** One sentence on what it changes. */
  hint: z.string(),
};

export const NumberParamSpec = z.object({
  kind: z.literal('number'),
  ...specBase,
  default: z.number(),
  min: z.number(),
  max: z.number(),
  integer: z.boolean(),
});
export type NumberParamSpec = z.infer<typeof NumberParamSpec>;

export const ChoiceParamSpec = z.object({
  kind: z.literal('choice'),
  ...specBase,
  default: z.string(),
  choices: z.array(z.string()).min(1),
});
export type ChoiceParamSpec = z.infer<typeof ChoiceParamSpec>;

/** Units per hidden layer, written "64,64" (as the CLI takes them). */
export const LayersParamSpec = z.object({
  kind: z.literal('layers'),
  ...specBase,
  default: z.string(),
});
export type LayersParamSpec = z.infer<typeof LayersParamSpec>;

export const ParamSpec = z.discriminatedUnion('kind', [NumberParamSpec, ChoiceParamSpec, LayersParamSpec]);
export type ParamSpec = z.infer<typeof ParamSpec>;

export const LearnerInfo = z.object({
  kind: z.enum(MODEL_KINDS),
  label: z.string(),
  description: z.string(),
  /** What one step of its curve is (iteration, tree, epoch): the x axis of the loss chart. */
  step: z.string(),
  /** Whether this build and machine can train it. */
  available: z.boolean(),
  /** The tasks it fits (auto tries it only on those). */
  tasks: z.array(z.enum(TRAIN_TASKS)),
  parameters: z.array(ParamSpec),
  /** Where a search looks when not told otherwise. */
  searchSpace: z.record(z.string(), SearchDimension),
});
export type LearnerInfo = z.infer<typeof LearnerInfo>;
