import type { DatasetVersion } from '../../../../../shared/data/models';

/** Placeholder: Labelling for one dataset version (being built). */
export function LabelPanel({ version }: { version: DatasetVersion }) {
  return <p className="muted">Labelling for {version.datasetName}@{version.version}.</p>;
}
