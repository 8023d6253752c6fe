import type { StageStatus } from '../../../../shared/governance/dashboard';
import { STAGE_STATUS_WORDS } from '../../lib/governance-words';

/** A stage's status as a coloured word (never colour alone). */
export function StatusBadge({ status }: { status: StageStatus }) {
  return (
    <span className={`badge stage-status stage-status-${status}`} data-testid="stage-status">
      {STAGE_STATUS_WORDS[status]}
    </span>
  );
}
