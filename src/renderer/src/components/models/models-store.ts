import { create } from 'zustand';

/**
 * The Models page's own state: which model and version are open and which section of the version.
 * It outlives the page (the workspace unmounts when another stage shows), so coming back — or being
 * sent here by Train's Register — lands on the same version; another project starts afresh.
 */

export type VersionTab = 'overview' | 'governance' | 'parity' | 'card' | 'use';

interface ModelsState {
  projectId: string | null;
  model: string | null;
  version: number | null;
  tab: VersionTab;
  /** Bumped whenever the registry changed (here, in another window, or from the CLI): views reload. */
  changes: number;
}

const FRESH = { model: null, version: null, tab: 'overview', changes: 0 } satisfies Omit<ModelsState, 'projectId'>;

export const useModelsStore = create<ModelsState>()(() => ({ projectId: null, ...FRESH }));

export const modelsActions = {
  adopt(projectId: string | null) {
    if (useModelsStore.getState().projectId !== projectId) useModelsStore.setState({ projectId, ...FRESH });
  },
  openModel(model: string | null) {
    useModelsStore.setState({ model, version: null, tab: 'overview' });
  },
  openVersion(model: string, version: number | null, tab: VersionTab = 'overview') {
    useModelsStore.setState({ model, version, tab });
  },
  setTab(tab: VersionTab) {
    useModelsStore.setState({ tab });
  },
  changed() {
    useModelsStore.setState((s) => ({ changes: s.changes + 1 }));
  },
};
