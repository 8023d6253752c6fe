import { useEffect, useState } from 'react';
import type { CurvePoint } from '../../../../shared/train/models';
import { asCurvePoint, mergePoints } from '../../lib/train-figures';
import { useAppStore } from '../../store';

/** Points arrive as fast as the learner iterates; the chart redraws at most this often. */
const REDRAW_MS = 150;

/**
 * A running job's curve: the points pushed as `job.point` events, plus those made before this view
 * opened (`jobs.points`). Listening starts before the catch-up call, and both are merged by step,
 * so no point falls in between and none is drawn twice.
 */
export function useLivePoints(jobId: string | null): CurvePoint[] {
  const client = useAppStore((s) => s.client);
  const [points, setPoints] = useState<CurvePoint[]>([]);

  useEffect(() => {
    setPoints([]);
    if (!client || !jobId) return;
    let alive = true;
    let pending: CurvePoint[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      if (!alive) return;
      const batch = pending;
      pending = [];
      setPoints((existing) => mergePoints(existing, batch));
    };
    const add = (raw: unknown[]) => {
      for (const r of raw) {
        const point = asCurvePoint(r);
        if (point) pending.push(point);
      }
      timer ??= setTimeout(flush, REDRAW_MS);
    };
    const stop = client.on('job.point', (event) => {
      if (event.jobId === jobId) add([event.point]);
    });
    // Ended jobs answer with no points (the run keeps its curve); a failure here only costs the early part.
    client.call('jobs.points', { id: jobId }).then(add, () => undefined);
    return () => {
      alive = false;
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [client, jobId]);

  return points;
}
