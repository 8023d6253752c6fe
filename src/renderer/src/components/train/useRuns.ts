import { useEffect, useState } from 'react';
import type { Run } from '../../../../shared/train/models';
import { toShownError } from '../../lib/errors';
import { useAppStore } from '../../store';
import { useTrainStore } from './train-store';

/** Changes whenever a training job appears or changes status: a string, so the selector stays stable otherwise. */
export function useTrainJobsKey(): string {
  return useAppStore((s) =>
    s.jobs
      .filter((j) => j.kind === 'train')
      .map((j) => `${j.id}:${j.status}`)
      .join(' '),
  );
}

/**
 * Every run of the project (runs.list), newest first. It reloads whenever a training job starts or
 * changes status — from this window, another one or the CLI, since job.updated reaches every client.
 */
export function useRuns(): { runs: Run[] | null; error: string | null } {
  const client = useAppStore((s) => s.client);
  const projectId = useAppStore((s) => s.project?.id ?? null);
  const trainJobs = useTrainJobsKey();
  const asked = useTrainStore((s) => s.runsAsked);
  const [runs, setRuns] = useState<Run[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!client || !projectId) return;
    let current = true;
    client
      .call('runs.list', { limit: 1000 })
      .then((list) => {
        if (!current) return;
        setRuns(list);
        setError(null);
      })
      .catch((e: unknown) => current && setError(toShownError(e).message));
    return () => {
      current = false;
    };
  }, [client, projectId, trainJobs, asked]);

  return { runs, error };
}
