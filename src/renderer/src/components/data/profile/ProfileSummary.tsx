import type { DatasetVersion } from '../../../../../shared/data/models';
import type { Profile } from '../../../../../shared/data/profile';
import { count, share } from '../../../lib/data-words';
import { dateTime, durationInWords, percent } from '../../../lib/format';
import { useAppStore } from '../../../store';

/** The table as a whole: size, completeness, duplicates, and when and how fast the profile was made. */
export function ProfileSummary({ profile, version }: { profile: Profile; version: DatasetVersion }) {
  const requestProfile = useAppStore((s) => s.requestProfile);
  const asking = useAppStore((s) => s.profiles[version.id]?.asking === true);
  // "Profile again" keeps this profile in view while the new one is computed.
  const progress = useAppStore((s) => {
    const jobId = s.profiles[version.id]?.jobId;
    return jobId ? (s.jobs.find((j) => j.id === jobId)?.progress ?? 0) : null;
  });
  const cells = profile.rows * profile.columns.length;
  const missing = profile.columns.reduce((sum, c) => sum + c.missing, 0);
  const facts: [string, string, string?][] = [
    ['Rows', count(profile.rows)],
    ['Columns', count(profile.columns.length)],
    ['Missing cells', count(missing), share(missing, cells)],
    ['Duplicate rows', count(profile.duplicateRows), share(profile.duplicateRows, profile.rows)],
  ];

  return (
    <section className="card profile-summary" aria-labelledby="profile-summary-title" data-testid="profile-summary">
      <div className="profile-summary-head">
        <h2 id="profile-summary-title">
          Profile of {version.datasetName}@{version.version}
        </h2>
        <button type="button" className="button small" disabled={asking || progress !== null} onClick={() => void requestProfile(version.id, true)}>
          {progress !== null ? `Profiling again… ${percent(progress)}%` : 'Profile again'}
        </button>
      </div>
      <dl className="summary-facts">
        {facts.map(([label, value, note]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>
              {value}
              {note && <span className="muted"> ({note})</span>}
            </dd>
          </div>
        ))}
      </dl>
      <p className="muted">
        Computed {dateTime(profile.computedAt)} in {durationInWords(Math.round(profile.seconds * 1000))}.
      </p>
    </section>
  );
}
