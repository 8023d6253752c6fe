import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Client } from '../../../../../shared/client';
import type { Job } from '../../../../../shared/contract/models';
import type { RowPage } from '../../../../../shared/data/methods';
import type { Recipe } from '../../../../../shared/data/recipe';
import { previewErrorPlace } from '../../../lib/clean-io';
import type { StepDraft } from '../../../lib/clean-steps';
import { count } from '../../../lib/data-words';
import { toShownError } from '../../../lib/errors';

/**
 * What the Clean tab holds per version, outside React: the tab's panel is mounted only while it is
 * shown, and a recipe half written or a job still running must survive a look at the Table tab.
 * The app store is reached through `CleanDeps`, so this runs (and is tested) without a browser.
 */

/** Rows the preview runs on (a fixed-seed sample); the engine counts what the recipe keeps of them. */
export const PREVIEW_SAMPLE = 10_000;
/** Rows the preview table shows. */
export const PREVIEW_SHOWN = 12;

export interface CleanPreview {
  sql: string;
  page: RowPage;
  /** The recipe it shows, as JSON, to tell whether it is still the one being edited. */
  key: string;
}

/** Why the last preview failed, and where: a step (0-based) and perhaps one of its fields. */
export interface CleanPreviewError {
  message: string;
  /** The recipe it is about, as JSON: applying that recipe would fail the same way. */
  key: string;
  step: number | null;
  field: string | null;
}

export interface CleanEntry {
  steps: StepDraft[];
  /** The last preview that ran; kept while a newer one is asked for, and when one fails. */
  preview: CleanPreview | null;
  previewError: CleanPreviewError | null;
  previewing: boolean;
  /** The data.clean job started from this version, while it runs (its live state is in the app's jobs). */
  jobId: string | null;
  starting: boolean;
  applyError: string | null;
}

let stepIds = 0;
/** A key for a new step draft, unique in this page (React keys and element ids). */
export const nextStepId = (): number => ++stepIds;

export const EMPTY_CLEAN: CleanEntry = { steps: [], preview: null, previewError: null, previewing: false, jobId: null, starting: false, applyError: null };

export interface CleanState {
  entries: Record<string, CleanEntry>;
  /** What the last apply wrote, shown on the version it wrote. */
  outcome: { versionId: string; text: string } | null;
  setSteps(versionId: string, steps: StepDraft[]): void;
  /** Previews the recipe on the version's sample; answers to older requests or edits are dropped. */
  preview(versionId: string, recipe: Recipe): Promise<void>;
  /** Starts data.clean; when it ends well, the new version is loaded and selected. */
  apply(versionId: string, recipe: Recipe, name?: string): Promise<void>;
  dismissOutcome(): void;
}

export interface CleanDeps {
  client(): Client | null;
  /** The open project, so a reply about another one is dropped. */
  projectId(): string | null;
  /** Follows a job the engine started; `onEnd` hears its final snapshot, once. */
  watchJob(job: Job, onEnd: (job: Job) => void): void;
  /** A version was written: refresh the dataset list and show it. */
  showVersion(versionId: string): void;
}

/** What a finished data.clean job reports. */
interface CleanResult {
  versionId: string;
  name: string;
  version: number;
  rows: number;
  parent: string;
  reused: boolean;
}

const ENDED: Record<string, string> = {
  cancelled: 'Cleaning was cancelled; no version was written.',
  interrupted: 'The engine stopped while cleaning; no version was written. Apply again.',
};

export function createCleanStore(deps: CleanDeps): StoreApi<CleanState> {
  /** Per version, the number of the latest edit or preview request: only its answer is shown. */
  const latest = new Map<string, number>();
  const bump = (versionId: string) => {
    const n = (latest.get(versionId) ?? 0) + 1;
    latest.set(versionId, n);
    return n;
  };
  const client = () => {
    const c = deps.client();
    if (!c) throw new Error('Not connected to the MLCycle engine yet');
    return c;
  };

  return createStore<CleanState>()((set, get) => {
    const patch = (versionId: string, change: Partial<CleanEntry>) =>
      set((state) => ({ entries: { ...state.entries, [versionId]: { ...(state.entries[versionId] ?? EMPTY_CLEAN), ...change } } }));

    function finished(versionId: string, job: Job) {
      if (job.status !== 'succeeded') return patch(versionId, { jobId: null, applyError: job.error?.message ?? ENDED[job.status] ?? 'Cleaning failed.' });
      const result = job.result as CleanResult;
      const ref = `${result.name}@${result.version}`;
      const text = result.reused ? `Same content as ${ref}, which already existed: it is shown instead.` : `Wrote ${ref}: ${count(result.rows)} rows, made from ${result.parent} by the recipe.`;
      patch(versionId, { jobId: null });
      set({ outcome: { versionId: result.versionId, text } });
      deps.showVersion(result.versionId);
    }

    return {
      entries: {},
      outcome: null,

      setSteps(versionId, steps) {
        // A preview still on its way describes the recipe before this edit.
        bump(versionId);
        patch(versionId, { steps, previewing: false, ...(steps.length === 0 ? { preview: null, previewError: null } : {}) });
      },

      async preview(versionId, recipe) {
        const seq = bump(versionId);
        const project = deps.projectId();
        const fresh = () => latest.get(versionId) === seq && deps.projectId() === project;
        patch(versionId, { previewing: true });
        try {
          const { sql, page } = await client().call('data.preview', { ref: versionId, recipe, sample: PREVIEW_SAMPLE, limit: PREVIEW_SHOWN });
          if (fresh()) patch(versionId, { preview: { sql, page, key: JSON.stringify(recipe) }, previewError: null, previewing: false });
        } catch (error) {
          if (!fresh()) return;
          const place = previewErrorPlace((error as { details?: unknown } | null)?.details, recipe.steps.length);
          patch(versionId, { previewError: { message: toShownError(error).message, key: JSON.stringify(recipe), ...place }, previewing: false });
        }
      },

      async apply(versionId, recipe, name) {
        const entry = get().entries[versionId];
        if (entry?.starting || entry?.jobId) return;
        const project = deps.projectId();
        patch(versionId, { starting: true, applyError: null });
        set({ outcome: null });
        try {
          const started = await client().call('data.clean', { ref: versionId, recipe, ...(name?.trim() ? { name: name.trim() } : {}) });
          if (deps.projectId() !== project) return;
          patch(versionId, { starting: false, jobId: started.id });
          // Ends here whether or not the tab is shown then.
          deps.watchJob(started, (job) => finished(versionId, job));
        } catch (error) {
          if (deps.projectId() === project) patch(versionId, { starting: false, applyError: `Not applied: ${toShownError(error).message}` });
        }
      },

      dismissOutcome() {
        set({ outcome: null });
      },
    };
  });
}
