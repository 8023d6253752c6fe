import { useEffect, useState, type FormEvent } from 'react';
import { toShownError } from '../../lib/errors';
import { useAppStore } from '../../store';
import { monitorActions } from './monitor-store';
import { useWebhook } from './useMonitor';

/** The project's alert webhook: an http(s) URL each raised alert is POSTed to as JSON, or none. */
export function WebhookForm() {
  const client = useAppStore((s) => s.client);
  const { data, error: loadError } = useWebhook();
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const current = data?.url ?? null;

  useEffect(() => {
    setUrl(current ?? '');
  }, [current]);

  const save = async (next: string | null) => {
    if (!client) return;
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const answer = await client.call('monitor.webhook.set', { url: next });
      setSaved(answer.url ? `Alerts are POSTed to ${answer.url}.` : 'No webhook: alerts stay in the app.');
      monitorActions.changed();
    } catch (e) {
      setError(toShownError(e).message);
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!url.trim()) return setError('Give an http(s) URL, or use Turn off to send alerts nowhere.');
    void save(url.trim());
  };

  return (
    <form className="models-form" onSubmit={submit} noValidate aria-label="Alert webhook" data-testid="monitor-webhook">
      <div className="field">
        <label htmlFor="monitor-webhook-url">Webhook URL</label>
        <div className="input-row">
          <input
            id="monitor-webhook-url"
            type="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://hooks.example.com/mlcycle"
            autoComplete="off"
            spellCheck={false}
            aria-describedby="monitor-webhook-hint"
            aria-invalid={error ? true : undefined}
            data-testid="monitor-webhook-url"
          />
          <button type="submit" className="button" disabled={busy || !client} data-testid="monitor-webhook-save">
            Save
          </button>
          <button type="button" className="button ghost" disabled={busy || !client || current === null} onClick={() => void save(null)}>
            Turn off
          </button>
        </div>
        <p className="hint" id="monitor-webhook-hint">
          {current ? `Now: ${current}.` : 'None set.'} The JSON body is documented in the README, section “Alerts”.
        </p>
      </div>
      {(error ?? loadError) && (
        <p className="form-error" role="alert">
          {error ? `Not saved: ${error}` : `Could not read the webhook: ${loadError}`}
        </p>
      )}
      {saved && (
        <p className="models-success" role="status">
          {saved}
        </p>
      )}
    </form>
  );
}
