import { useState } from 'react';
import type { Target } from '../../../../shared/deploy/models';
import { curlExample, lastServed, metadataUrl } from '../../lib/deploy-words';
import { dateTime } from '../../lib/format';
import { useAppStore } from '../../store';
import { ConfirmDialog } from './ConfirmDialog';
import { CopyBlock } from './CopyBlock';
import { deployActions, useDeployStore } from './deploy-store';
import { DeploymentEvents } from './DeploymentEvents';
import { StatusBadge } from './StatusBadge';
import { TrafficPanel } from './TrafficPanel';
import { useDeployments } from './useDeploy';
import { useExampleInputs } from './useExampleInputs';

/**
 * What the target serves now, from its latest status read: the deployment and its steps, whether the
 * server answers, the URL to call with a curl example, Rollback and Undeploy (each confirmed), and
 * the live traffic.
 */
export function LiveDeployment({ target, onDeploy }: { target: Target; onDeploy(): void }) {
  const client = useAppStore((s) => s.client);
  const status = useDeployStore((s) => s.statuses[target.name]);
  const [confirm, setConfirm] = useState<'rollback' | 'undeploy' | null>(null);
  const { data: history } = useDeployments(target.name);
  const deployment = lastServed(history ?? []) ?? status?.deployment ?? null;
  const live = deployment?.status === 'live' ? deployment : null;
  const inputs = useExampleInputs(live?.model ?? null, live?.version ?? null);

  if (!status)
    return (
      <p className="muted" role="status">
        <span className="spinner" aria-hidden="true" /> Reading the target’s status…
      </p>
    );

  const served = status.models.find((m) => m.name === live?.model);
  return (
    <>
      <section className="card" aria-labelledby="live-title" data-testid="deploy-live">
        <div className="models-title-row">
          <h3 id="live-title">{live ? 'Live deployment' : 'Nothing live'}</h3>
          {deployment && <StatusBadge status={deployment.status} testId="live-status" />}
          <span className={`deploy-reach ${status.reachable ? 'is-up' : 'is-down'}`} data-testid="live-reachable" data-reachable={String(status.reachable)}>
            {status.reachable ? '● server answers' : '○ server not reachable'}
          </span>
        </div>
        {!status.reachable && (
          <p className="muted" data-testid="live-unreachable">
            {status.message}
          </p>
        )}
        {deployment ? (
          <>
            <p data-testid="live-summary">
              <strong className="mono">
                {deployment.model} v{deployment.version}
              </strong>{' '}
              — deployed by {deployment.createdBy}, {dateTime(deployment.createdAt)}
              {deployment.endedAt && deployment.status !== 'live' ? `; ended ${dateTime(deployment.endedAt)}` : ''}
              {served && (
                <span className="muted">
                  {' '}
                  · the server has {served.versions.map((v) => `v${v}`).join(', ')}; active v{served.active}
                  {served.previous ? `, previous v${served.previous}` : ''}
                  {served.canary ? `, canary v${served.canary.version} at ${served.canary.percent}%` : ''}
                </span>
              )}
            </p>
            <div className="form-actions">
              <button type="button" className="button primary" onClick={onDeploy} data-testid="live-deploy">
                {live ? 'Deploy another version…' : 'Deploy…'}
              </button>
              <button type="button" className="button" disabled={!live} onClick={() => setConfirm('rollback')} data-testid="live-rollback">
                Roll back…
              </button>
              <button type="button" className="button danger" disabled={!live && !(target.kind === 'local' && status.reachable)} onClick={() => setConfirm('undeploy')} data-testid="live-undeploy">
                Undeploy…
              </button>
            </div>
            <h4>Steps</h4>
            <DeploymentEvents events={deployment.events} testId="live-events" />
          </>
        ) : (
          <>
            <p className="muted">Nothing has been deployed to {target.name} yet.</p>
            <div className="form-actions">
              <button type="button" className="button primary" onClick={onDeploy} data-testid="live-deploy">
                Deploy…
              </button>
              {target.kind === 'local' && status.reachable && (
                <button type="button" className="button danger" onClick={() => setConfirm('undeploy')} data-testid="live-undeploy">
                  Stop the server…
                </button>
              )}
            </div>
          </>
        )}
      </section>
      {status.reachable && <TrafficPanel target={target.name} />}
      {live?.url && (
        <section className="card" aria-labelledby="call-title" data-testid="deploy-call">
          <h3 id="call-title">Call it</h3>
          <p className="muted">
            Open Inference Protocol v2 over HTTP; no token is needed to score. The model’s inputs and outputs: <span className="mono">GET {metadataUrl(live.url)}</span>
          </p>
          <CopyBlock text={live.url} label="Inference URL" testId="live-url" />
          {inputs && (
            <>
              <h4>One row with curl (replace the placeholder values)</h4>
              <CopyBlock text={curlExample(live.url, inputs)} label="A curl example with one row" testId="live-curl" />
            </>
          )}
        </section>
      )}
      {confirm === 'rollback' && live && client && (
        <ConfirmDialog
          title={`Roll back ${target.name}?`}
          confirmLabel="Roll back"
          testId="confirm-rollback"
          onClose={() => setConfirm(null)}
          onConfirm={() => client.call('deploy.rollback', { target: target.name }).then(() => deployActions.changed())}
        >
          <p>
            {live.model} v{live.version} stops answering and the version deployed before it on {target.name} serves again. Requests in flight finish first.
          </p>
        </ConfirmDialog>
      )}
      {confirm === 'undeploy' && client && (
        <ConfirmDialog
          title={`Undeploy from ${target.name}?`}
          confirmLabel="Undeploy"
          testId="confirm-undeploy"
          onClose={() => setConfirm(null)}
          onConfirm={() => client.call('deploy.undeploy', { target: target.name }).then(() => deployActions.changed())}
        >
          <p>
            {live ? `${live.model} v${live.version} stops answering at ${live.url ?? 'its URL'}.` : 'Nothing is live, but the server is running.'}{' '}
            {target.kind === 'local' ? 'The local server stops.' : 'The model is taken off the server; the server keeps running.'}
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
