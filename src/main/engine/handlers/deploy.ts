import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MlcycleError } from '../../../shared/contract/errors';
import type { Job } from '../../../shared/contract/models';
import type { Deployment, TargetStatus } from '../../../shared/deploy/models';
import type { EngineContext, HandlerMap } from '../context';
import type { DeployOutcome } from '../deploy/deploy-task';
import type { StoredConfig } from '../deploy/deploy-repo';
import { ensureLocalServer, localServer, stopLocalServer } from '../deploy/local-server';
import { parseServerMetrics } from '../deploy/server-metrics';
import { ServerClient, type ServerEndpoint } from '../deploy/server-client';
import { kubernetesInput, renderForTarget, type VersionToRender } from '../deploy/render-target';
import type { Signature } from '../registry/package-docs';
import { trustedKeys } from '../signing/keys';
import { readPackage, verifyPackage } from '../signing/verify';

/** Tokens for server targets live in the user profile (owner-only), not in the project folder that gets copied around. */
function saveToken(ctx: EngineContext, projectId: string, target: string, token: string): string {
  const dir = path.join(ctx.homeDir, 'secrets', projectId);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${target}.token`);
  fs.writeFileSync(file, token, { mode: 0o600 });
  return file;
}

/** How to reach a target's server now; a local target's server is started when `start` says so. */
export async function endpointOf(ctx: EngineContext, name: string, start: boolean): Promise<ServerEndpoint> {
  const { store } = ctx.session.require();
  const t = store.deploy.target(name);
  const c = t.stored;
  if (c.kind === 'local') {
    if (start) {
      const { url, token } = await ensureLocalServer(store.dir, t.name, c.port as number, ctx.homeDir);
      return { url, token };
    }
    const running = localServer(store.dir, t.name);
    if (!running) throw new MlcycleError('NOT_FOUND', `The local server of ${t.name} is not running; deploy to start it.`, { field: 'target' });
    return running;
  }
  if (c.kind === 'server') {
    const tokenFile = c.tokenFile as string | undefined;
    const token = tokenFile && fs.existsSync(tokenFile) ? fs.readFileSync(tokenFile, 'utf8').trim() : null;
    if (!token) throw new MlcycleError('INVALID_ARGUMENT', `The token of ${t.name} is not on this machine (it is kept in your user profile, not the project); add the target again with its token.`, { field: 'target' });
    return { url: c.url as string, token, caCert: c.caCert as string | undefined };
  }
  throw new MlcycleError('INVALID_ARGUMENT', `${t.name} is a Kubernetes target: its deployments go through the Kubernetes API, not a server's admin API.`, { field: 'target' });
}

/** A registry version: its stored package, and its run's data for smoke rows from the test split. */
function versionToDeploy(ctx: EngineContext, model: string, version: number | string) {
  const { store } = ctx.session.require();
  const v = store.registry.version(model, version);
  const run = store.runs.get(v.runId);
  const runData = run.splitId
    ? { modelFile: store.artifacts.pathOf(run.modelSha256!), versionFile: store.artifacts.pathOf(store.datasets.resolve(run.versionId).version.sha256), splitFile: store.artifacts.pathOf(store.splits.resolve(run.splitId).sha256) }
    : null;
  return { model: v.model, version: v.version, versionId: v.id as string | null, packageFile: store.artifacts.pathOf(v.packageSha256), runData };
}

/** A package file from elsewhere: verified here first; its registry number is its signature's version. */
function packageToDeploy(ctx: EngineContext, location: string) {
  const file = path.resolve(location);
  const verified = verifyPackage(file, trustedKeys(ctx.homeDir));
  if (!verified.ok) throw new MlcycleError('INVALID_ARGUMENT', `${file} did not verify, so it was not deployed: ${verified.problems.map((p) => p.message).join(' ')}`, { field: 'package' });
  if (!file.endsWith('.mlpkg')) throw new MlcycleError('INVALID_ARGUMENT', `${file}: deploy a package as one .mlpkg file (mlcycle registry export … --out x.mlpkg makes one).`, { field: 'package' });
  const signature = JSON.parse(Buffer.from(readPackage(file).contents.get('signature.json')!).toString('utf8')) as Signature;
  const version = Number(signature.version);
  if (!Number.isInteger(version) || version < 1) throw new MlcycleError('INVALID_ARGUMENT', `${file} is not a registry version (its version is '${signature.version}'); register the run and deploy MODEL@VERSION.`, { field: 'package' });
  return { model: signature.model, version, versionId: null, packageFile: file, runData: null };
}

