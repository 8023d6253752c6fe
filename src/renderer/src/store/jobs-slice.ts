import type { Job, JobLogLine } from '../../../shared/contract/models';
import { toShownError } from '../lib/errors';
import { isActive, laterOf, mergeLog, sortJobs, upsertJob } from '../lib/jobs';
import { clientOf } from './client';
import type { SliceCreator } from './types';

export interface DemoOptions {
  steps: number;
  stepMs: number;
  failAtStep?: number;
}

export interface JobsSlice {
  jobs: Job[];
  jobsLoading: boolean;
  /** Log lines of the jobs whose log has been opened; live lines are appended as they arrive. */
  logs: Record<string, JobLogLine[]>;
  /** Jobs with a cancel request in flight, so their button says so. */
  cancelling: Record<string, true>;
  demoBusy: boolean;
  loadJobs(): Promise<void>;
  resetJobs(): void;
  applyJobUpdate(job: Job): void;
  applyJobLog(line: JobLogLine): void;
  loadLog(id: string): Promise<void>;
  startDemo(options: DemoOptions): Promise<void>;
  cancelJob(id: string): Promise<void>;
}

export const createJobsSlice: SliceCreator<JobsSlice> = (set, get) => ({
  jobs: [],
  jobsLoading: false,
  logs: {},
  cancelling: {},
  demoBusy: false,

  async loadJobs() {
    set({ jobsLoading: true });
    try {
      const loaded = await clientOf(get).call('jobs.list', { limit: 100 });
      // Events may have arrived while the list was loading: keep whichever snapshot is later.
      const live = new Map(get().jobs.map((job) => [job.id, job]));
      const merged = loaded.map((job) => {
        const seen = live.get(job.id);
        live.delete(job.id);
        return seen ? laterOf(job, seen) : job;
      });
      set({ jobs: sortJobs([...merged, ...live.values()]) });
    } catch (error) {
      get().notify('error', `Could not load jobs: ${toShownError(error).message}`);
    } finally {
      set({ jobsLoading: false });
    }
  },

  resetJobs() {
    set({ jobs: [], logs: {}, cancelling: {} });
  },

  applyJobUpdate(job) {
    set((state) => {
      const cancelling = { ...state.cancelling };
      if (!isActive(job.status)) delete cancelling[job.id];
      return { jobs: upsertJob(state.jobs, job), cancelling };
    });
  },

  applyJobLog(line) {
    set((state) => {
      const existing = state.logs[line.jobId];
      if (!existing) return {};
      return { logs: { ...state.logs, [line.jobId]: mergeLog(existing, [line]) } };
    });
  },

  async loadLog(id) {
    // Start collecting live lines before asking for the stored ones, so none fall in between.
    set((state) => ({ logs: { ...state.logs, [id]: state.logs[id] ?? [] } }));
    try {
      const lines = await clientOf(get).call('jobs.log', { id, afterSeq: 0 });
      set((state) => ({ logs: { ...state.logs, [id]: mergeLog(state.logs[id] ?? [], lines) } }));
    } catch (error) {
      get().notify('error', `Could not load the job log: ${toShownError(error).message}`);
    }
  },

  async startDemo(options) {
    set({ demoBusy: true });
    try {
      const job = await clientOf(get).call('demo.start', options);
      get().applyJobUpdate(job);
      get().setJobsOpen(true);
    } catch (error) {
      get().notify('error', `Could not start the demo job: ${toShownError(error).message}`);
    } finally {
      set({ demoBusy: false });
    }
  },

  async cancelJob(id) {
    set((state) => ({ cancelling: { ...state.cancelling, [id]: true } }));
    try {
      get().applyJobUpdate(await clientOf(get).call('jobs.cancel', { id }));
    } catch (error) {
      set((state) => {
        const cancelling = { ...state.cancelling };
        delete cancelling[id];
        return { cancelling };
      });
      get().notify('error', `Could not cancel the job: ${toShownError(error).message}`);
    }
  },
});
