import type { Dataset, DatasetVersion, SemanticType } from '../../../shared/data/models';
import { toShownError } from '../lib/errors';
import { clientOf, projectGuard } from './client';
import type { LoadState } from './governance-slice';
import { IMPORT_INITIAL } from './import-slice';
import type { SliceCreator } from './types';

/** The sections of the Data workspace. */
export type DataTab = 'table' | 'profile' | 'schema' | 'groupings' | 'clean' | 'label' | 'split';

export interface DataSlice {
  datasets: Dataset[];
  datasetsState: LoadState;
  datasetsError: string | null;
  /** The version shown in the main area; `versions` are its dataset's, newest first. */
  selectedVersion: DatasetVersion | null;
  versions: DatasetVersion[];
  versionError: string | null;
  dataTab: DataTab;
  /** The column whose treatment or target choice is being saved. */
  columnSaving: string | null;
  loadDatasets(): Promise<void>;
  /** Shows a version: a version id, a dataset name (its latest) or name@version. */
  selectVersion(ref: string): Promise<void>;
  setDataTab(tab: DataTab): void;
  /** Changes how a column is treated, or makes it (or stops it being) the target. */
  setColumn(column: string, change: { semantic?: SemanticType; target?: boolean }): Promise<void>;
  /** A version's columns or target changed (here or in another client): refresh what is shown. */
  dataAnnotated(): Promise<void>;
  resetData(): void;
}

export const DATA_INITIAL = {
  datasets: [],
  datasetsState: 'idle',
  datasetsError: null,
  selectedVersion: null,
  versions: [],
  versionError: null,
  dataTab: 'table',
  columnSaving: null,
} satisfies Partial<DataSlice>;

/** The list with `version` put in place of its old copy (as its dataset's latest, if it is that). */
function withVersion(datasets: Dataset[], version: DatasetVersion): Dataset[] {
  return datasets.map((d) => (d.latest.id === version.id ? { ...d, latest: version } : d));
}

/** The version as the engine will store it after `data.setColumn` (the same rules). */
function annotated(version: DatasetVersion, column: string, change: { semantic?: SemanticType; target?: boolean }): DatasetVersion {
  const columns = version.columns.map((c) => (c.name === column && change.semantic ? { ...c, semantic: change.semantic } : c));
  const target = change.target === true ? column : change.target === false && version.target === column ? null : version.target;
  return { ...version, columns, target };
}

export const createDataSlice: SliceCreator<DataSlice> = (set, get) => ({
  ...DATA_INITIAL,

  async loadDatasets() {
    const current = projectGuard(get);
    if (get().datasetsState !== 'ready') set({ datasetsState: 'loading', datasetsError: null });
    try {
      const datasets = await clientOf(get).call('data.list');
      if (!current()) return;
      set({ datasets, datasetsState: 'ready', datasetsError: null });
      // Open on something to look at: the first dataset, until the user picks one.
      const first = datasets[0];
      if (!get().selectedVersion && first) await get().selectVersion(first.latest.id);
    } catch (error) {
      if (current()) set({ datasetsState: 'error', datasetsError: toShownError(error).message });
    }
  },

  async selectVersion(ref) {
    const current = projectGuard(get);
    try {
      const shown = await clientOf(get).call('data.show', { ref });
      if (!current()) return;
      const versions = [...shown.versions].sort((a, b) => b.version - a.version);
      set({ selectedVersion: shown.version, versions, versionError: null });
    } catch (error) {
      if (current()) set({ versionError: `Could not open ${ref}: ${toShownError(error).message}` });
    }
  },

  setDataTab(tab) {
    set({ dataTab: tab });
  },

  async setColumn(column, change) {
    const version = get().selectedVersion;
    if (!version || get().columnSaving) return;
    const current = projectGuard(get);
    // Shown at once (a radio or select that snaps back until the reply feels broken); undone if refused.
    set({ columnSaving: column, selectedVersion: annotated(version, column, change) });
    try {
      const updated = await clientOf(get).call('data.setColumn', { ref: version.id, column, ...change });
      if (!current()) return;
      set((state) => ({
        selectedVersion: state.selectedVersion?.id === updated.id ? updated : state.selectedVersion,
        versions: state.versions.map((v) => (v.id === updated.id ? updated : v)),
        datasets: withVersion(state.datasets, updated),
      }));
      // The engine drops the profile of a re-annotated version: so do we, and say why it is gone.
      get().forgetProfile(updated.id, 'The column settings changed since the last profile: profile again to see them applied.');
    } catch (error) {
      if (!current()) return;
      set((state) => ({ selectedVersion: state.selectedVersion?.id === version.id ? version : state.selectedVersion }));
      get().notify('error', `Could not change column ${column}: ${toShownError(error).message}`);
    } finally {
      set({ columnSaving: null });
    }
  },

  async dataAnnotated() {
    if (get().datasetsState !== 'ready') return;
    const before = get().selectedVersion;
    await get().loadDatasets();
    if (!before) return;
    await get().selectVersion(before.id);
    const after = get().selectedVersion;
    const annotations = (v: typeof before) => JSON.stringify([v.columns, v.target]);
    if (after?.id === before.id && annotations(after) !== annotations(before)) {
      get().forgetProfile(before.id, 'The column settings changed since the last profile: profile again to see them applied.');
    }
  },

  resetData() {
    set({ ...DATA_INITIAL, ...IMPORT_INITIAL });
  },
});
