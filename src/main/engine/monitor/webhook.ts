import type { Alert } from '../../../shared/monitor/models';

/** How long one POST may take before it counts as failed. */
export const WEBHOOK_TIMEOUT_MS = 5_000;

/**
 * The JSON body POSTed for each raised alert (documented in the README, "Alerts"): the alert as
 * `mlcycle monitor alerts --json` prints it, less the webhook's own outcome, and the project.
 */
export interface WebhookBody {
  event: 'mlcycle.alert';
  alert: Omit<Alert, 'webhookStatus'>;
  project: { id: string; name: string };
}

export function webhookBody(alert: Alert, project: { id: string; name: string }): WebhookBody {
  const { webhookStatus: _, ...shown } = alert;
  return { event: 'mlcycle.alert', alert: shown, project: { id: project.id, name: project.name } };
}

/**
 * POSTs one body once and says how it went, as stored in alerts.webhook_status: the HTTP status
 * ("200"), or "failed: …" (refused, timed out, an HTTP error status). Never throws and never retries:
 * a receiver that is down must not hold up monitoring, and the alert is already stored.
 */
export async function postWebhook(url: string, body: WebhookBody, timeoutMs = WEBHOOK_TIMEOUT_MS): Promise<string> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'mlcycle-alerts' },
      body: JSON.stringify(body),
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // The receiver's answer is not needed; reading it frees the connection.
    await response.arrayBuffer().catch(() => undefined);
    return response.ok ? String(response.status) : `failed: HTTP ${response.status}`;
  } catch (error) {
    const e = error as Error & { cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return `failed: no answer within ${timeoutMs / 1000} s`;
    return `failed: ${e.cause?.code ?? e.cause?.message ?? e.message}`;
  }
}
