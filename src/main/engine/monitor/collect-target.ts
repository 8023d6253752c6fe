import type { Target } from '../../../shared/deploy/models';
import type { CollectOutcome } from '../../../shared/monitor/methods';
import type { EngineContext } from '../context';
import { ServerClient } from '../deploy/server-client';
import { endpointOf } from '../handlers/deploy';
import { collectPredictions } from './collect';

/** Pulls one target's new prediction-log records; an unreachable target keeps its cursor and records why. */
export async function collectTarget(ctx: EngineContext, t: Target): Promise<CollectOutcome> {
  const { store, duck } = ctx.session.require();
  const cursor = store.monitor.cursor(t.id).cursor;
  try {
    // Pods on Kubernetes run without the admin token, so their log is not reachable from here.
    if (t.kind === 'kubernetes') throw new Error('collection from Kubernetes pods is not built: their prediction log and admin API are off');
    const server = new ServerClient(await endpointOf(ctx, t.name, false));
    const r = await collectPredictions(server, t.id, store.monitor, store.artifacts, await duck.con());
    return { target: t.name, ok: true, ...r, error: null };
  } catch (error) {
    const message = (error as Error).message;
    store.monitor.pullFailed(t.id, message);
    return { target: t.name, ok: false, records: 0, rows: 0, lost: 0, cursor, error: message };
  }
}

