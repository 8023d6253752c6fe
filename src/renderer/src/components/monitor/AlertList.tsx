import { useState, type FormEvent } from 'react';
import type { Alert } from '../../../../shared/monitor/models';
import { dateTime } from '../../lib/format';
import { toShownError } from '../../lib/errors';
import { useAppStore } from '../../store';
import { monitorActions, type MonitorTab } from './monitor-store';
import { useAlerts } from './useMonitor';

/** Where an alert's signal is plotted, so one click goes from the alert to its evidence. */
const SHOWN_IN: Partial<Record<Alert['signal'], MonitorTab>> = { 'drift.share': 'drift', 'prediction.drift': 'drift', 'performance.drop': 'performance', 'latency.p99': 'health', 'error.rate': 'health', rows: 'health' };
/** Alerts that retraining answers (a moved world), as opposed to a slow or failing server. */
const RETRAINABLE: ReadonlySet<Alert['signal']> = new Set(['drift.share', 'prediction.drift', 'performance.drop']);

/** The target's alerts, newest first: severity, what crossed what, the webhook's answer, and Acknowledge with a comment. */
export function AlertList({ target }: { target: string }) {
  const { data: alerts, error } = useAlerts(target);
  const open = alerts?.filter((a) => a.status === 'open').length ?? 0;
  return (
    <section className="card" aria-labelledby="alerts-title" data-testid="monitor-alerts">
      <h3 id="alerts-title">Alerts{alerts ? ` (${open} open of ${alerts.length})` : ''}</h3>
      {error && !alerts ? (
        <p className="form-error" role="alert" data-testid="monitor-alerts-error">
          Could not list the alerts: {error}
        </p>
      ) : !alerts ? (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> Loading the alerts…
        </p>
      ) : alerts.length === 0 ? (
        <p className="muted" data-testid="monitor-alerts-none">
          No alerts for {target}. Each pull checks the rules below on the newest windows.
        </p>
      ) : (
        <ol className="monitor-alerts">
          {alerts.map((a) => (
            <AlertItem key={a.id} alert={a} />
          ))}
        </ol>
      )}
    </section>
  );
}

function AlertItem({ alert }: { alert: Alert }) {
  const client = useAppStore((s) => s.client);
  const [acking, setAcking] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!client || busy) return;
    setBusy(true);
    setError(null);
    try {
      await client.call('monitor.alerts.ack', { id: alert.id, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      setAcking(false);
      monitorActions.changed();
    } catch (e) {
      setError(toShownError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className={`monitor-alert severity-${alert.severity} status-${alert.status}`} data-testid="monitor-alert" data-status={alert.status} data-signal={alert.signal}>
      <div className="monitor-alert-head">
        <span className={`badge monitor-severity severity-${alert.severity}`}>{alert.severity}</span>
        <span className="badge">{alert.status === 'open' ? 'open' : 'acknowledged'}</span>
        <span className="muted small-text">raised {dateTime(alert.raisedAt)}</span>
      </div>
      <p className="monitor-alert-message">{alert.message}</p>
      {alert.webhookStatus && <p className="muted small-text">Webhook: {alert.webhookStatus}</p>}
      {alert.status === 'acknowledged' && (
        <p className="muted small-text" data-testid="monitor-alert-acked">
          Acknowledged by {alert.ackedBy} {alert.ackedAt ? dateTime(alert.ackedAt) : ''}
          {alert.ackComment ? `: “${alert.ackComment}”` : ''}
        </p>
      )}
      {alert.status === 'open' && !acking && (
        <div className="monitor-alert-actions">
          <button type="button" className="button small" onClick={() => setAcking(true)} data-testid="monitor-alert-ack">
            Acknowledge…
          </button>
          {SHOWN_IN[alert.signal] && (
            <button type="button" className="button small" onClick={() => monitorActions.setTab(SHOWN_IN[alert.signal]!)} data-testid="monitor-alert-show">
              See {SHOWN_IN[alert.signal]}
            </button>
          )}
          {RETRAINABLE.has(alert.signal) && (
            <button type="button" className="button small" onClick={() => monitorActions.setTab('retrain')} data-testid="monitor-alert-retrain">
              Retrain…
            </button>
          )}
        </div>
      )}
      {acking && (
        <form
          className="models-inline-form"
          onSubmit={(e) => void submit(e)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setAcking(false);
          }}
          aria-label="Acknowledge the alert"
        >
          <label htmlFor={`ack-${alert.id}`} className="visually-hidden">
            Comment (optional)
          </label>
          <input id={`ack-${alert.id}`} value={comment} onChange={(e) => setComment(e.target.value)} placeholder="Comment (optional): what you did about it" maxLength={2000} autoFocus data-testid="monitor-alert-comment" />
          <button type="submit" className="button small primary" disabled={busy} data-testid="monitor-alert-ack-submit">
            {busy ? 'Acknowledging…' : 'Acknowledge'}
          </button>
          <button type="button" className="button small" onClick={() => setAcking(false)}>
            Cancel
          </button>
        </form>
      )}
      {error && (
        <p className="form-error" role="alert">
          Not acknowledged: {error}
        </p>
      )}
    </li>
  );
}
