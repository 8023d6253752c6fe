import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Deployment } from '../../src/shared/deploy/models';
import { waitForJob } from './jobs';
import { registeredVersions } from './served-package';
import { inProcess, type Connected } from './transports';

export interface LocalDeployment {
  /** The in-process engine that deployed it, with the project open. */
  api: Connected;
  /** The deploy job's result. */
  deployment: Deployment;
  /** The server's origin, e.g. http://127.0.0.1:PORT. */
  url: string;
  homeDir: string;
  projectDir: string;
  /** Undeploys "laptop" (ignoring a failure) and closes the engine. */
  close(): Promise<void>;
}

/**
 * "churn" v1 (from registeredVersions, made under `dir`) deployed to a local target named "laptop"
 * on a free port, as monitoring tests start from. `beforeDeploy` runs once the project is open and
 * the target is added (an objective, more targets). If the setup fails, the engine is closed.
 */
export async function deployChurnLocally(dir: string, options: { beforeDeploy?: (api: Connected) => Promise<void> } = {}): Promise<LocalDeployment> {
  const { homeDir } = await registeredVersions(dir);
  const projectDir = path.join(dir, 'project');
  const api = await inProcess(homeDir);
  const close = async () => {
    await api.client.call('deploy.undeploy', { target: 'laptop' }).catch(() => {});
    await api.close();
  };
  try {
    await api.client.call('project.open', { dir: projectDir });
    await api.client.call('targets.add', { name: 'laptop', config: { kind: 'local', port: 0 } });
    await options.beforeDeploy?.(api);
    const job = await api.client.call('deploy.start', { target: 'laptop', model: 'churn', version: 1 });
    // A deploy on a busy two-core machine can take a while.
    const ended = await waitForJob(api.client, job.id, (j) => j.status !== 'running' && j.status !== 'queued', 120_000);
    const deployment = ended.result as Deployment;
    if (ended.status !== 'succeeded' || !deployment?.url) throw new Error(`deploy of churn v1 to laptop ${ended.status}: ${JSON.stringify(ended.error)}`);
    return { api, deployment, url: new URL(deployment.url).origin, homeDir, projectDir, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The same, for a whole describe block: registers its beforeAll (deploy, then `ready` with the
 * deployment: the test's own setup) and afterAll (undeploy, close the engine, remove `tmp`).
 */
export function deployChurnForSuite(
  tmp: { dir: string; cleanup(): void },
  options: { beforeDeploy?: (api: Connected) => Promise<void>; ready: (local: LocalDeployment) => unknown },
): void {
  let local: LocalDeployment | undefined;
  beforeAll(async () => {
    local = await deployChurnLocally(tmp.dir, options);
    await options.ready(local);
  }, 300_000);
  afterAll(async () => {
    await local?.close();
    tmp.cleanup();
  });
}
