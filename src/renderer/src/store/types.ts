import type { StateCreator } from 'zustand';
import type { ConnectionSlice } from './connection-slice';
import type { DashboardSlice } from './dashboard-slice';
import type { DataSlice } from './data-slice';
import type { DecisionsSlice } from './decisions-slice';
import type { GovernanceSlice } from './governance-slice';
import type { ImportSlice } from './import-slice';
import type { JobsSlice } from './jobs-slice';
import type { ObjectiveSlice } from './objective-slice';
import type { PeopleSlice } from './people-slice';
import type { PolicySlice } from './policy-slice';
import type { ProfileSlice } from './profile-slice';
import type { ProjectSlice } from './project-slice';
import type { RowsSlice } from './rows-slice';
import type { UiSlice } from './ui-slice';

/** The one bound store is the union of its slices (zustand's slices pattern). */
export type AppState = ConnectionSlice &
  ProjectSlice &
  JobsSlice &
  UiSlice &
  DashboardSlice &
  GovernanceSlice &
  ObjectiveSlice &
  PolicySlice &
  PeopleSlice &
  DecisionsSlice &
  DataSlice &
  ImportSlice &
  RowsSlice &
  ProfileSlice;

/** A slice sees the whole store through `get`, so slices may call each other's actions. */
export type SliceCreator<Slice> = StateCreator<AppState, [], [], Slice>;
