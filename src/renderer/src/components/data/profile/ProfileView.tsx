import type { DatasetVersion } from '../../../../../shared/data/models';
import type { Profile } from '../../../../../shared/data/profile';
import { ColumnCard } from './ColumnCard';
import { CorrelationHeatmap } from './CorrelationHeatmap';
import { ProfileSummary } from './ProfileSummary';
import { ProfileWarnings } from './ProfileWarnings';
import { TargetSection } from './TargetSection';

/** A computed profile: the whole table first (summary, warnings, target, correlations), then each column. */
export function ProfileView({ profile, version }: { profile: Profile; version: DatasetVersion }) {
  return (
    <div className="profile-view">
      <ProfileSummary profile={profile} version={version} />
      <ProfileWarnings warnings={profile.warnings} columns={profile.columns.map((c) => c.name)} />
      {profile.target && <TargetSection target={profile.target} />}
      <CorrelationHeatmap pearson={profile.pearson} />
      <section aria-labelledby="profile-columns-title" className="profile-columns-section">
        <h2 id="profile-columns-title" className="subheading">
          Columns <span className="tab-count">{profile.columns.length}</span>
        </h2>
        <div className="profile-columns">
          {profile.columns.map((column, index) => (
            <ColumnCard key={column.name} column={column} index={index} rows={profile.rows} isTarget={profile.target?.column === column.name} />
          ))}
        </div>
      </section>
    </div>
  );
}
