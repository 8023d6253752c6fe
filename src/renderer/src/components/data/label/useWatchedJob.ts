import { useEffect, useRef } from 'react';
import type { Job } from '../../../../../shared/contract/models';
import { isActive } from '../../../lib/jobs';
import { useAppStore } from '../../../store';
import { useRemembered } from './useRemembered';

/**
 * A job this panel started: its live state comes from the store (job.updated events), and
 * `onFinished` runs once when it ends, even if it ended while the tab was hidden. The id is
 * remembered under `key`, so coming back to the tab finds the job still running.
 */
export function useWatchedJob(key: string, onFinished: (job: Job) => void) {
  const [jobId, setJobId] = useRemembered<string | null>(`${key}:job`, null);
  const job = useAppStore((s) => (jobId ? s.jobs.find((j) => j.id === jobId) : undefined));
  const applyJobUpdate = useAppStore((s) => s.applyJobUpdate);
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  });

  useEffect(() => {
    if (!job || isActive(job.status)) return;
    setJobId(null);
    finished.current(job);
  }, [job, setJobId]);

  return {
    /** The running job, or undefined once it ended (onFinished has then been told). */
    job: job && isActive(job.status) ? job : undefined,
    /** Watch a job the engine just started. */
    watch(started: Job) {
      applyJobUpdate(started);
      setJobId(started.id);
    },
  };
}
