import path from 'node:path';
import type { HandlerMap } from '../context';
import { createSampleProject } from '../sample-project';

export const projectHandlers = {
  'project.create': (args, ctx) => ctx.session.create(args.dir, args.name ?? path.basename(path.resolve(args.dir)), ctx.identity),
  'project.createSample': (args, ctx) => createSampleProject(ctx, args.dir),
  'project.open': (args, ctx) => ctx.session.open(args.dir),
  'project.close': async (_args, ctx) => {
    await ctx.session.close();
    return null;
  },
  'project.current': (_args, ctx) => ctx.session.project?.store.summary() ?? null,
  'project.recent': (_args, ctx) => ctx.recent.list(),
} satisfies Partial<HandlerMap>;
