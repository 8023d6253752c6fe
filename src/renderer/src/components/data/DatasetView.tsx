import { useAppStore } from '../../store';
import { CleanPanel } from './clean/CleanPanel';
import { GroupingsPanel } from './groupings/GroupingsPanel';
import { LabelPanel } from './label/LabelPanel';
import { SplitPanel } from './split/SplitPanel';
import { DataTabs, DATA_TABS } from './DataTabs';
import { ProfilePanel } from './profile/ProfilePanel';
import { SchemaPanel } from './SchemaPanel';
import { DataTable } from './table/DataTable';
import { VersionHeader } from './VersionHeader';

/**
 * The selected version: what it is, then Table, Profile and Schema. The table stays mounted while
 * another tab is shown, so coming back finds it where it was scrolled to.
 */
export function DatasetView() {
  const version = useAppStore((s) => s.selectedVersion);
  const versionError = useAppStore((s) => s.versionError);
  const tab = useAppStore((s) => s.dataTab);

  if (!version) {
    return (
      <section className="data-main">
        {versionError ? (
          <p className="form-error" role="alert">
            {versionError}
          </p>
        ) : (
          <p className="muted" role="status">
            <span className="spinner" aria-hidden="true" /> Opening the dataset…
          </p>
        )}
      </section>
    );
  }

  return (
    <section className="data-main" aria-label={`${version.datasetName} version ${version.version}`}>
      <VersionHeader version={version} />
      {versionError && (
        <p className="form-error" role="alert">
          {versionError}
        </p>
      )}
      <DataTabs />
      {DATA_TABS.map((t) => (
        <div
          key={t.id}
          role="tabpanel"
          id={`data-panel-${t.id}`}
          aria-labelledby={`data-tab-${t.id}`}
          hidden={tab !== t.id}
          className={`data-panel data-panel-${t.id}`}
          data-testid={`data-panel-${t.id}`}
        >
          {t.id === 'table' && <DataTable key={version.id} version={version} />}
          {t.id === 'profile' && tab === 'profile' && <ProfilePanel key={version.id} version={version} />}
          {t.id === 'schema' && tab === 'schema' && <SchemaPanel version={version} />}
          {t.id === 'groupings' && tab === 'groupings' && <GroupingsPanel key={version.id} version={version} />}
          {t.id === 'clean' && tab === 'clean' && <CleanPanel key={version.id} version={version} />}
          {t.id === 'label' && tab === 'label' && <LabelPanel key={version.id} version={version} />}
          {t.id === 'split' && tab === 'split' && <SplitPanel key={version.id} version={version} />}
        </div>
      ))}
    </section>
  );
}
