import type { HandlerMap } from '../context';
import { healthReport } from '../monitor/health';

/** Health of a deployment from its scraped /metrics, and the resource samples beside it (scraped and sampled by monitor.pull). */
export const monitorHealthHandlers = {
  'monitor.health': (args, ctx) => healthReport(ctx.session.require().store, args.target, args.windowMinutes),
} satisfies Partial<HandlerMap>;