/** The signature, sha256 and signer of a package file: what Kubernetes rendering needs. */
function toRender(packageFile: string, packageSha256: string): VersionToRender {
  const contents = readPackage(packageFile).contents;
  const manifest = JSON.parse(Buffer.from(contents.get('manifest.json')!).toString('utf8')) as { signer: { keyId: string; publicKey: string } };
  return {
    signature: JSON.parse(Buffer.from(contents.get('signature.json')!).toString('utf8')) as Signature,
    packageSha256,
    signer: { name: `signer-${manifest.signer.keyId}`, publicKey: manifest.signer.publicKey },
  };
}

/** Writes a deploy job's steps into the deployment and the audit log, and ends it with its status. */
function recordOutcome(ctx: EngineContext, deploymentId: string, outcome: DeployOutcome): Deployment {
  const { store } = ctx.session.require();
  store.deploy.addEvents(deploymentId, outcome.events);
  const d = store.deploy.finish(deploymentId, outcome.status, outcome.status === 'live' ? outcome.url : null);
  for (const e of outcome.events) {
    const entry = store.audit.record({ actor: ctx.identity, action: `deploy.${e.step}`, target: `${d.target}: ${d.model} v${d.version}`, details: { message: e.message }, outcome: e.outcome === 'error' ? 'error' : 'ok' });
    ctx.bus.emit('audit.recorded', entry);
  }
  return d;
}

/** The Kubernetes API of a target (its kubeconfig and context), loaded only when used. */
async function kubeOf(stored: StoredConfig) {
  const { openKubeClient } = await import('../deploy/kubernetes/client');
  return openKubeClient({ ...(typeof stored.kubeconfig === 'string' ? { kubeconfigPath: stored.kubeconfig } : {}), context: stored.context as string });
}

/** A deploy job that failed outright (a crash, a cancel, no cluster) still ends its deployment, saying why. */
function failedJobEnds(ctx: EngineContext, deploymentId: string) {
  return (job: Job) => {
    const { store } = ctx.session.require();
    if (job.status !== 'succeeded' && store.deploy.deployment(deploymentId).status === 'deploying') {
      store.deploy.addEvents(deploymentId, [{ at: new Date().toISOString(), step: 'deploy', outcome: 'error', message: job.error?.message ?? job.status }]);
      store.deploy.finish(deploymentId, 'failed', null);
    }
  };
}

