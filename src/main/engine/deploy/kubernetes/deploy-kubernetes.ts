import { applyWithRollback, isManagedByUs, waitUntil, type DeployResult, type OnStep, type WaitOptions } from './apply-with-rollback';
import type { KubeClient } from './client';
import { kubernetesName } from './names';
import { renderInferenceService, type KServeInput } from './kserve';
import { manifestObjects, renderManifests, type KubernetesDeployInput } from './render';
import { inferenceServiceReady, rolloutStatusOf, type RolloutStatus } from './rollout';
import { oipRequest, smokeProblem, type SmokeTest } from './smoke';
import type { Deployment, HorizontalPodAutoscaler } from './types';

/**
 * Deploy, undeploy and read the status of an MLCycle server on Kubernetes, all through KubeClient.
 * Each deploy either ends with the new version running and answering, or with the cluster as it
 * was before (see applyWithRollback).
 */

export type { DeployResult, DeployStep, OnStep, StepOutcome, WaitOptions } from './apply-with-rollback';

export interface KubernetesTarget {
  namespace: string;
  /** The served model name; the objects are named kubernetesName(name) unless resourceName says. */
  name: string;
  resourceName?: string;
}

const inferPath = (name: string) => `/v2/models/${encodeURIComponent(name)}/infer`;

export async function deployToKubernetes(client: KubeClient, input: KubernetesDeployInput, smoke: SmokeTest | null, onStep: OnStep, wait: WaitOptions = {}): Promise<DeployResult & { service: { namespace: string; name: string; port: number } }> {
  const m = renderManifests(input);
  const { namespace, name } = m.deployment.metadata as { namespace: string; name: string };
  const result = await applyWithRollback(
    client,
    {
      objects: manifestObjects(m),
      keepReplicas: m.hpa === null,
      wait: (onProgress) =>
        waitUntil(
          async () => {
            const s = await client.rolloutStatus(namespace, name);
            return s.ready ? { done: true, message: s.message } : { done: false, failed: s.failed, message: s.message };
          },
          onProgress,
          wait,
        ),
      smoke: smoke && smoke.rows.length > 0 ? async () => {
        const res = await client.proxyPost(namespace, name, 'http', inferPath(input.name), oipRequest(smoke));
        return smokeProblem(smoke, res.status, res.body);
      } : null,
    },
    onStep,
    wait,
  );
  return { ...result, service: { namespace, name, port: m.service.spec.ports[0]!.port } };
}

/**
 * KServe's path: one InferenceService, ready when KServe says so. The smoke test goes to the
 * predictor's Service (`<name>-predictor`, port 80), which exists in KServe's RawDeployment mode;
 * in Serverless mode pass no smoke test.
 */
export async function deployInferenceService(client: KubeClient, input: KServeInput, smoke: SmokeTest | null, onStep: OnStep, wait: WaitOptions = {}): Promise<DeployResult> {
  const isvc = renderInferenceService(input);
  const { namespace, name } = isvc.metadata as { namespace: string; name: string };
  return applyWithRollback(
    client,
    {
      objects: [isvc],
      keepReplicas: true,
      wait: (onProgress) =>
        waitUntil(
          async () => {
            const now = await client.get(isvc.apiVersion, isvc.kind, namespace, name);
            const r = now ? inferenceServiceReady(now) : { ready: false, message: 'The InferenceService is not there yet.' };
            return r.ready ? { done: true, message: r.message } : { done: false, failed: false, message: r.message };
          },
          onProgress,
          wait,
        ),
      smoke: smoke && smoke.rows.length > 0 ? async () => {
        const res = await client.proxyPost(namespace, `${name}-predictor`, 80, inferPath(input.name), oipRequest(smoke));
        return smokeProblem(smoke, res.status, res.body);
      } : null,
    },
    onStep,
    wait,
  );
}

const nameOf = (t: KubernetesTarget) => t.resourceName ?? kubernetesName(t.name);

/** Deletes what MLCycle deployed under this name (objects it does not manage are left alone). */
export async function undeployFromKubernetes(client: KubeClient, target: KubernetesTarget): Promise<{ deleted: string[]; leftAlone: string[] }> {
  const name = nameOf(target);
  const kinds: Array<[string, string, string]> = [
    ['autoscaling/v2', 'HorizontalPodAutoscaler', name],
    ['v1', 'Service', name],
    ['apps/v1', 'Deployment', name],
    ['v1', 'ConfigMap', `${name}-trusted-keys`],
    ['serving.kserve.io/v1beta1', 'InferenceService', name],
  ];
  const deleted: string[] = [];
  const leftAlone: string[] = [];
  for (const [apiVersion, kind, objectName] of kinds) {
    let found;
    try {
      found = await client.get(apiVersion, kind, target.namespace, objectName);
    } catch (error) {
      // A cluster without KServe has no such kind: nothing of it to delete.
      if (kind === 'InferenceService') continue;
      throw error;
    }
    if (!found) continue;
    if (!isManagedByUs(found)) leftAlone.push(`${kind} ${objectName}`);
    else if (await client.delete(apiVersion, kind, target.namespace, objectName)) deleted.push(`${kind} ${objectName}`);
  }
  return { deleted, leftAlone };
}

export interface KubernetesStatus {
  deployed: boolean;
  version: string | null;
  image: string | null;
  packageSha256: string | null;
  rollout: RolloutStatus | null;
  autoscaler: { minReplicas: number; maxReplicas: number; currentReplicas: number | null } | null;
  /** GET /v2/health/ready through the Service: null when not asked or not deployed. */
  serving: boolean | null;
}

/** What runs under this name now; `probe` also asks the server itself whether it is ready. */
export async function statusOfKubernetes(client: KubeClient, target: KubernetesTarget, probe = false): Promise<KubernetesStatus> {
  const name = nameOf(target);
  const d = (await client.get('apps/v1', 'Deployment', target.namespace, name)) as Deployment | null;
  if (!d || !isManagedByUs(d)) return { deployed: false, version: null, image: null, packageSha256: null, rollout: null, autoscaler: null, serving: null };
  const hpa = (await client.get('autoscaling/v2', 'HorizontalPodAutoscaler', target.namespace, name)) as (HorizontalPodAutoscaler & { status?: { currentReplicas?: number } }) | null;
  let serving: boolean | null = null;
  if (probe) {
    const res = await client.proxyGet(target.namespace, name, 'http', '/v2/health/ready').catch(() => null);
    serving = res?.status === 200;
  }
  const template = d.spec.template;
  return {
    deployed: true,
    version: d.metadata.labels?.['app.kubernetes.io/version'] ?? null,
    image: template.spec.containers.find((c) => c.name === 'server')?.image ?? null,
    packageSha256: template.metadata.annotations?.['mlcycle.dev/package-sha256'] ?? null,
    rollout: rolloutStatusOf(d),
    autoscaler: hpa ? { minReplicas: hpa.spec.minReplicas, maxReplicas: hpa.spec.maxReplicas, currentReplicas: hpa.status?.currentReplicas ?? null } : null,
    serving,
  };
}
