import { MlcycleError } from '../../../shared/contract/errors';
import type { HandlerMap } from '../context';
import { driftReport } from '../monitor/drift-report';
import type { ReferenceProfile } from '../registry/reference-profile';
import { readPackage } from '../signing/verify';
import { ServerClient } from '../deploy/server-client';
import { collectPredictions } from '../monitor/collect';
import { endpointOf } from './deploy';

export const monitorHandlers = {
  'monitor.collect': async (args, ctx) => {
    const { store, duck } = ctx.session.require();
    const targets = args.target ? [store.deploy.target(args.target)] : store.deploy.listTargets().filter((t) => store.deploy.current(t.name));
    const outcomes = [];
    for (const t of targets) {
      const cursor = store.monitor.cursor(t.id).cursor;
      try {
        // Pods on Kubernetes run without the admin token, so their log is not reachable from here.
        if (t.kind === 'kubernetes') throw new Error('collection from Kubernetes pods is not built: their prediction log and admin API are off');
        const server = new ServerClient(await endpointOf(ctx, t.name, false));
        const r = await collectPredictions(server, t.id, store.monitor, store.artifacts, await duck.con());
        outcomes.push({ target: t.name, ok: true, ...r, error: null });
      } catch (error) {
        const message = (error as Error).message;
        store.monitor.pullFailed(t.id, message);
        outcomes.push({ target: t.name, ok: false, records: 0, rows: 0, lost: 0, cursor, error: message });
      }
    }
    return outcomes;
  },
  'monitor.drift': async (args, ctx) => {
    const { store, duck } = ctx.session.require();
    const t = store.deploy.target(args.target);
    const d = store.deploy.current(t.name);
    if (!d) throw new MlcycleError('NOT_FOUND', `Nothing was deployed to ${t.name}.`, { field: 'target' });
    const v = store.registry.version(d.model, d.version);
    const reference = JSON.parse(Buffer.from(readPackage(store.artifacts.pathOf(v.packageSha256)).contents.get('reference-profile.json')!).toString('utf8')) as ReferenceProfile;
    const files = store.monitor.batches(t.id).filter((b) => b.model === d.model).map((b) => store.artifacts.pathOf(b.sha256));
    const report = await driftReport(await duck.con(), files, String(d.version), reference, store.policy.current().value.monitoring, args.from ?? null, args.to ?? null);
    return { target: t.name, model: d.model, version: d.version, ...report };
  },
  'monitor.windows': (args, ctx) => {
    const { store } = ctx.session.require();
    return store.monitor.windows(store.deploy.target(args.target).id);
  },
} satisfies Partial<HandlerMap>;
