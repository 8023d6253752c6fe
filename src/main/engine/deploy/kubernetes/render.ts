import crypto from 'node:crypto';
import { stringify } from 'yaml';
import { MlcycleError } from '../../../../shared/contract/errors';
import { publicKeyFromRaw } from '../../signing/keys';
import { ENGINE_VERSION } from '../../version';
import { checkDnsLabel, checkHttpUrl, checkQuantity, checkSha256, checkWhole, kubernetesName, labelValue } from './names';
import { podTemplate, SERVER_PORT } from './pod';
import type { ConfigMap, Deployment, HorizontalPodAutoscaler, KubeObject, Labels, Resources, Service } from './types';

/**
 * `renderManifests` turns one deploy's settings into the objects that run the MLCycle server on a
 * cluster. Pure: no cluster, no files; the same objects are applied by `deployToKubernetes` and
 * printed by `mlcycle deploy render` for GitOps users.
 */

/** The server image (deploy/Dockerfile), tagged with this build's version. */
export const DEFAULT_SERVER_IMAGE = `ghcr.io/mlcycle/mlcycle-server:${ENGINE_VERSION}`;
export const DEFAULT_RESOURCES: Required<Resources> = { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } };
export const DEFAULT_HPA = { minReplicas: 1, maxReplicas: 3, cpuUtilization: 70 };
export const FIELD_MANAGER = 'mlcycle';

/**
 * The autoscaler for a target's replica count: never fewer pods than asked for, and room to double
 * them (at least DEFAULT_HPA's maximum) under CPU load. The Deployment leaves its own count to the
 * autoscaler, so without this floor the target's --replicas would change nothing. Zero pods means
 * no autoscaler (it cannot scale to zero).
 */
export function autoscalingFor(replicas: number): typeof DEFAULT_HPA | null {
  if (replicas === 0) return null;
  return { ...DEFAULT_HPA, minReplicas: replicas, maxReplicas: Math.max(DEFAULT_HPA.maxReplicas, 2 * replicas) };
}

export interface TrustedKey {
  /** The name it is trusted under (`mlcycle keys trust <name> …`): letters, digits, '.', '_', '-'. */
  name: string;
  /** The raw ed25519 public key, base64, as `mlcycle keys show` prints it. */
  publicKey: string;
}

export interface KubernetesDeployInput {
  /** The name the package serves under (its signature's model name): the URL path /v2/models/{name}. */
  name: string;
  /** The Kubernetes name of every object; by default `kubernetesName(name)`. */
  resourceName?: string;
  version: string;
  namespace: string;
  image?: string;
  imagePullPolicy?: 'Always' | 'IfNotPresent' | 'Never';
  /** Where the pods download the .mlpkg: an http(s) URL the user hosts, reachable from the cluster. */
  packageUrl: string;
  /** sha256 (hex) of the .mlpkg file; the pod refuses anything else. */
  packageSha256: string;
  /** The signer's public key (at least): the server refuses a package no trusted key signed. */
  trustedKeys: TrustedKey[];
  /** Used only without an autoscaler (with one, the autoscaler owns the replica count). */
  replicas?: number;
  resources?: Resources;
  /** null: no autoscaler. */
  hpa?: { minReplicas: number; maxReplicas: number; cpuUtilization: number } | null;
}

export interface KubernetesManifests {
  configMap: ConfigMap;
  deployment: Deployment;
  service: Service;
  hpa: HorizontalPodAutoscaler | null;
}

/** The objects in the order they are applied: what the pod mounts first, the autoscaler last. */
export function manifestObjects(m: KubernetesManifests): KubeObject[] {
  return [m.configMap, m.deployment, m.service, ...(m.hpa ? [m.hpa] : [])];
}

export function commonLabels(resourceName: string, version: string): Labels {
  return {
    'app.kubernetes.io/name': resourceName,
    'app.kubernetes.io/version': labelValue(version),
    'app.kubernetes.io/component': 'model-server',
    'app.kubernetes.io/managed-by': FIELD_MANAGER,
  };
}

function resourcesOf(r: Resources | undefined): Resources {
  const out: Resources = {
    requests: { ...DEFAULT_RESOURCES.requests, ...r?.requests },
    limits: { ...DEFAULT_RESOURCES.limits, ...r?.limits },
  };
  for (const kind of ['requests', 'limits'] as const) for (const [k, v] of Object.entries(out[kind]!)) checkQuantity(v, `resources.${kind}.${k}`);
  return out;
}

