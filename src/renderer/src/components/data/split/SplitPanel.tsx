import type { DatasetVersion } from '../../../../../shared/data/models';

/** Placeholder: Splits for one dataset version (being built). */
export function SplitPanel({ version }: { version: DatasetVersion }) {
  return <p className="muted">Splits for {version.datasetName}@{version.version}.</p>;
}
