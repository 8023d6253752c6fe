import path from 'node:path';
import { typedClient, type Client } from '../../shared/client';
import { createEngine, type Engine } from '../engine/engine';
import { inProcessBridge } from '../engine/in-process';
import type { CliIo } from './output';

export interface EngineSession {
  engine: Engine;
  client: Client;
  dispose(): Promise<void>;
}

/** An in-process engine for one CLI command. */
export function startEngine(): EngineSession {
  const engine = createEngine({ host: 'in-process' });
  return { engine, client: typedClient(inProcessBridge(engine)), dispose: () => engine.dispose() };
}

/** Runs `body` with the project named by --project (default: the current folder) open. */
export async function withProject<T>(io: CliIo, projectOption: string | undefined, body: (client: Client) => Promise<T>): Promise<T> {
  const session = startEngine();
  try {
    await session.client.call('project.open', { dir: path.resolve(io.cwd, projectOption ?? '.') });
    return await body(session.client);
  } finally {
    await session.dispose();
  }
}
