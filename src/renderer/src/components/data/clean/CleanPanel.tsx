import type { DatasetVersion } from '../../../../../shared/data/models';

/** Placeholder: Cleaning for one dataset version (being built). */
export function CleanPanel({ version }: { version: DatasetVersion }) {
  return <p className="muted">Cleaning for {version.datasetName}@{version.version}.</p>;
}
