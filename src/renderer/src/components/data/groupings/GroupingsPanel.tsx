import type { DatasetVersion } from '../../../../../shared/data/models';

/** Placeholder: Groupings for one dataset version (being built). */
export function GroupingsPanel({ version }: { version: DatasetVersion }) {
  return <p className="muted">Groupings for {version.datasetName}@{version.version}.</p>;
}
