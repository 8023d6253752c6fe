import os from 'node:os';
import type { HandlerMap } from '../context';
import { ENGINE_VERSION } from '../version';

export const systemHandlers = {
  'system.info': (_args, ctx) => ({
    version: ENGINE_VERSION,
    host: ctx.host,
    platform: `${process.platform}-${process.arch}`,
    node: process.versions.node,
    cpus: os.availableParallelism(),
    identity: ctx.identity,
    project: ctx.session.project?.store.summary() ?? null,
  }),
} satisfies Partial<HandlerMap>;
