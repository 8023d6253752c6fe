import type { HandlerMap } from '../context';
import { addLabels } from '../monitor/labels';
import { LabelsRepo } from '../monitor/labels-repo';
import { liveVersion } from '../monitor/live-version';
import { performanceReport } from '../monitor/performance';

/** Ground truth that arrives after the predictions, and the performance it shows. */
export const monitorLabelsHandlers = {
  'monitor.labels.add': async (args, ctx) => {
    const { store } = ctx.session.require();
    const result = await addLabels(store, args, ctx.identity);
    // The call itself is audited with its arguments; this entry says what it did.
    const { rejectedSample: _sample, ...counts } = result;
    const entry = store.audit.record({ actor: ctx.identity, action: 'monitor.labels.added', target: args.target, details: { file: args.path, ...counts }, outcome: 'ok' });
    ctx.bus.emit('audit.recorded', entry);
    return result;
  },
  'monitor.performance': async (args, ctx) => {
    const { store, duck } = ctx.session.require();
    const live = liveVersion(store, args.target);
    const labels = new LabelsRepo(store.db).all(live.target.id);
    return performanceReport(await duck.con(), live, labels, store.objective.current().value, store.policy.current().value.monitoring, args);
  },
} satisfies Partial<HandlerMap>;
