import { useEffect } from 'react';
import type { Job } from '../../../../../shared/contract/models';
import type { DatasetVersion } from '../../../../../shared/data/models';
import { etaInWords } from '../../../lib/format';
import { isActive } from '../../../lib/jobs';
import { useAppStore } from '../../../store';
import { profileJobVersion } from '../../../store/profile-slice';
import { ProgressBar } from '../../ProgressBar';
import { ProfileView } from './ProfileView';

/** An import job that profiled the version it made (the default), so the profile is cached. */
function profiledByImport(job: Job, versionId: string): boolean {
  const result = job.kind === 'data.import' && job.status === 'succeeded' ? (job.result as { versionId?: string; profiled?: boolean } | null) : null;
  return result?.versionId === versionId && result.profiled === true;
}

/**
 * The profile of a version, or the way to it. `data.profile` starts a job when none is cached, so
 * the tab only asks by itself when a finished (or running) profile or import job says there is one to get;
 * otherwise a button starts it. The job runs in the engine's worker: the window stays usable.
 */
export function ProfilePanel({ version }: { version: DatasetVersion }) {
  const entry = useAppStore((s) => s.profiles[version.id]);
  const job = useAppStore((s) => (entry?.jobId ? s.jobs.find((j) => j.id === entry.jobId) : undefined));
  const known = useAppStore((s) => s.jobs.some((j) => (profileJobVersion(j) === version.id && (j.status === 'succeeded' || isActive(j.status))) || profiledByImport(j, version.id)));
  const requestProfile = useAppStore((s) => s.requestProfile);
  const cancelJob = useAppStore((s) => s.cancelJob);

  useEffect(() => {
    if (!entry && known) void requestProfile(version.id);
  }, [entry, known, requestProfile, version.id]);

  if (entry?.profile) return <ProfileView profile={entry.profile} version={version} />;

  const running = job && isActive(job.status);
  return (
    <section className="card profile-start-card" aria-labelledby="profile-start-title">
      <h2 id="profile-start-title">{running ? `Profiling ${version.datasetName}@${version.version}…` : 'No profile yet'}</h2>
      {entry?.note && !running && <p>{entry.note}</p>}
      <p className="muted">
        A profile reads every row once: counts, missing values, distinct values, distributions, top values, correlations, duplicates
        and how each column relates to the target, with warnings about what looks wrong. You can keep browsing the table meanwhile.
      </p>
      {entry?.error && (
        <p className="form-error" role="alert" data-testid="profile-error">
          {entry.error}
        </p>
      )}
      {running ? (
        <div className="import-progress" data-testid="profile-progress">
          <div className="progress-row">
            <ProgressBar fraction={job.progress} label="Profile progress" tone={job.status} />
            <button type="button" className="button small danger" onClick={() => void cancelJob(job.id)}>
              Cancel
            </button>
          </div>
          <p className="muted">{[job.phase, etaInWords(job.etaMs) ?? 'estimating time left…'].filter(Boolean).join(' · ')}</p>
        </div>
      ) : (
        <button type="button" className="button primary" data-testid="profile-start" disabled={entry?.asking === true || Boolean(entry?.jobId)} onClick={() => void requestProfile(version.id)}>
          {entry?.asking ? 'Starting…' : entry?.error ? 'Try again' : 'Profile this version'}
        </button>
      )}
    </section>
  );
}
