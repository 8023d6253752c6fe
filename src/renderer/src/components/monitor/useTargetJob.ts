import { useEffect, useRef } from 'react';
import type { Job } from '../../../../shared/contract/models';
import { isActive } from '../../lib/jobs';
import { useAppStore } from '../../store';
import { monitorActions } from './monitor-store';

/**
 * The newest job of `kind` for a target that this window knows of (started here, in another window
 * or from the CLI), and whether it runs. When it ends, the Monitor views reload: traffic, a retrain
 * or a redeploy change what they show.
 */
export function useTargetJob(kind: string, target: string): { job: Job | undefined; running: boolean } {
  const job = useAppStore((s) => s.jobs.find((j) => j.kind === kind && (j.params as { target?: string } | null)?.target === target));
  const running = job !== undefined && isActive(job.status);
  const wasRunning = useRef(running);
  useEffect(() => {
    if (wasRunning.current && !running) monitorActions.changed();
    wasRunning.current = running;
  }, [running]);
  return { job, running };
}