function trustedKeysData(keys: TrustedKey[]): Record<string, string> {
  if (keys.length === 0) throw new MlcycleError('INVALID_ARGUMENT', 'Give at least the package signer’s public key: the server refuses packages no trusted key signed.', { field: 'trustedKeys' });
  const data: Record<string, string> = {};
  for (const k of keys) {
    if (!/^[\w.-]{1,64}$/.test(k.name)) throw new MlcycleError('INVALID_ARGUMENT', `A key name is letters, digits, '.', '_' or '-' (up to 64): '${k.name}' is not.`, { field: 'trustedKeys' });
    publicKeyFromRaw(k.publicKey.trim());
    // The same file name and content `mlcycle keys trust` writes under <home>/signing/trusted.
    data[`${k.name}.pub`] = `${k.publicKey.trim()}\n`;
  }
  return data;
}

export function renderManifests(input: KubernetesDeployInput): KubernetesManifests {
  const name = input.resourceName ?? kubernetesName(input.name);
  // Leaves room under the 63-character limit for the '-trusted-keys' ConfigMap suffix.
  checkDnsLabel(name, 'resourceName', 47);
  checkDnsLabel(input.namespace, 'namespace');
  if (!input.name || input.name.length > 128 || /[/?#\s]/.test(input.name)) throw new MlcycleError('INVALID_ARGUMENT', `'${input.name}' cannot be a served model name.`, { field: 'name' });
  checkHttpUrl(input.packageUrl, 'packageUrl');
  checkSha256(input.packageSha256, 'packageSha256');
  const replicas = checkWhole(input.replicas ?? 1, 'replicas', 0, 1000);
  const hpa = input.hpa === undefined ? autoscalingFor(replicas) : input.hpa;
  if (hpa) {
    checkWhole(hpa.minReplicas, 'hpa.minReplicas', 1);
    checkWhole(hpa.maxReplicas, 'hpa.maxReplicas', hpa.minReplicas);
    checkWhole(hpa.cpuUtilization, 'hpa.cpuUtilization', 1, 1000);
  }
  const labels = commonLabels(name, input.version);
  const selector = { 'app.kubernetes.io/name': name, 'app.kubernetes.io/managed-by': FIELD_MANAGER };
  const meta = (objectName: string) => ({ name: objectName, namespace: input.namespace, labels });

  const keysData = trustedKeysData(input.trustedKeys);
  const configMap: ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(`${name}-trusted-keys`), data: keysData };
  const keysSha = crypto.createHash('sha256').update(JSON.stringify(Object.entries(keysData).sort())).digest('hex');

  const deployment: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { ...meta(name), annotations: { 'mlcycle.dev/served-model': input.name } },
    spec: {
      // With an autoscaler the replica count is left out, so each apply does not undo its scaling.
      ...(hpa ? {} : { replicas }),
      revisionHistoryLimit: 5,
      // A rollout that makes no progress for this long is marked failed (ProgressDeadlineExceeded).
      progressDeadlineSeconds: 300,
      selector: { matchLabels: selector },
      // Never below the desired count while a new version comes up: a bad package costs nothing.
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
      template: podTemplate({
        image: input.image ?? DEFAULT_SERVER_IMAGE,
        imagePullPolicy: input.imagePullPolicy,
        packageUrl: input.packageUrl,
        packageSha256: input.packageSha256,
        trustedKeysConfigMap: configMap.metadata.name,
        trustedKeysSha256: keysSha,
        resources: resourcesOf(input.resources),
        labels,
      }),
    },
  };

  const service: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: meta(name),
    spec: { type: 'ClusterIP', selector, ports: [{ name: 'http', port: SERVER_PORT, targetPort: 'http', protocol: 'TCP' }] },
  };

  const autoscaler: HorizontalPodAutoscaler | null = hpa
    ? {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: meta(name),
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
          minReplicas: hpa.minReplicas,
          maxReplicas: hpa.maxReplicas,
          metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: hpa.cpuUtilization } } }],
        },
      }
    : null;

  return { configMap, deployment, service, hpa: autoscaler };
}

/** Objects as one multi-document YAML stream, as `kubectl apply -f -` and GitOps tools read it. */
export function toYaml(objects: KubeObject[]): string {
  return objects.map((o) => stringify(o, { lineWidth: 0 })).join('---\n');
}
