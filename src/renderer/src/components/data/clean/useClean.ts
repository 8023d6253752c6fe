import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import type { Job } from '../../../../../shared/contract/models';
import type { Recipe } from '../../../../../shared/data/recipe';
import { isActive } from '../../../lib/jobs';
import { useAppStore } from '../../../store';
import { createCleanStore, EMPTY_CLEAN, type CleanEntry, type CleanState } from './clean-state';

/** Follows a job through the app's job list (fed by job.updated events) until it ends. */
function watchJob(started: Job, onEnd: (job: Job) => void): void {
  useAppStore.getState().applyJobUpdate(started);
  let done = false;
  const check = (jobs: Job[]) => {
    const job = jobs.find((j) => j.id === started.id);
    if (done || !job || isActive(job.status)) return;
    done = true;
    stop();
    onEnd(job);
  };
  const project = useAppStore.getState().project?.id;
  const stop = useAppStore.subscribe((state, previous) => {
    // Another project opened: this one's jobs are no longer listed, so stop listening.
    if (state.project?.id !== project) {
      done = true;
      stop();
    } else if (state.jobs !== previous.jobs) check(state.jobs);
  });
  // A small version may be cleaned before the reply arrived: the list may already hold the end.
  check(useAppStore.getState().jobs);
}

/** The one Clean store of this page, wired to the app store. */
export const cleanStore = createCleanStore({
  client: () => useAppStore.getState().client,
  projectId: () => useAppStore.getState().project?.id ?? null,
  watchJob,
  showVersion(versionId) {
    const app = useAppStore.getState();
    void app.loadDatasets();
    void app.selectVersion(versionId);
  },
});

export function useCleanStore<T>(select: (state: CleanState) => T): T {
  return useStore(cleanStore, select);
}

/** One version's recipe, preview and job. */
export function useCleanEntry(versionId: string): CleanEntry {
  return useCleanStore((s) => s.entries[versionId] ?? EMPTY_CLEAN);
}

/** Quiet time after an edit before the preview runs, so typing an expression asks once, not per key. */
export const PREVIEW_DEBOUNCE_MS = 400;

/**
 * Previews each valid recipe once the user paused editing. `key` (the recipe as JSON) is what
 * changes; a recipe already shown is not asked for again, unless its last try failed.
 */
export function usePreviewOnEdit(versionId: string, recipe: Recipe | null, key: string | null, entry: CleanEntry): void {
  const shownKey = entry.preview?.key ?? null;
  const failed = entry.previewError !== null;
  const latest = useRef({ recipe, shownKey, failed });
  // Declared first, so it runs before the effect below reads it.
  useEffect(() => {
    latest.current = { recipe, shownKey, failed };
  });
  useEffect(() => {
    const { recipe, shownKey, failed } = latest.current;
    if (!recipe || key === null || (key === shownKey && !failed)) return;
    const timer = setTimeout(() => void cleanStore.getState().preview(versionId, recipe), PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [versionId, key]);
}
