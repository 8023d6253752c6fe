import type { Brief } from '../../../shared/governance/methods';
import { toShownError } from '../lib/errors';
import { clientOf, projectGuard } from './client';
import { DECISIONS_INITIAL } from './decisions-slice';
import { OBJECTIVE_INITIAL } from './objective-slice';
import { PEOPLE_INITIAL } from './people-slice';
import { POLICY_INITIAL } from './policy-slice';
import type { SliceCreator } from './types';

export type LoadState = 'idle' | 'loading' | 'ready' | 'error';
export type BriefFormat = 'markdown' | 'html';

/**
 * Loads the project's governance record (objective, policy, people, timeline) into the slices that
 * edit each part, and keeps the derived views (timeline, dashboard) fresh after any save.
 */
export interface GovernanceSlice {
  governanceState: LoadState;
  governanceError: string | null;
  briefBusy: BriefFormat | null;
  loadGovernance(): Promise<void>;
  resetGovernance(): void;
  /** Called after every governance save: the timeline and the dashboard are derived from it. */
  governanceChanged(): void;
  /** The project brief as a file; null (with a notice) if the engine could not make it. */
  fetchBrief(format: BriefFormat): Promise<Brief | null>;
}

export const createGovernanceSlice: SliceCreator<GovernanceSlice> = (set, get) => ({
  governanceState: 'idle',
  governanceError: null,
  briefBusy: null,

  async loadGovernance() {
    const current = projectGuard(get);
    set({ governanceState: 'loading', governanceError: null });
    try {
      const client = clientOf(get);
      const [objective, policy, people, timeline] = await Promise.all([
        client.call('objective.get'),
        client.call('policy.get'),
        client.call('people.list'),
        client.call('governance.timeline', {}),
      ]);
      if (current()) set({ objective, policy, people, timeline, governanceState: 'ready' });
    } catch (error) {
      if (current()) set({ governanceState: 'error', governanceError: toShownError(error).message });
    }
  },

  resetGovernance() {
    set({ ...OBJECTIVE_INITIAL, ...POLICY_INITIAL, ...PEOPLE_INITIAL, ...DECISIONS_INITIAL, governanceState: 'idle', governanceError: null });
  },

  governanceChanged() {
    void get().loadTimeline();
    void get().loadDashboard();
  },

  async fetchBrief(format) {
    set({ briefBusy: format });
    try {
      return await clientOf(get).call('project.brief', { format });
    } catch (error) {
      get().notify('error', `Could not export the project brief: ${toShownError(error).message}`);
      return null;
    } finally {
      set({ briefBusy: null });
    }
  },
});
