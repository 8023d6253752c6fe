import { STAGES, type StageId } from '../../../shared/stages';
import { applyTheme, initialTheme, type Theme } from '../lib/theme';
import type { SliceCreator } from './types';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

/** What the workspace shows: the project's home page or one lifecycle stage. */
export type WorkspaceView = 'overview' | StageId;
/** The sections of the Objectives workspace. */
export type ObjectivesTab = 'objective' | 'people' | 'policies' | 'decisions';

/** The views in navigation order: Overview first, then the stages as a model lives them. */
export const WORKSPACE_VIEWS: readonly WorkspaceView[] = ['overview', ...STAGES.map((s) => s.id)];

export interface UiSlice {
  view: WorkspaceView;
  objectivesTab: ObjectivesTab;
  theme: Theme;
  notices: Notice[];
  jobsOpen: boolean;
  switcherOpen: boolean;
  setView(view: WorkspaceView): void;
  /** Opens the Objectives workspace on one of its sections. */
  openObjectives(tab: ObjectivesTab): void;
  setObjectivesTab(tab: ObjectivesTab): void;
  /** Moves to the previous (-1) or next (+1) view, wrapping around; returns the new view. */
  moveView(delta: number): WorkspaceView;
  toggleTheme(): void;
  notify(kind: Notice['kind'], text: string): void;
  dismissNotice(id: number): void;
  setJobsOpen(open: boolean): void;
  setSwitcherOpen(open: boolean): void;
}

const INFO_NOTICE_MS = 5_000;

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => {
  let nextNoticeId = 1;
  const theme = initialTheme();
  applyTheme(theme, false);

  return {
    view: 'overview',
    objectivesTab: 'objective',
    theme,
    notices: [],
    // Closed until there is work to watch: the stage workspaces need the width, and starting a job opens it.
    jobsOpen: false,
    switcherOpen: false,

    setView(view) {
      set({ view });
    },

    openObjectives(tab) {
      set({ view: 'objectives', objectivesTab: tab });
    },

    setObjectivesTab(tab) {
      set({ objectivesTab: tab });
    },

    moveView(delta) {
      const index = WORKSPACE_VIEWS.indexOf(get().view);
      const next = WORKSPACE_VIEWS[(index + delta + WORKSPACE_VIEWS.length) % WORKSPACE_VIEWS.length]!;
      set({ view: next });
      return next;
    },

    toggleTheme() {
      const theme: Theme = get().theme === 'dark' ? 'light' : 'dark';
      applyTheme(theme, true);
      set({ theme });
    },

    notify(kind, text) {
      const id = nextNoticeId++;
      set((state) => ({ notices: [...state.notices.slice(-4), { id, kind, text }] }));
      if (kind === 'info') setTimeout(() => get().dismissNotice(id), INFO_NOTICE_MS);
    },

    dismissNotice(id) {
      set((state) => ({ notices: state.notices.filter((n) => n.id !== id) }));
    },

    setJobsOpen(open) {
      set({ jobsOpen: open });
    },

    setSwitcherOpen(open) {
      set({ switcherOpen: open });
    },
  };
};
