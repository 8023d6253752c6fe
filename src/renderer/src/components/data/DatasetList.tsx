import { count } from '../../lib/data-words';
import { useAppStore } from '../../store';
import { VersionList } from './VersionList';

/** The project's datasets (latest version, size, target) and, under them, the selected one's versions. */
export function DatasetList() {
  const datasets = useAppStore((s) => s.datasets);
  const selected = useAppStore((s) => s.selectedVersion);
  const selectVersion = useAppStore((s) => s.selectVersion);

  return (
    <aside className="data-sidebar" aria-label="Datasets">
      <h2 className="subheading" id="datasets-title">
        Datasets <span className="tab-count">{datasets.length}</span>
      </h2>
      <ul className="dataset-list" aria-labelledby="datasets-title">
        {datasets.map((dataset) => {
          const latest = dataset.latest;
          const current = selected?.datasetId === dataset.id;
          return (
            <li key={dataset.id}>
              <button
                type="button"
                className="dataset-item"
                data-testid="dataset-item"
                data-name={dataset.name}
                aria-current={current ? 'true' : undefined}
                onClick={() => void selectVersion(latest.id)}
              >
                <span className="dataset-name">{dataset.name}</span>
                <span className="dataset-meta muted">
                  v{latest.version}
                  {dataset.versions > 1 && ` of ${dataset.versions}`} · {count(latest.rows)} × {latest.columns.length}
                </span>
                <span className="dataset-meta muted">{latest.target ? <>target <strong>{latest.target}</strong></> : 'no target chosen'}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <VersionList />
    </aside>
  );
}
