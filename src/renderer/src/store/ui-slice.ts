import { STAGES, type StageId } from '../../../shared/stages';
import { applyTheme, initialTheme, type Theme } from '../lib/theme';
import type { SliceCreator } from './types';

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
}

export interface UiSlice {
  stage: StageId;
  theme: Theme;
  notices: Notice[];
  jobsOpen: boolean;
  switcherOpen: boolean;
  setStage(stage: StageId): void;
  /** Moves to the previous (-1) or next (+1) stage, wrapping around; returns the new stage. */
  moveStage(delta: number): StageId;
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
    stage: 'objectives',
    theme,
    notices: [],
    jobsOpen: true,
    switcherOpen: false,

    setStage(stage) {
      set({ stage });
    },

    moveStage(delta) {
      const index = STAGES.findIndex((s) => s.id === get().stage);
      const next = STAGES[(index + delta + STAGES.length) % STAGES.length]!.id;
      set({ stage: next });
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
