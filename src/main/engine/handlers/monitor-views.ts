import type { HandlerMap } from '../context';
import { liveVersion } from '../monitor/live-version';
import { pullTarget } from '../monitor/pull';
import { monitorReport } from '../monitor/report';
import { driftHeatmap, featureHistogram } from '../monitor/views';

/** What the Monitor workspace and `mlcycle monitor pull|status|report` show of a deployment. */
export const monitorViewHandlers = {
  'monitor.pull': async (args, ctx) => {
    const { store } = ctx.session.require();
    const targets = args.target ? [store.deploy.target(args.target)] : store.deploy.listTargets().filter((t) => store.deploy.current(t.name));
    const outcomes = [];
    for (const t of targets) outcomes.push(await pullTarget(ctx, t));
    return outcomes;
  },
  'monitor.status': (args, ctx) => {
    const { store } = ctx.session.require();
    const targets = args.target ? [store.deploy.target(args.target)] : store.deploy.listTargets();
    return targets.map((t) => {
      const live = store.deploy.current(t.name);
      const cursor = store.monitor.cursor(t.id);
      return { target: t.name, model: live?.model ?? null, version: live?.version ?? null, lastPullAt: cursor.lastPullAt, lastError: cursor.lastError, ...store.monitor.totals(t.id) };
    });
  },
  'monitor.heatmap': async (args, ctx) => {
    const { store, duck } = ctx.session.require();
    return driftHeatmap(await duck.con(), liveVersion(store, args.target), args, store.policy.current().value.monitoring);
  },
  'monitor.histogram': async (args, ctx) => {
    const { store, duck } = ctx.session.require();
    // A window is cut as monitor.heatmap cuts it: the same choice (args carries it) and policy.
    const rows = args.window === undefined ? { from: args.from ?? null, to: args.to ?? null } : { window: args.window, choice: args, minWindowRows: store.policy.current().value.monitoring.minWindowRows };
    return featureHistogram(await duck.con(), liveVersion(store, args.target), args.feature, rows);
  },
  'monitor.report': async (args, ctx) => {
    const html = await monitorReport(ctx, args.target, args);
    return { html, bytes: Buffer.byteLength(html) };
  },
} satisfies Partial<HandlerMap>;
