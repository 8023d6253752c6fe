import { useState } from 'react';
import type { Target } from '../../../../shared/deploy/models';
import { KIND_WORDS, secretsOf, whereOf } from '../../lib/deploy-words';
import { useAppStore } from '../../store';
import { TabList, type TabItem } from '../TabList';
import { ConfirmDialog } from './ConfirmDialog';
import { deployActions, useDeployStore, type TargetTab } from './deploy-store';
import { DeploymentTimeline } from './DeploymentTimeline';
import { LiveDeployment } from './LiveDeployment';
import { ManifestsPanel } from './ManifestsPanel';
import { TargetTestResult } from './TargetTestResult';
import { TestButton } from './TestButton';
import { useStatusPolling } from './useDeploy';

/** One target: its settings and last test, then what it serves now, its history, and (Kubernetes) its manifests. */
export function TargetPage({ target, onDeploy, onEdit }: { target: Target; onDeploy(): void; onEdit(): void }) {
  const client = useAppStore((s) => s.client);
  const tab = useDeployStore((s) => s.tab);
  const test = useDeployStore((s) => s.tests[target.name]);
  const [removing, setRemoving] = useState(false);
  const kube = target.kind === 'kubernetes';
  useStatusPolling(kube ? null : target.name);

  const tabs: TabItem<TargetTab>[] = kube
    ? [
        { id: 'manifests', label: 'Manifests' },
        { id: 'history', label: 'History' },
      ]
    : [
        { id: 'live', label: 'Live' },
        { id: 'history', label: 'History' },
      ];
  const current = tabs.some((t) => t.id === tab) ? tab : tabs[0]!.id;

  return (
    <div className="deploy-target-page" data-testid="target-page" data-target={target.name}>
      <section className="card target-head" aria-labelledby="target-title">
        <div className="models-title-row">
          <h2 id="target-title" data-testid="target-title">
            {target.name}
          </h2>
          <span className="badge">{KIND_WORDS[target.kind]}</span>
        </div>
        <p>
          <span className="mono" data-testid="target-where">
            {whereOf(target)}
          </span>
          {secretsOf(target) && <span className="muted"> · {secretsOf(target)}</span>}
        </p>
        <div className="form-actions">
          {!kube && (
            <button type="button" className="button primary" onClick={onDeploy} data-testid="target-deploy">
              Deploy…
            </button>
          )}
          <TestButton target={target.name} />
          <button type="button" className="button" onClick={onEdit} data-testid="target-edit">
            Edit…
          </button>
          <button type="button" className="button danger" onClick={() => setRemoving(true)} data-testid="target-remove">
            Remove…
          </button>
        </div>
        {test && <TargetTestResult outcome={test} />}
      </section>
      <TabList name="target" label={`${target.name} sections`} tabs={tabs} current={current} onSelect={deployActions.setTab} />
      <div role="tabpanel" id={`target-panel-${current}`} aria-labelledby={`target-tab-${current}`} className="deploy-panel">
        {current === 'live' && <LiveDeployment target={target} onDeploy={onDeploy} />}
        {current === 'history' && <DeploymentTimeline target={target.name} />}
        {current === 'manifests' && <ManifestsPanel target={target.name} />}
      </div>
      {removing && client && (
        <ConfirmDialog
          title={`Remove ${target.name}?`}
          confirmLabel="Remove target"
          testId="confirm-remove"
          onClose={() => setRemoving(false)}
          onConfirm={() =>
            client.call('targets.remove', { target: target.name }).then(() => {
              deployActions.forget(target.name);
              deployActions.changed();
            })
          }
        >
          <p>
            The target’s settings and its deployment history go; the audit log keeps every deploy step. A target that still serves a model must be undeployed first.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
