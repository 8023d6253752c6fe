import type { ProjectSummary, RecentProject } from '../../../shared/contract/models';
import { toShownError, type ShownError } from '../lib/errors';
import { clientOf } from './client';
import type { SliceCreator } from './types';

/** Which picker form an error belongs to, so it is shown next to that form. */
export type PickerForm = 'create' | 'open' | 'recent' | 'sample';

export interface ProjectSlice {
  project: ProjectSummary | null;
  recent: RecentProject[];
  projectBusy: boolean;
  pickerError: { form: PickerForm; error: ShownError } | null;
  loadRecent(): Promise<void>;
  createProject(dir: string, name?: string): Promise<boolean>;
  /** The Palmer penguins sample in `dir`; its data import runs on as a job. */
  createSampleProject(dir: string): Promise<boolean>;
  openProject(dir: string, form?: PickerForm): Promise<boolean>;
  closeProject(): Promise<void>;
  clearPickerError(): void;
  /** Makes `project` current (from a reply or the `project.changed` event) and loads what belongs to it. */
  adoptProject(project: ProjectSummary | null): Promise<void>;
}

export const createProjectSlice: SliceCreator<ProjectSlice> = (set, get) => {
  /** Runs one picker action: busy flag on, error cleared, the engine's error kept for its form. */
  async function pickerAction(form: PickerForm, action: () => Promise<ProjectSummary>): Promise<boolean> {
    set({ projectBusy: true, pickerError: null });
    try {
      const project = await action();
      await get().adoptProject(project);
      return true;
    } catch (error) {
      set({ pickerError: { form, error: toShownError(error) } });
      return false;
    } finally {
      set({ projectBusy: false });
    }
  }

  return {
    project: null,
    recent: [],
    projectBusy: false,
    pickerError: null,

    async loadRecent() {
      try {
        set({ recent: await clientOf(get).call('project.recent') });
      } catch (error) {
        get().notify('error', `Could not list recent projects: ${toShownError(error).message}`);
      }
    },

    createProject(dir, name) {
      const trimmed = name?.trim();
      return pickerAction('create', () =>
        clientOf(get).call('project.create', trimmed ? { dir, name: trimmed } : { dir }),
      );
    },

    createSampleProject(dir) {
      return pickerAction('sample', async () => (await clientOf(get).call('project.createSample', { dir })).project);
    },

    openProject(dir, form = 'open') {
      return pickerAction(form, () => clientOf(get).call('project.open', { dir }));
    },

    async closeProject() {
      set({ projectBusy: true });
      try {
        await clientOf(get).call('project.close');
        await get().adoptProject(null);
      } catch (error) {
        get().notify('error', `Could not close the project: ${toShownError(error).message}`);
      } finally {
        set({ projectBusy: false });
      }
    },

    clearPickerError() {
      set({ pickerError: null });
    },

    async adoptProject(project) {
      const previous = get().project;
      if (previous?.id === project?.id && previous?.dir === project?.dir) {
        if (project) set({ project });
        return;
      }
      set({ project, pickerError: null });
      get().resetJobs();
      get().resetDashboard();
      get().resetGovernance();
      get().resetData();
      get().resetRows();
      get().resetProfiles();
      get().setSwitcherOpen(false);
      // A project opens on its home page; each loader reports its own failure, so none blocks the rest.
      get().setView('overview');
      if (project) await Promise.all([get().loadJobs(), get().loadDashboard(), get().loadGovernance()]);
      else await get().loadRecent();
    },
  };
};
