import type { HandlerMap } from '../context';

export const auditHandlers = {
  'audit.list': (args, ctx) => ctx.session.require().store.audit.list(args.limit),
} satisfies Partial<HandlerMap>;
