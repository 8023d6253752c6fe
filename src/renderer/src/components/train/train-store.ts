import { create } from 'zustand';
import type { LearnerInfo } from '../../../../shared/train/learners';
import type { ModelKind } from '../../../../shared/train/models';
import { DEFAULT_SORT, NO_FILTER, type RunFilter, type RunSort } from '../../lib/train-table';
import type { DimDraft } from '../../lib/train-search';

/**
 * The Train page's own state. The workspace unmounts when another stage is shown, so what the user
 * set up here (a half-filled form, the open run, the table's order) lives for the page's life in
 * this store, not in components; it starts afresh when another project opens.
 */

/** One run with the settings given; a search over the learner's parameters; or auto across learners. */
export type RunMode = 'single' | 'search' | 'auto';

export interface RunDraft {
  mode: RunMode;
  dataset: string;
  /** '' = the dataset's latest version. */
  versionId: string;
  /** '' = the version's own target. */
  target: string;
  model: ModelKind;
  /** Typed hyperparameters by name; a missing one shows (and sends) the engine's default. */
  params: Record<string, string>;
  strategy: 'random' | 'halving';
  trials: string;
  /** Per learner, how each parameter is searched; a missing one starts from the engine's default space. */
  dims: Partial<Record<ModelKind, Record<string, DimDraft>>>;
  budgetMinutes: string;
  /** The learners auto tries; null = every available one. */
  autoModels: ModelKind[] | null;
  /** '' = a new 80/20 split with the seed (or the one made earlier with it). */
  split: string;
  seed: string;
  /** Folds of cross-validation on the training rows; '' = none. */
  cv: string;
  exclude: string[];
  name: string;
}

export const INITIAL_DRAFT: RunDraft = {
  mode: 'single',
  dataset: '',
  versionId: '',
  target: '',
  model: 'logistic',
  params: {},
  strategy: 'random',
  trials: '12',
  dims: {},
  budgetMinutes: '5',
  autoModels: null,
  split: '',
  seed: '42',
  cv: '',
  exclude: [],
  name: '',
};

/** What the panel under the table shows. */
export type Opened = { kind: 'run'; id: string } | { kind: 'compare'; ids: string[] } | null;

interface TrainState {
  projectId: string | null;
  draft: RunDraft;
  opened: Opened;
  /** Runs ticked for comparison, in the order they were ticked. */
  checked: string[];
  sort: RunSort;
  filter: RunFilter;
  /** The metric column the user chose; null = the objective's (or the first there is). */
  metric: string | null;
  /** Bumped to ask the runs list to reload (a run was started here). */
  runsAsked: number;
  /** The New run form folded away, to give the runs the room. */
  formFolded: boolean;
  /** What the engine says about its learners (train.learners); null until loaded. */
  learners: LearnerInfo[] | null;
  learnersError: string | null;
}

const FRESH = { draft: INITIAL_DRAFT, opened: null, checked: [], sort: DEFAULT_SORT, filter: NO_FILTER, metric: null, runsAsked: 0, formFolded: false, learners: null, learnersError: null } satisfies Omit<TrainState, 'projectId'>;

export const useTrainStore = create<TrainState>()(() => ({ projectId: null, ...FRESH }));

export const trainActions = {
  /** Called as the page shows a project: state from another project is dropped. */
  adopt(projectId: string | null) {
    if (useTrainStore.getState().projectId !== projectId) useTrainStore.setState({ projectId, ...FRESH });
  },
  editDraft(change: Partial<RunDraft>) {
    useTrainStore.setState((s) => ({ draft: { ...s.draft, ...change } }));
  },
  open(opened: Opened) {
    useTrainStore.setState({ opened });
  },
  toggleChecked(id: string) {
    useTrainStore.setState((s) => ({ checked: s.checked.includes(id) ? s.checked.filter((c) => c !== id) : [...s.checked, id] }));
  },
  clearChecked() {
    useTrainStore.setState({ checked: [] });
  },
  setSort(sort: RunSort) {
    useTrainStore.setState({ sort });
  },
  setFilter(change: Partial<RunFilter>) {
    useTrainStore.setState((s) => ({ filter: { ...s.filter, ...change } }));
  },
  setMetric(metric: string) {
    useTrainStore.setState({ metric });
  },
  foldForm(folded: boolean) {
    useTrainStore.setState({ formFolded: folded });
  },
  learnersLoaded(learners: LearnerInfo[] | null, error: string | null) {
    useTrainStore.setState({ learners, learnersError: error });
  },
  reloadRuns() {
    useTrainStore.setState((s) => ({ runsAsked: s.runsAsked + 1 }));
  },
};
