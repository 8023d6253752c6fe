import type { HandlerMap } from '../context';

export const jobHandlers = {
  'jobs.list': (args, ctx) => ctx.session.require().jobs.list(args.limit),
  'jobs.get': (args, ctx) => ctx.session.require().jobs.get(args.id),
  'jobs.log': (args, ctx) => ctx.session.require().jobs.logs(args.id, args.afterSeq),
  'jobs.points': (args, ctx) => ctx.session.require().jobs.points(args.id),
  'jobs.cancel': (args, ctx) => ctx.session.require().jobs.cancel(args.id),
  'demo.start': (args, ctx) =>
    ctx.session.require().jobs.start('demo', args, `Demo: ${args.steps} steps × ${args.stepMs} ms of CPU work`),
} satisfies Partial<HandlerMap>;
