import type { DecisionInput } from '../../../shared/governance/decisions';
import type { TimelineEntry } from '../../../shared/governance/methods';
import { toShownError } from '../lib/errors';
import { toFormProblem, withoutFields, type FormProblem } from '../lib/problems';
import { clientOf, projectGuard } from './client';
import type { SliceCreator } from './types';

export interface DecisionsSlice {
  /** Decisions and every objective, policy and people change, newest first. */
  timeline: TimelineEntry[];
  decisionProblem: FormProblem | null;
  decisionSaving: boolean;
  /** Records a decision; false if refused, with the reason in `decisionProblem`. */
  addDecision(decision: DecisionInput): Promise<boolean>;
  loadTimeline(): Promise<void>;
  /** Drops the complaints about `paths` (the fields just edited), or all of them without paths. */
  clearDecisionProblem(paths?: string[]): void;
}

export const DECISIONS_INITIAL = {
  timeline: [],
  decisionProblem: null,
  decisionSaving: false,
} satisfies Partial<DecisionsSlice>;

export const createDecisionsSlice: SliceCreator<DecisionsSlice> = (set, get) => ({
  ...DECISIONS_INITIAL,

  async addDecision(decision) {
    const current = projectGuard(get);
    set({ decisionSaving: true, decisionProblem: null });
    try {
      await clientOf(get).call('decisions.add', { decision });
      if (!current()) return false;
      get().governanceChanged();
      return true;
    } catch (error) {
      if (current()) set({ decisionProblem: toFormProblem(error, 'decision') });
      return false;
    } finally {
      set({ decisionSaving: false });
    }
  },

  async loadTimeline() {
    const current = projectGuard(get);
    try {
      const timeline = await clientOf(get).call('governance.timeline', {});
      if (current()) set({ timeline });
    } catch (error) {
      if (current()) get().notify('error', `Could not load the decision log: ${toShownError(error).message}`);
    }
  },

  clearDecisionProblem(paths) {
    set((state) => ({ decisionProblem: paths ? withoutFields(state.decisionProblem, paths) : null }));
  },
});
