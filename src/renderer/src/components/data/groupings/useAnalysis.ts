import { useCallback, useEffect, useRef, useState } from 'react';
import type { Job } from '../../../../../shared/contract/models';
import type { Analysis } from '../../../../../shared/data/analysis';
import type { DatasetVersion } from '../../../../../shared/data/models';
import { toShownError } from '../../../lib/errors';
import { isActive } from '../../../lib/jobs';
import { useAppStore } from '../../../store';

/** The k a `data.analyze` job was asked for (0: the elbow's choice), if it is about this version. */
function analyzeJobK(job: Job, versionId: string): number | null {
  const params = job.params as { versionId?: unknown; k?: unknown } | null;
  if (job.kind !== 'data.analyze' || params?.versionId !== versionId) return null;
  return typeof params.k === 'number' ? params.k : 0;
}

/** What changes the analysis's meaning without changing the version: the target and how columns are treated. */
const annotations = (v: DatasetVersion) => JSON.stringify([v.target, v.columns.map((c) => c.semantic)]);

export interface AnalysisHandle {
  analysis: Analysis | null;
  /** The job computing an analysis, while it runs (or just ended). */
  job: Job | undefined;
  asking: boolean;
  error: string | null;
  /** Why an analysis shown before is gone. */
  note: string | null;
  /** Gets the analysis for k (0: chosen by the elbow): cached at once, or a job whose end fetches it. */
  run(k: number): void;
}

/**
 * One version's analysis, kept by the tab. `data.analyze` starts a job when nothing is cached, so on
 * opening the tab it only asks by itself when a finished (or running) job says there is one to get.
 */
export function useAnalysis(version: DatasetVersion): AnalysisHandle {
  const client = useAppStore((s) => s.client);
  const applyJobUpdate = useAppStore((s) => s.applyJobUpdate);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const job = useAppStore((s) => (jobId ? s.jobs.find((j) => j.id === jobId) : undefined));
  // Newest first: the analysis this version last had, or the one being computed now.
  const known = useAppStore((s) => s.jobs.find((j) => analyzeJobK(j, version.id) !== null && (j.status === 'succeeded' || isActive(j.status))));
  const alive = useRef(true);
  const acted = useRef(false);

  useEffect(() => {
    alive.current = true;
    return () => void (alive.current = false);
  }, []);

  const run = useCallback(
    (k: number) => {
      if (!client) return;
      acted.current = true;
      setAsking(true);
      setError(null);
      setNote(null);
      client
        .call('data.analyze', { ref: version.id, k: k || undefined })
        .then(({ analysis: cached, job: started }) => {
          if (!alive.current) return;
          if (cached) return setAnalysis(cached);
          if (!started) return setError('The engine returned neither an analysis nor a job. Try again.');
          applyJobUpdate(started);
          setJobId(started.id);
        })
        .catch((e: unknown) => alive.current && setError(toShownError(e).message))
        .finally(() => alive.current && setAsking(false));
    },
    [client, version.id, applyJobUpdate],
  );

  // Opening the tab: show the analysis a finished job left, or follow the one still running.
  useEffect(() => {
    if (acted.current || !known) return;
    acted.current = true;
    if (isActive(known.status)) setJobId(known.id);
    else run(analyzeJobK(known, version.id) ?? 0);
  }, [known, run, version.id]);

  // The job ended: fetch what it saved, or say why there is nothing.
  useEffect(() => {
    if (!job || isActive(job.status)) return;
    setJobId(null);
    if (job.status === 'succeeded') return run(analyzeJobK(job, version.id) ?? 0);
    // Cancelling is the user's own doing: said plainly, not as an error.
    if (job.status === 'cancelled') return setNote('The analysis was cancelled; nothing was saved.');
    const why = job.status === 'interrupted' ? 'The engine stopped during the analysis.' : 'The analysis failed.';
    setError(job.error?.message ? `${why} ${job.error.message}` : why);
  }, [job, run, version.id]);

  // A new target or column treatment drops the engine's cached analysis: drop the one shown too.
  const signature = annotations(version);
  const seen = useRef(signature);
  useEffect(() => {
    if (seen.current === signature) return;
    seen.current = signature;
    if (!analysis) return;
    setAnalysis(null);
    setNote('The target or a column’s treatment changed since this analysis was computed: run it again.');
    // Only a change of annotations drops it; `analysis` is read, not watched.
  }, [signature]);

  return { analysis, job, asking, error, note, run };
}
