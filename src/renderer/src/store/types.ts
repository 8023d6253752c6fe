import type { StateCreator } from 'zustand';
import type { ConnectionSlice } from './connection-slice';
import type { JobsSlice } from './jobs-slice';
import type { ProjectSlice } from './project-slice';
import type { UiSlice } from './ui-slice';

/** The one bound store is the union of its slices (zustand's slices pattern). */
export type AppState = ConnectionSlice & ProjectSlice & JobsSlice & UiSlice;

/** A slice sees the whole store through `get`, so slices may call each other's actions. */
export type SliceCreator<Slice> = StateCreator<AppState, [], [], Slice>;
