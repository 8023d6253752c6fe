import { defaultRules, evaluateRules, type SignalValue } from '../../../shared/monitor/alerts';
import type { Alert, AlertRule } from '../../../shared/monitor/models';
import type { EngineContext } from '../context';
import type { ProjectStore } from '../store/project-store';
import { AlertsRepo } from './alerts-repo';
import { postWebhook, webhookBody } from './webhook';

/** The project's rules; the first read copies the defaults from the policy and the objective's p99 latency limit. */
export function projectRules(store: ProjectStore): AlertRule[] {
  return new AlertsRepo(store.db).rules(() => defaultRules(store.policy.current().value, store.objective.current().value.constraints.p99LatencyMs));
}

/**
 * Evaluates the rules on one target's signals and raises what is new: each new alert is stored
 * first (so nothing is lost whatever follows), pushed as 'alert.raised' for the desktop notification,
 * POSTed once to the webhook if one is set (its outcome stored beside the alert), and written to the
 * audit log. Windows already judged raise nothing again. Returns the alerts raised by this call.
 */
export async function raiseAlerts(ctx: EngineContext, targetName: string, signals: readonly SignalValue[]): Promise<Alert[]> {
  const { store } = ctx.session.require();
  const target = store.deploy.target(targetName);
  const repo = new AlertsRepo(store.db);
  const rules = projectRules(store);
  // The caller may name the target by id; rules and keys use its name.
  const own = signals.map((s) => ({ ...s, target: target.name }));
  const drafts = evaluateRules(rules, own, repo.raisedKeys(target.id, target.name), { minWindowRows: store.policy.current().value.monitoring.minWindowRows });
  let raised = repo.insert(target.id, drafts);
  for (const alert of raised) ctx.bus.emit('alert.raised', alert);

  const url = repo.webhook();
  if (url) {
    const project = store.summary();
    // In parallel, once each: a receiver that is down costs one timeout, not one per alert in a row.
    const outcomes = await Promise.all(raised.map((a) => postWebhook(url, webhookBody(a, project))));
    raised = raised.map((a, i) => repo.setWebhookStatus(a.id, outcomes[i]!));
  }
  for (const a of raised) {
    const entry = store.audit.record({
      actor: ctx.identity,
      action: 'monitor.alert.raised',
      target: target.name,
      details: { alert: a.id, rule: a.ruleId, signal: a.signal, value: a.value, threshold: a.threshold, severity: a.severity, windowStart: a.windowStart, message: a.message, webhook: a.webhookStatus },
      outcome: 'ok',
    });
    ctx.bus.emit('audit.recorded', entry);
  }
  return raised;
}
