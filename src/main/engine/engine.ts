import { toApiError, MlcycleError } from '../../shared/contract/errors';
import type { ReplyEnvelope, RequestEnvelope } from '../../shared/contract/envelope';
import type { EventName } from '../../shared/contract/events';
import { isMethodName, methods, type MethodName } from '../../shared/contract/methods';
import { redactSecrets } from '../../shared/redact';
import type { EngineContext, Handler, HostKind } from './context';
import { EventBus, type EventListener } from './events';
import { handlers } from './handlers';
import { stopAllLocalServers } from './deploy/local-server';
import { defaultHomeDir, resolveIdentity } from './home';
import { RecentProjects } from './recent';
import { Session } from './session';
import { parseArgs } from './validate';

export interface EngineOptions {
  host: HostKind;
  /** Per-user settings folder; defaults to MLCYCLE_HOME or the platform's config folder. */
  homeDir?: string;
  /** Overrides the audit identity (otherwise MLCYCLE_USER, config.json, OS user). */
  identity?: string;
  /** Check every result against its schema; on by default so contract drift fails loudly. */
  checkResults?: boolean;
}

export interface Engine {
  /** Answers one request envelope; never throws, errors come back as `{id, error}`. */
  dispatch(request: unknown): Promise<ReplyEnvelope>;
  /** Subscribes to pushed events; returns the unsubscribe function. */
  onEvent(listener: EventListener): () => void;
  readonly context: EngineContext;
  dispose(): Promise<void>;
}

/** What a call acted on, for the audit log: a registry model (and version), an id, name, title, folder or run, at the top or one level down. */
function auditTarget(args: unknown, depth = 0): string | null {
  if (typeof args !== 'object' || args === null) return null;
  const a = args as Record<string, unknown>;
  if (depth === 0 && typeof a.model === 'string' && (typeof a.alias === 'string' || a.version !== undefined)) {
    const version = typeof a.version === 'number' ? `v${a.version}` : typeof a.version === 'string' ? a.version : null;
    return [a.model, typeof a.alias === 'string' ? a.alias : null, version].filter(Boolean).join(' ');
  }
  for (const key of ['id', 'name', 'title', 'dir', 'run']) if (typeof a[key] === 'string') return a[key] as string;
  if (depth > 0) return null;
  for (const value of Object.values(a)) {
    const nested = auditTarget(value, depth + 1);
    if (nested) return nested;
  }
  return null;
}

/** The engine: the same code behind the in-process, Electron and headless hosts. */
export function createEngine(options: EngineOptions): Engine {
  const homeDir = options.homeDir ?? defaultHomeDir();
  const bus = new EventBus();
  const recent = new RecentProjects(homeDir);
  const context: EngineContext = {
    identity: options.identity ?? resolveIdentity(homeDir),
    homeDir,
    host: options.host,
    bus,
    recent,
    session: new Session(bus, recent),
  };
  const checkResults = options.checkResults ?? true;

  async function invoke(method: MethodName, rawArgs: unknown): Promise<unknown> {
    const spec = methods[method];
    const args = parseArgs(method, spec.args, rawArgs);
    const handler = handlers[method] as Handler<MethodName>;
    if (!spec.mutates) return handler(args as never, context);
    try {
      const result = await handler(args as never, context);
      const entry = context.session.project?.store.audit.record({ actor: context.identity, action: method, target: auditTarget(args), details: redactSecrets(args), outcome: 'ok' });
      if (entry) bus.emit('audit.recorded', entry);
      return result;
    } catch (error) {
      context.session.project?.store.audit.record({
        actor: context.identity,
        action: method,
        target: auditTarget(args),
        details: { args: redactSecrets(args), error: toApiError(error) },
        outcome: 'error',
      });
      throw error;
    }
  }

  return {
    context,
    async dispatch(request) {
      const envelope = request as Partial<RequestEnvelope> | null;
      const id = envelope && (typeof envelope.id === 'number' || typeof envelope.id === 'string') ? envelope.id : -1;
      try {
        if (id === -1 || typeof envelope?.method !== 'string') {
          throw new MlcycleError('BAD_REQUEST', 'A request must be {id, method, args} with a numeric or string id and a method name.');
        }
        if (!isMethodName(envelope.method)) {
          throw new MlcycleError('UNKNOWN_METHOD', `Unknown method '${envelope.method}'.`, { method: envelope.method });
        }
        const result = await invoke(envelope.method, envelope.args);
        if (checkResults) methods[envelope.method].result.parse(result);
        return { id, result };
      } catch (error) {
        return { id, error: toApiError(error) };
      }
    },
    onEvent: (listener) => bus.on(listener),
    async dispose() {
      // The desktop app and the browser workspace own their local deployments: they stop with them.
      // (A CLI command's engine ends with the command, and the server it started keeps running.)
      const dir = context.session.project?.store.dir;
      if (dir && context.host !== 'in-process') await stopAllLocalServers(dir);
      await context.session.close();
    },
  };
}

export type { EventName };
