import { create } from 'zustand';
import { createConnectionSlice } from './connection-slice';
import { createDashboardSlice } from './dashboard-slice';
import { createDecisionsSlice } from './decisions-slice';
import { createGovernanceSlice } from './governance-slice';
import { createJobsSlice } from './jobs-slice';
import { createObjectiveSlice } from './objective-slice';
import { createPeopleSlice } from './people-slice';
import { createPolicySlice } from './policy-slice';
import { createProjectSlice } from './project-slice';
import type { AppState } from './types';
import { createUiSlice } from './ui-slice';

/** The one bound store, built from slices. Components read it with selectors and call its actions. */
export const useAppStore = create<AppState>()((...a) => ({
  ...createConnectionSlice(...a),
  ...createProjectSlice(...a),
  ...createJobsSlice(...a),
  ...createUiSlice(...a),
  ...createDashboardSlice(...a),
  ...createGovernanceSlice(...a),
  ...createObjectiveSlice(...a),
  ...createPolicySlice(...a),
  ...createPeopleSlice(...a),
  ...createDecisionsSlice(...a),
}));

export type { AppState } from './types';
