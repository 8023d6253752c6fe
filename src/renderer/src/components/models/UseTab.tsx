import type { ModelVersion } from '../../../../shared/registry/models';
import { ExportForm } from './ExportForm';
import { ScorePanel } from './ScorePanel';

/** Taking the version out of the registry: its signed package as a file or folder, or a batch of predictions. */
export function UseTab({ version }: { version: ModelVersion }) {
  return (
    <div className="version-grid">
      <ExportForm version={version} />
      <ScorePanel version={version} />
    </div>
  );
}
