import { create } from 'zustand';
import { createConnectionSlice } from './connection-slice';
import { createDashboardSlice } from './dashboard-slice';
import { createDataSlice } from './data-slice';
import { createDecisionsSlice } from './decisions-slice';
import { createGovernanceSlice } from './governance-slice';
import { createImportSlice } from './import-slice';
import { createJobsSlice } from './jobs-slice';
import { createObjectiveSlice } from './objective-slice';
import { createPeopleSlice } from './people-slice';
import { createPolicySlice } from './policy-slice';
import { createProfileSlice } from './profile-slice';
import { createProjectSlice } from './project-slice';
import { createRowsSlice } from './rows-slice';
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
  ...createDataSlice(...a),
  ...createImportSlice(...a),
  ...createRowsSlice(...a),
  ...createProfileSlice(...a),
}));

export type { AppState } from './types';
