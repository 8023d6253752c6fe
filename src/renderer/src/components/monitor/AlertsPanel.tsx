import { AlertList } from './AlertList';
import { DesktopNotifications } from './DesktopNotifications';
import { RulesPanel } from './RulesPanel';
import { WebhookForm } from './WebhookForm';

/** The target's alerts with acknowledge, then what raises alerts (rules, for every target or one) and where they go. */
export function AlertsPanel({ target }: { target: string }) {
  return (
    <>
      <AlertList target={target} />
      <RulesPanel target={target} />
      <section className="card" aria-labelledby="alert-delivery-title" data-testid="monitor-delivery">
        <h3 id="alert-delivery-title">Where alerts go</h3>
        <p className="muted">A raised alert shows as a notice in every open MLCycle window, and is POSTed as JSON to the webhook when one is set (for every target of this project).</p>
        <DesktopNotifications />
        <WebhookForm />
      </section>
    </>
  );
}
