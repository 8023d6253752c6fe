import { dateTime } from '../../lib/format';
import { DeploymentEvents } from './DeploymentEvents';
import { StatusBadge } from './StatusBadge';
import { useDeployments } from './useDeploy';

/** Every deployment to a target, newest first, each with its steps (the newest and the live one open, others folded). */
export function DeploymentTimeline({ target }: { target: string }) {
  const { data: deployments, error } = useDeployments(target);
  if (error)
    return (
      <p className="form-error" role="alert">
        Could not list the deployments: {error}
      </p>
    );
  if (!deployments)
    return (
      <p className="muted" role="status">
        <span className="spinner" aria-hidden="true" /> Loading the deployments…
      </p>
    );
  return (
    <section className="card" aria-labelledby="history-title" data-testid="deploy-history">
      <h3 id="history-title">Deployments to {target}</h3>
      {deployments.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ol className="deploy-timeline">
          {deployments.map((d, i) => (
            <li key={d.id} className={`deploy-timeline-item status-${d.status}`} data-testid="history-item" data-status={d.status} data-version={d.version}>
              <details open={i === 0 || d.status === 'live'}>
                <summary>
                  <StatusBadge status={d.status} />{' '}
                  <strong className="mono">
                    {d.model} v{d.version}
                  </strong>{' '}
                  <span className="muted">
                    {dateTime(d.createdAt)} by {d.createdBy}
                    {d.endedAt ? ` · ended ${dateTime(d.endedAt)}` : ''}
                  </span>
                </summary>
                <DeploymentEvents events={d.events} testId="history-events" />
              </details>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
