import type { MonitorStatus } from '../../../../shared/monitor/models';
import { agoWords } from '../../lib/monitor-words';
import { useAppStore } from '../../store';
import { monitorActions, useMonitorStore } from './monitor-store';
import { PullButton, PullOutcomes } from './PullNow';

/** Every deploy target with what it serves and what monitoring holds of it; open one to look closer. */
export function MonitorTargetList({ statuses }: { statuses: MonitorStatus[] }) {
  const setView = useAppStore((s) => s.setView);
  const pulls = useMonitorStore((s) => s.pulls);
  const now = Date.now();

  if (statuses.length === 0)
    return (
      <section className="card deploy-empty" data-testid="monitor-empty">
        <h2>Nothing to monitor yet.</h2>
        <p className="muted">
          Monitoring watches what a deployment serves: deploy a registered model to a target first, send it traffic (or rehearse with <span className="mono">mlcycle simulate</span>), then pull
          its prediction log here to see drift, performance and health.
        </p>
        <button type="button" className="button primary" onClick={() => setView('deploy')} data-testid="monitor-go-deploy">
          Go to Deploy
        </button>
      </section>
    );

  return (
    <section className="card" aria-labelledby="monitor-targets-title" data-testid="monitor-targets">
      <h2 id="monitor-targets-title">Deployments</h2>
      <p className="muted">Pull collects each server’s new prediction-log records and metrics, then checks the alert rules. Open a deployment for drift, performance, health and alerts.</p>
      <div className="models-table-wrap">
        <table className="train-table models-table monitor-targets">
          <thead>
            <tr>
              <th scope="col">Target</th>
              <th scope="col">Serves</th>
              <th scope="col">Last pull</th>
              <th scope="col">Rows</th>
              <th scope="col">Labeled</th>
              <th scope="col">Open alerts</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {statuses.map((s) => (
              <tr key={s.target} data-testid="monitor-target-row" data-target={s.target}>
                <th scope="row">
                  <button type="button" className="link-button mono" data-testid="monitor-target-open" onClick={() => monitorActions.openTarget(s.target)}>
                    {s.target}
                  </button>
                </th>
                <td>{s.model ? <span className="mono">{`${s.model} v${s.version}`}</span> : <span className="muted">nothing live</span>}</td>
                <td>
                  <span title={s.lastPullAt ?? undefined}>{agoWords(s.lastPullAt, now)}</span>
                  {s.lastError && <span className="monitor-pull-error small-text"> · failed: {s.lastError}</span>}
                </td>
                <td className="num" data-testid="monitor-target-rows">
                  {s.rowsCollected.toLocaleString('en')}
                </td>
                <td className="num">{s.labeledRows.toLocaleString('en')}</td>
                <td>
                  <AlertCount count={s.openAlerts} onOpen={() => monitorActions.openTarget(s.target, 'alerts')} />
                </td>
                <td className="deploy-row-actions">
                  <PullButton target={s.target} all={[s.target]} small disabled={!s.model} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PullOutcomes pulls={pulls} targets={statuses.map((s) => s.target)} />
    </section>
  );
}

/** Open alerts as a badge that opens the target's alert list; "none" in plain text. */
export function AlertCount({ count, onOpen }: { count: number; onOpen(): void }) {
  if (count === 0) return <span className="muted">none</span>;
  return (
    <button type="button" className="badge monitor-alert-badge" onClick={onOpen} data-testid="monitor-alert-count" aria-label={`${count} open alert${count === 1 ? '' : 's'}: show them`}>
      {count} open
    </button>
  );
}
