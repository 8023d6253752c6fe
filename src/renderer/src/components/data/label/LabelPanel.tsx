import type { DatasetVersion } from '../../../../../shared/data/models';
import { LabelOutcome } from './LabelOutcome';
import { LabelWork } from './LabelWork';
import { NoTargetCard } from './NoTargetCard';
import '../../../styles/label-split.css';

/**
 * Labelling a version: fill in its target where it is empty (a queue worked through with the
 * keyboard) or on chosen rows, saved as a new version whose lineage says how many labels were added
 * and by whom. A version made that way says so at the top.
 */
export function LabelPanel({ version }: { version: DatasetVersion }) {
  const column = version.columns.find((c) => c.name === version.target);
  return (
    <div className="ls-panel" data-testid="label-panel">
      <LabelOutcome version={version} />
      {column ? <LabelWork key={column.name} version={version} column={column} /> : <NoTargetCard version={version} />}
    </div>
  );
}
