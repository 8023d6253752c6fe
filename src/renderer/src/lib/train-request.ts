import type { ArgsOf } from '../../../shared/contract/methods';
import type { LearnerInfo } from '../../../shared/train/learners';
import type { ModelKind } from '../../../shared/train/models';
import { readParams } from './train-params';
import { autoModels, budgetSeconds, readSearch, trialsProblem, type DimDraft } from './train-search';

/**
 * What Start sends for each mode of the New run form: `train.start`, `train.search` or
 * `train.auto` with the same data, split and columns, or the reason it cannot be sent yet.
 */

export interface RequestDraft {
  mode: 'single' | 'search' | 'auto';
  target: string;
  model: ModelKind;
  params: Record<string, string>;
  strategy: 'random' | 'halving';
  trials: string;
  /** The chosen learner's search dimensions. */
  dims: Record<string, DimDraft>;
  budgetMinutes: string;
  autoModels: ModelKind[] | null;
  split: string;
  seed: string;
  cv: string;
  exclude: string[];
  name: string;
}

export type StartRequest = { method: 'train.start'; args: ArgsOf<'train.start'> } | { method: 'train.search'; args: ArgsOf<'train.search'> } | { method: 'train.auto'; args: ArgsOf<'train.auto'> };

const FIX_RED = 'Fix the settings marked in red first.';

/** The request for the draft's mode, or why it cannot be sent (shown beside Start). */
export function buildRequest(draft: RequestDraft, learners: readonly LearnerInfo[], versionId: string, target: string): { request: StartRequest } | { why: string } {
  const common = {
    dataset: versionId,
    ...(draft.target ? { target: draft.target } : {}),
    ...(draft.split ? { split: draft.split } : {}),
    seed: Number(draft.seed),
    exclude: draft.exclude.filter((c) => c !== target),
    ...(draft.name.trim() ? { name: draft.name.trim() } : {}),
  };
  if (draft.mode === 'auto') {
    const budget = budgetSeconds(draft.budgetMinutes);
    const models = autoModels(draft.autoModels, learners.filter((l) => l.available).map((l) => l.kind));
    if ('problem' in budget || models.length === 0) return { why: FIX_RED };
    // Every available learner ticked is the engine's own default: send none, so it also picks by task.
    const all = models.length === learners.filter((l) => l.available).length;
    return { request: { method: 'train.auto', args: { ...common, budgetSeconds: budget.seconds, ...(all ? {} : { models }) } } };
  }
  const learner = learners.find((l) => l.kind === draft.model);
  if (!learner) return { why: 'Loading the learners…' };
  if (draft.mode === 'search') {
    const { space, fixed, problems } = readSearch(learner.parameters, learner.searchSpace, draft.dims, draft.params);
    if (Object.keys(problems).length || trialsProblem(draft.trials)) return { why: FIX_RED };
    return { request: { method: 'train.search', args: { ...common, model: draft.model, strategy: draft.strategy, trials: Number(draft.trials), space, fixed } } };
  }
  const { params, problems } = readParams(learner.parameters, draft.params);
  if (Object.keys(problems).length) return { why: FIX_RED };
  return { request: { method: 'train.start', args: { ...common, model: draft.model, params, ...(draft.cv.trim() ? { cv: Number(draft.cv) } : {}) } } };
}