export const deployHandlers = {
  'targets.list': (_args, ctx) => ctx.session.require().store.deploy.listTargets().map(({ stored: _stored, ...t }) => t),

  'targets.add': (args, ctx) => {
    const { store } = ctx.session.require();
    const { token, ...rest } = args.config as typeof args.config & { token?: string };
    const stored: StoredConfig = { ...rest };
    if (args.config.kind === 'server') stored.tokenFile = saveToken(ctx, store.summary().id, args.name, token!);
    const { stored: _s, ...shown } = store.deploy.saveTarget(args.name, stored, ctx.identity, args.replace);
    return shown;
  },

  'targets.remove': async (args, ctx) => {
    const { store } = ctx.session.require();
    const local = store.deploy.target(args.target).kind === 'local';
    store.deploy.removeTarget(args.target);
    // Refused while a model is live there; otherwise a server started by a connection test goes with the target.
    if (local) await stopLocalServer(store.dir, args.target);
    return null;
  },

  'targets.test': async (args, ctx) => {
    const { store } = ctx.session.require();
    const t = store.deploy.target(args.target);
    const checks: Array<{ check: string; ok: boolean; message: string }> = [];
    if (t.kind === 'kubernetes') {
      const ns = String(t.stored.namespace);
      try {
        const { kubeContexts } = await import('../deploy/kubernetes/client');
        const { contexts } = await kubeContexts(typeof t.stored.kubeconfig === 'string' ? { kubeconfigPath: t.stored.kubeconfig } : {});
        const found = contexts.find((c) => c.name === t.stored.context);
        if (!found) throw new Error(`the kubeconfig has no context '${String(t.stored.context)}'${contexts.length ? `; it has ${contexts.map((c) => c.name).join(', ')}` : ''}`);
        checks.push({ check: 'kubeconfig', ok: true, message: `context ${found.name} on cluster ${found.cluster}` });
        // Reading a Deployment that may not exist asks the API server whether we may read there at all.
        await (await kubeOf(t.stored)).get('apps/v1', 'Deployment', ns, 'mlcycle-connection-check');
        checks.push({ check: 'api server', ok: true, message: `the API server answers and lets you read Deployments in ${ns}` });
      } catch (error) {
        checks.push({ check: checks.length === 0 ? 'kubeconfig' : 'api server', ok: false, message: (error as Error).message });
      }
      return { target: t.name, ok: checks.every((c) => c.ok), checks };
    }
    try {
      const endpoint = await endpointOf(ctx, t.name, t.kind === 'local');
      const client = new ServerClient(endpoint);
      await client.live();
      checks.push({ check: 'reachable', ok: true, message: `${client.url} answers /v2/health/live` });
      const models = await client.models();
      checks.push({ check: 'admin token', ok: true, message: `the admin API accepts the token; it serves ${models.models.map((m) => `${m.name} v${m.active}`).join(', ') || 'no models yet'}` });
    } catch (error) {
      checks.push({ check: checks.length === 0 ? 'reachable' : 'admin token', ok: false, message: (error as Error).message });
    }
    return { target: t.name, ok: checks.every((c) => c.ok), checks };
  },

  'deploy.start': async (args, ctx) => {
    const { store, jobs } = ctx.session.require();
    const t = store.deploy.target(args.target);
    const what = args.package ? packageToDeploy(ctx, args.package) : versionToDeploy(ctx, args.model!, args.version!);
    if (t.kind === 'kubernetes') {
      const sha = createHash('sha256').update(fs.readFileSync(what.packageFile)).digest('hex');
      const v = toRender(what.packageFile, sha);
      const params = { kubeconfig: (t.stored.kubeconfig as string | undefined) ?? null, context: t.stored.context as string, input: kubernetesInput(t.stored, v), signature: v.signature };
      const deployment = store.deploy.createDeployment(t.name, what.model, what.version, what.versionId, ctx.identity);
      return jobs.start('deploy.kubernetes', params, `Deploy ${what.model} v${what.version} to ${t.name} (Kubernetes)`, (raw) => recordOutcome(ctx, deployment.id, raw as DeployOutcome), failedJobEnds(ctx, deployment.id));
    }
    const endpoint = await endpointOf(ctx, t.name, true);
    const deployment = store.deploy.createDeployment(t.name, what.model, what.version, what.versionId, ctx.identity);
    const params = { endpoint, packageFile: what.packageFile, runData: what.runData, smokeRows: 20 };
    const v = { model: what.model, version: what.version };
    return jobs.start(
      'deploy',
      params,
      `Deploy ${v.model} v${v.version} to ${t.name}`,
      (raw) => recordOutcome(ctx, deployment.id, raw as DeployOutcome),
      failedJobEnds(ctx, deployment.id),
    );
  },

  'deploy.list': (args, ctx) => ctx.session.require().store.deploy.list(args.target),

  'deploy.status': async (args, ctx): Promise<TargetStatus> => {
    const { store } = ctx.session.require();
    const t = store.deploy.target(args.target);
    const deployment = store.deploy.current(t.name);
    const base = { target: t.name, deployment, models: [] as TargetStatus['models'], metrics: [] as TargetStatus['metrics'] };
    if (t.kind === 'kubernetes') {
      if (!deployment) return { ...base, reachable: false, message: 'Nothing deployed to this cluster yet.' };
      try {
        const { statusOfKubernetes } = await import('../deploy/kubernetes/deploy-kubernetes');
        const k = await statusOfKubernetes(await kubeOf(t.stored), { namespace: String(t.stored.namespace), name: deployment.model }, true);
        const models = k.deployed && k.version ? [{ name: deployment.model, versions: [k.version], active: k.version, previous: null, canary: null }] : [];
        return { ...base, models, reachable: true, message: k.deployed ? `${k.rollout?.message ?? 'deployed'}${k.serving === false ? '; the Service does not answer ready yet' : ''}` : `${deployment.model} is not deployed in ${String(t.stored.namespace)}` };
      } catch (error) {
        return { ...base, reachable: false, message: (error as Error).message };
      }
    }
    try {
      const client = new ServerClient(await endpointOf(ctx, t.name, false));
      const [models, metrics] = await Promise.all([client.models(), client.metrics()]);
      return { ...base, reachable: true, message: `${client.url} answers`, models: models.models, metrics: parseServerMetrics(metrics) };
    } catch (error) {
      return { ...base, reachable: false, message: (error as Error).message };
    }
  },

  'deploy.rollback': async (args, ctx) => {
    const { store } = ctx.session.require();
    const t = store.deploy.target(args.target);
    const live = store.deploy.current(t.name);
    if (!live || live.status !== 'live') throw new MlcycleError('CONFLICT', `${t.name} has no live deployment to roll back.`, { field: 'target' });
    const previous = store.deploy.previousLive(t.name, live.model, live.id);
    if (!previous) throw new MlcycleError('CONFLICT', `${live.model} v${live.version} is the first version deployed to ${t.name}: there is nothing to roll back to (undeploy it instead).`, { field: 'target' });
    const client = new ServerClient(await endpointOf(ctx, t.name, false));
    await client.activate(live.model, String(previous.version));
    const at = new Date().toISOString();
    store.deploy.addEvents(live.id, [{ at, step: 'rollback', outcome: 'ok', message: `replaced by v${previous.version} again` }]);
    store.deploy.setStatus(live.id, 'rolled_back');
    store.deploy.addEvents(previous.id, [{ at, step: 'rollback', outcome: 'ok', message: `live again after rolling back v${live.version}` }]);
    return store.deploy.setStatus(previous.id, 'live');
  },

  'deploy.undeploy': async (args, ctx) => {
    const { store } = ctx.session.require();
    const t = store.deploy.target(args.target);
    const live = store.deploy.current(t.name);
    const at = new Date().toISOString();
    if (t.kind === 'kubernetes') {
      if (!live || live.status !== 'live') throw new MlcycleError('CONFLICT', `${t.name} has nothing deployed.`, { field: 'target' });
      const { undeployFromKubernetes } = await import('../deploy/kubernetes/deploy-kubernetes');
      const { deleted } = await undeployFromKubernetes(await kubeOf(t.stored), { namespace: String(t.stored.namespace), name: live.model });
      store.deploy.addEvents(live.id, [{ at, step: 'undeploy', outcome: 'ok', message: `deleted ${deleted.join(', ') || 'nothing (already gone)'}` }]);
      return store.deploy.setStatus(live.id, 'undeployed');
    }
    if (t.kind === 'local') {
      const stopped = await stopLocalServer(store.dir, t.name);
      if (!live || live.status !== 'live') {
        if (!stopped) throw new MlcycleError('CONFLICT', `${t.name} has nothing deployed.`, { field: 'target' });
        return null;
      }
    } else {
      if (!live || live.status !== 'live') throw new MlcycleError('CONFLICT', `${t.name} has nothing deployed.`, { field: 'target' });
      await new ServerClient(await endpointOf(ctx, t.name, false)).unload(live.model);
    }
    store.deploy.addEvents(live!.id, [{ at, step: 'undeploy', outcome: 'ok', message: t.kind === 'local' ? 'stopped the local server' : `took ${live!.model} off the server` }]);
    return store.deploy.setStatus(live!.id, 'undeployed');
  },

  'deploy.render': async (args, ctx) => {
    const { store } = ctx.session.require();
    const t = store.deploy.target(args.target);
    if (t.kind !== 'kubernetes') throw new MlcycleError('INVALID_ARGUMENT', `${t.name} is a ${t.kind} target; manifests are rendered for Kubernetes targets.`, { field: 'target' });
    const v = store.registry.version(args.model, args.version);
    return { yaml: renderForTarget(t.stored, toRender(store.artifacts.pathOf(v.packageSha256), v.packageSha256)) };
  },
} satisfies Partial<HandlerMap>;
