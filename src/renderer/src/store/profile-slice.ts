import type { Job } from '../../../shared/contract/models';
import type { Profile } from '../../../shared/data/profile';
import { toShownError } from '../lib/errors';
import { isActive } from '../lib/jobs';
import { clientOf, projectGuard } from './client';
import type { SliceCreator } from './types';

/** What the Profile tab knows about one version. */
export interface ProfileEntry {
  profile: Profile | null;
  /** The profile job being watched. */
  jobId: string | null;
  /** Asking the engine (cached profile or a new job). */
  asking: boolean;
  /** Why there is no profile (a failed job, or settings changed since), in words. */
  note: string | null;
  error: string | null;
}

export interface ProfileSlice {
  profiles: Record<string, ProfileEntry>;
  /**
   * Gets the profile of a version: the engine answers with the cached one or starts a job, whose
   * end (seen in `profileJobUpdated`) asks again. `force` computes it afresh.
   */
  requestProfile(versionId: string, force?: boolean): Promise<void>;
  profileJobUpdated(job: Job): void;
  /** Drops a version's profile (its columns changed), with the reason shown instead. */
  forgetProfile(versionId: string, note: string): void;
  resetProfiles(): void;
}

const EMPTY: ProfileEntry = { profile: null, jobId: null, asking: false, note: null, error: null };

/** The version a profile job is about (the engine puts it in the job's params). */
export function profileJobVersion(job: Job): string | null {
  const params = job.params as { versionId?: unknown } | null;
  return job.kind === 'data.profile' && typeof params?.versionId === 'string' ? params.versionId : null;
}

export const createProfileSlice: SliceCreator<ProfileSlice> = (set, get) => {
  const patch = (versionId: string, change: Partial<ProfileEntry>) =>
    set((state) => ({ profiles: { ...state.profiles, [versionId]: { ...(state.profiles[versionId] ?? EMPTY), ...change } } }));

  return {
    profiles: {},

    async requestProfile(versionId, force = false) {
      const entry = get().profiles[versionId];
      if (entry?.asking || (entry?.jobId && !force)) return;
      // A profile job for this version may already run (started before a reload, or by the CLI): watch it.
      const running = get().jobs.find((job) => isActive(job.status) && profileJobVersion(job) === versionId);
      if (running && !force) return patch(versionId, { jobId: running.id, error: null });
      const current = projectGuard(get);
      patch(versionId, { asking: true, error: null });
      try {
        const answer = await clientOf(get).call('data.profile', { ref: versionId, force });
        if (!current()) return;
        if (answer.profile) return patch(versionId, { profile: answer.profile, jobId: null, asking: false, note: null });
        if (!answer.job) throw new Error('the engine returned neither a profile nor a job');
        patch(versionId, { jobId: answer.job.id, asking: false, note: null });
        get().applyJobUpdate(answer.job);
        get().profileJobUpdated(get().jobs.find((j) => j.id === answer.job!.id) ?? answer.job);
      } catch (error) {
        if (current()) patch(versionId, { asking: false, error: toShownError(error).message });
      }
    },

    profileJobUpdated(job) {
      const versionId = profileJobVersion(job);
      if (!versionId || isActive(job.status) || get().profiles[versionId]?.jobId !== job.id) return;
      patch(versionId, { jobId: null });
      if (job.status === 'succeeded') {
        void get().requestProfile(versionId);
        return;
      }
      const why = job.status === 'cancelled' ? 'Profiling was cancelled.' : job.status === 'interrupted' ? 'The engine stopped while profiling.' : 'Profiling failed.';
      patch(versionId, { error: job.error?.message ? `${why} ${job.error.message}` : why });
    },

    forgetProfile(versionId, note) {
      patch(versionId, { profile: null, note });
    },

    resetProfiles() {
      set({ profiles: {} });
    },
  };
};
