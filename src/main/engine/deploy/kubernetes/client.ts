import http from 'node:http';
import https from 'node:https';
import type * as K8sModule from '@kubernetes/client-node';
import { MlcycleError } from '../../../../shared/contract/errors';
import { FIELD_MANAGER } from './render';
import { rolloutStatusOf, type RolloutStatus } from './rollout';
import type { Deployment, KubeObject } from './types';

/**
 * Everything MLCycle asks of a Kubernetes API server, kept small so deploy logic can be tested
 * against an in-memory stand-in: no API server can run where the tests run.
 */
export interface KubeClient {
  /** Server-side apply as field manager 'mlcycle', forcing conflicts (MLCycle owns what it renders). */
  apply(obj: KubeObject): Promise<void>;
  /** The object as the server has it (status included), or null when there is none. */
  get(apiVersion: string, kind: string, namespace: string, name: string): Promise<KubeObject | null>;
  /** false when there was nothing to delete. */
  delete(apiVersion: string, kind: string, namespace: string, name: string): Promise<boolean>;
  rolloutStatus(namespace: string, deploymentName: string): Promise<RolloutStatus>;
  /** Through the API server's service proxy: works wherever the API server is reachable. */
  proxyGet(namespace: string, service: string, port: string | number, path: string): Promise<ProxyResponse>;
  proxyPost(namespace: string, service: string, port: string | number, path: string, body: unknown): Promise<ProxyResponse>;
}

export interface ProxyResponse {
  status: number;
  body: string;
}

export interface KubeClientOptions {
  /** A kubeconfig file; by default $KUBECONFIG or ~/.kube/config (or the in-cluster account). */
  kubeconfigPath?: string;
  /** A context in it; by default its current-context. */
  context?: string;
}

// Type-only: erased from the build, so the client itself is still loaded only by loadConfig.
type K8s = typeof K8sModule;

/** Loaded on first use only: nothing else in MLCycle pays for the client's start-up. */
async function loadConfig(options: KubeClientOptions): Promise<{ k8s: K8s; kc: InstanceType<K8s['KubeConfig']> }> {
  const k8s = await import('@kubernetes/client-node');
  const kc = new k8s.KubeConfig();
  try {
    if (options.kubeconfigPath) kc.loadFromFile(options.kubeconfigPath);
    else kc.loadFromDefault();
  } catch (error) {
    throw new MlcycleError('INVALID_ARGUMENT', `Cannot read the kubeconfig${options.kubeconfigPath ? ` ${options.kubeconfigPath}` : ''}: ${(error as Error).message}`, { field: 'kubeconfigPath' });
  }
  if (options.context) {
    const names = kc.getContexts().map((c) => c.name);
    if (!names.includes(options.context)) throw new MlcycleError('NOT_FOUND', `The kubeconfig has no context '${options.context}'; it has ${names.join(', ') || 'none'}.`, { field: 'context' });
    kc.setCurrentContext(options.context);
  }
  return { k8s, kc };
}

/** The contexts a kubeconfig offers, for a deploy target's picker. */
export async function kubeContexts(options: Omit<KubeClientOptions, 'context'> = {}): Promise<{ current: string; contexts: Array<{ name: string; cluster: string; namespace: string | null }> }> {
  const { kc } = await loadConfig(options);
  return { current: kc.getCurrentContext(), contexts: kc.getContexts().map((c) => ({ name: c.name, cluster: c.cluster, namespace: c.namespace ?? null })) };
}

/** An API failure as the engine's error shape: status code and the server's own message. */
function kubeError(error: unknown, what: string): MlcycleError {
  const e = error as { code?: number; body?: unknown; message?: string };
  let reason = e.message ?? String(error);
  if (typeof e.body === 'string') {
    try {
      reason = (JSON.parse(e.body) as { message?: string }).message ?? reason;
    } catch {
      /* not JSON: keep the exception's message */
    }
  }
  const code = e.code === 401 || e.code === 403 ? 'UNAUTHORIZED' : e.code === 404 ? 'NOT_FOUND' : e.code === 409 ? 'CONFLICT' : typeof e.code === 'number' ? 'BAD_REQUEST' : 'TRANSPORT';
  return new MlcycleError(code, `Could not ${what} on Kubernetes: ${reason}`, typeof e.code === 'number' ? { status: e.code } : undefined);
}

const header = (apiVersion: string, kind: string, namespace: string, name: string) => ({ apiVersion, kind, metadata: { name, namespace } });

export async function openKubeClient(options: KubeClientOptions = {}): Promise<KubeClient> {
  const { k8s, kc } = await loadConfig(options);
  const objects = k8s.KubernetesObjectApi.makeApiClient(kc);
  const server = kc.getCurrentCluster()?.server;
  if (!server) throw new MlcycleError('INVALID_ARGUMENT', `The kubeconfig context '${kc.getCurrentContext()}' names no cluster server.`, { field: 'context' });

  const get = async (apiVersion: string, kind: string, namespace: string, name: string): Promise<KubeObject | null> => {
    try {
      return (await objects.read(header(apiVersion, kind, namespace, name))) as unknown as KubeObject;
    } catch (error) {
      if ((error as { code?: number }).code === 404) return null;
      throw kubeError(error, `read ${kind} ${namespace}/${name}`);
    }
  };

  /** The service proxy over node:http(s), with the kubeconfig's credentials and TLS settings. */
  const proxy = async (method: 'GET' | 'POST', namespace: string, service: string, port: string | number, path: string, body?: unknown): Promise<ProxyResponse> => {
    const url = new URL(`${server.replace(/\/$/, '')}/api/v1/namespaces/${encodeURIComponent(namespace)}/services/${encodeURIComponent(service)}:${encodeURIComponent(String(port))}/proxy${path}`);
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const opts: https.RequestOptions = { method, headers: payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}, timeout: 30_000 };
    await kc.applyToHTTPSOptions(opts);
    return new Promise((resolve, reject) => {
      const req = (url.protocol === 'http:' ? http : https).request(url, opts, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new Error(`no answer from ${service} within 30 s`)));
      req.on('error', (error) => reject(new MlcycleError('TRANSPORT', `The service proxy to ${namespace}/${service} failed: ${error.message}`)));
      req.end(payload);
    });
  };

  return {
    async apply(obj) {
      try {
        await objects.patch(obj, undefined, undefined, FIELD_MANAGER, true, k8s.PatchStrategy.ServerSideApply);
      } catch (error) {
        throw kubeError(error, `apply ${obj.kind} ${obj.metadata.namespace}/${obj.metadata.name}`);
      }
    },
    get,
    async delete(apiVersion, kind, namespace, name) {
      try {
        // Background: the call returns at once and the garbage collector removes the pods.
        await objects.delete(header(apiVersion, kind, namespace, name), undefined, undefined, undefined, undefined, 'Background');
        return true;
      } catch (error) {
        if ((error as { code?: number }).code === 404) return false;
        throw kubeError(error, `delete ${kind} ${namespace}/${name}`);
      }
    },
    async rolloutStatus(namespace, deploymentName) {
      const d = await get('apps/v1', 'Deployment', namespace, deploymentName);
      if (!d) throw new MlcycleError('NOT_FOUND', `There is no Deployment ${namespace}/${deploymentName}.`);
      return rolloutStatusOf(d as Deployment);
    },
    proxyGet: (namespace, service, port, path) => proxy('GET', namespace, service, port, path),
    proxyPost: (namespace, service, port, path, body) => proxy('POST', namespace, service, port, path, body),
  };
}
