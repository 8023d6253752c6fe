import type { HandlerMap } from '../context';
import { collectTarget } from '../monitor/collect-target';
import { driftReport } from '../monitor/drift-report';
import { liveVersion } from '../monitor/live-version';
import { servedRows } from '../monitor/served-rows';

export const monitorHandlers = {
  'monitor.collect': async (args, ctx) => {
    const { store } = ctx.session.require();
    const targets = args.target ? [store.deploy.target(args.target)] : store.deploy.listTargets().filter((t) => store.deploy.current(t.name));
    const outcomes = [];
    for (const t of targets) outcomes.push(await collectTarget(ctx, t));
    return outcomes;
  },
  'monitor.drift': async (args, ctx) => {
    const { store, duck } = ctx.session.require();
    const live = liveVersion(store, args.target);
    const con = await duck.con();
    const served = await servedRows(con, live.files, String(live.version.version), args.from ?? null, args.to ?? null);
    const report = await driftReport(con, served, live.reference, store.policy.current().value.monitoring, args.from ?? null, args.to ?? null);
    return { target: live.target.name, model: live.version.model, version: live.version.version, ...report };
  },
  'monitor.windows': (args, ctx) => {
    const { store } = ctx.session.require();
    return store.monitor.windows(store.deploy.target(args.target).id);
  },
} satisfies Partial<HandlerMap>;
