import type { VersionDetail } from '../../../../shared/registry/models';
import { AliasesPanel } from './AliasesPanel';
import { ApprovalsPanel } from './ApprovalsPanel';
import { GateChecklist } from './GateChecklist';
import { PromotePanel } from './PromotePanel';

/** Whether the version may go to production: the gates, the approvals they count, promotion and aliases. */
export function GovernanceTab({ detail }: { detail: VersionDetail }) {
  const v = detail.version;
  return (
    <div className="version-grid">
      <GateChecklist report={detail.gates} />
      {/* Beside the gates, what moves them: approvals, then the promotion they unlock. */}
      <div className="version-stack">
        <PromotePanel version={v} gates={detail.gates} />
        <ApprovalsPanel version={v} />
        <AliasesPanel version={v} />
      </div>
    </div>
  );
}
