import { useEffect, useState } from 'react';
import type { Target } from '../../../../shared/deploy/models';
import { useAppStore } from '../../store';
import { StageHeader } from '../StageHeader';
import { deployActions, useDeployStore } from './deploy-store';
import { DeployDialog } from './DeployDialog';
import { TargetFormDialog } from './TargetFormDialog';
import { TargetList } from './TargetList';
import { TargetPage } from './TargetPage';
import { useDeployChanges, useTargets } from './useDeploy';
import '../../styles/evaluate.css';
import '../../styles/models.css';
import '../../styles/deploy.css';

type Dialog = { kind: 'add' } | { kind: 'edit'; target: Target } | { kind: 'deploy'; target: string | null } | null;

/**
 * Stage 6: deploy targets and what they serve. All targets (kind, where, what each serves, its last
 * test), then one target: its live deployment with traffic, its history, or its manifests. Targets
 * are added and edited in a dialog; a deploy is a job followed in its own dialog.
 */
export function DeployWorkspace() {
  const projectId = useAppStore((s) => s.project?.id ?? null);
  const open = useDeployStore((s) => s.target);
  const { data: targets, error } = useTargets();
  const [dialog, setDialog] = useState<Dialog>(null);
  useDeployChanges();

  useEffect(() => {
    deployActions.adopt(projectId);
  }, [projectId]);

  const current = targets?.find((t) => t.name === open) ?? null;
  const close = () => setDialog(null);

  return (
    <article className="stage-page models-page deploy-page" aria-labelledby="stage-title" data-stage="deploy">
      <StageHeader stageId="deploy">
        <button type="button" className="button" onClick={() => setDialog({ kind: 'add' })} data-testid="deploy-add-target">
          Add target…
        </button>
        <button type="button" className="button primary" disabled={!targets?.length} onClick={() => setDialog({ kind: 'deploy', target: current?.name ?? null })} data-testid="deploy-open-dialog">
          Deploy a model…
        </button>
      </StageHeader>
      {open && (
        <nav className="models-crumbs" aria-label="Deploy location" data-testid="deploy-crumbs">
          <button type="button" className="link-button" data-testid="deploy-crumb-all" onClick={() => deployActions.openTarget(null)}>
            All targets
          </button>
          <span aria-hidden="true">/</span>
          <span aria-current="page">{open}</span>
        </nav>
      )}
      {error ? (
        <p className="form-error" role="alert" data-testid="deploy-error-list">
          Could not list the targets: {error}
        </p>
      ) : !targets ? (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> Loading the targets…
        </p>
      ) : current ? (
        <TargetPage key={current.name} target={current} onDeploy={() => setDialog({ kind: 'deploy', target: current.name })} onEdit={() => setDialog({ kind: 'edit', target: current })} />
      ) : open ? (
        <p className="muted" data-testid="deploy-target-gone">
          {open} is no longer a target of this project.
        </p>
      ) : (
        <TargetList targets={targets} onAdd={() => setDialog({ kind: 'add' })} onEdit={(target) => setDialog({ kind: 'edit', target })} />
      )}
      {(dialog?.kind === 'add' || dialog?.kind === 'edit') && <TargetFormDialog target={dialog.kind === 'edit' ? dialog.target : null} onClose={close} />}
      {dialog?.kind === 'deploy' && targets && <DeployDialog targets={targets} initialTarget={dialog.target} onClose={close} />}
    </article>
  );
}
