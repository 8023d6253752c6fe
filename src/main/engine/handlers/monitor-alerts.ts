import { MlcycleError } from '../../../shared/contract/errors';
import { ruleProblems } from '../../../shared/monitor/alerts';
import type { HandlerMap } from '../context';
import { AlertsRepo } from '../monitor/alerts-repo';
import { projectRules } from '../monitor/raise-alerts';

/** Alert history with acknowledge, the rules that raise alerts, and the webhook they are POSTed to. Raising happens in monitor.pull (raiseAlerts). */
export const monitorAlertsHandlers = {
  'monitor.alerts.list': (args, ctx) => {
    const { store } = ctx.session.require();
    return new AlertsRepo(store.db).list({ targetId: args.target ? store.deploy.target(args.target).id : undefined, openOnly: args.status === 'open' });
  },
  // Whoever the engine works as (MLCYCLE_USER, the profile, the OS user) acknowledges, as approvals do.
  'monitor.alerts.ack': (args, ctx) => new AlertsRepo(ctx.session.require().store.db).ack(args.id, ctx.identity, args.comment || null),
  'monitor.rules.list': (_args, ctx) => projectRules(ctx.session.require().store),
  'monitor.rules.set': (args, ctx) => {
    const { store } = ctx.session.require();
    const problems = ruleProblems(args.rule);
    if (problems.length) {
      const fields = problems.map((p) => ({ field: `rule.${p.field}`, message: p.message }));
      throw new MlcycleError('INVALID_ARGUMENT', `Invalid alert rule: ${fields.map((f) => `'${f.field}': ${f.message}`).join('; ')}`, { method: 'monitor.rules.set', fields });
    }
    const targetId = args.rule.target === null ? null : store.deploy.target(args.rule.target).id;
    // Seed first, so a project's first rule does not stop the defaults from ever being copied in.
    projectRules(store);
    return new AlertsRepo(store.db).saveRule(args.id, args.rule, targetId);
  },
  'monitor.rules.remove': (args, ctx) => {
    const { store } = ctx.session.require();
    projectRules(store);
    new AlertsRepo(store.db).removeRule(args.id);
    return null;
  },
  'monitor.webhook.get': (_args, ctx) => ({ url: new AlertsRepo(ctx.session.require().store.db).webhook() }),
  'monitor.webhook.set': (args, ctx) => {
    new AlertsRepo(ctx.session.require().store.db).setWebhook(args.url);
    return { url: args.url };
  },
} satisfies Partial<HandlerMap>;
