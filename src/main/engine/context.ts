import type { MethodName, ParsedArgsOf, ResultOf } from '../../shared/contract/methods';
import type { SystemInfo } from '../../shared/contract/models';
import type { EventBus } from './events';
import type { RecentProjects } from './recent';
import type { Session } from './session';

export type HostKind = SystemInfo['host'];

/** What every handler can reach. Handlers get it as an argument; nothing is global. */
export interface EngineContext {
  readonly identity: string;
  /** The per-user folder (MLCYCLE_HOME): recent projects, identity, the signing key. */
  readonly homeDir: string;
  readonly host: HostKind;
  readonly bus: EventBus;
  readonly session: Session;
  readonly recent: RecentProjects;
}

export type Handler<M extends MethodName> = (args: ParsedArgsOf<M>, ctx: EngineContext) => ResultOf<M> | Promise<ResultOf<M>>;

/** One handler per contract method; each domain contributes a slice of it. */
export type HandlerMap = { [M in MethodName]: Handler<M> };
