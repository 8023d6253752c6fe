import { create } from 'zustand';
import { createConnectionSlice } from './connection-slice';
import { createJobsSlice } from './jobs-slice';
import { createProjectSlice } from './project-slice';
import type { AppState } from './types';
import { createUiSlice } from './ui-slice';

/** The one bound store, built from slices. Components read it with selectors and call its actions. */
export const useAppStore = create<AppState>()((...a) => ({
  ...createConnectionSlice(...a),
  ...createProjectSlice(...a),
  ...createJobsSlice(...a),
  ...createUiSlice(...a),
}));

export type { AppState } from './types';
