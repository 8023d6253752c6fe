import type { Deployment } from '../../../../shared/deploy/models';
import { DEPLOYMENT_STATUS_TONE, DEPLOYMENT_STATUS_WORDS } from '../../lib/deploy-words';

/** A deployment's status as a coloured word (never colour alone). */
export function StatusBadge({ status, testId }: { status: Deployment['status']; testId?: string }) {
  return (
    <span className={`badge deploy-status tone-${DEPLOYMENT_STATUS_TONE[status]}`} data-status={status} data-testid={testId}>
      {DEPLOYMENT_STATUS_WORDS[status]}
    </span>
  );
}
