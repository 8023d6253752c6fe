import { useEffect, useState } from 'react';
import type { Run } from '../../../../shared/train/models';
import { toShownError } from '../../lib/errors';
import { useAppStore } from '../../store';
import { useTrainJobsKey } from './useRuns';

/**
 * The trials of a search or auto run (`runs.list` with `parent`), asked again whenever a training
 * job starts or ends (each trial is one) and when the parent's status changes, so the table fills
 * in as trials finish.
 */
export function useChildRuns(parent: Run): { children: Run[] | null; error: string | null } {
  const client = useAppStore((s) => s.client);
  const trainJobs = useTrainJobsKey();
  const [children, setChildren] = useState<Run[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!client) return;
    let current = true;
    client
      .call('runs.list', { parent: parent.id, limit: 10_000 })
      .then((list) => {
        if (!current) return;
        setChildren(list);
        setError(null);
      })
      .catch((e: unknown) => current && setError(toShownError(e).message));
    return () => {
      current = false;
    };
  }, [client, parent.id, parent.status, parent.search?.rounds.length, trainJobs]);

  return { children, error };
}

/** The current time, ticking every `ms` while `active`: for a time-left text that counts down between job updates. */
export function useNow(active: boolean, ms = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [active, ms]);
  return now;
}
