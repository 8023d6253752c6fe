import type { KubeClient, ProxyResponse } from '../../../src/main/engine/deploy/kubernetes/client';
import { rolloutStatusOf } from '../../../src/main/engine/deploy/kubernetes/rollout';
import type { Deployment, KubeObject } from '../../../src/main/engine/deploy/kubernetes/types';

/**
 * An in-memory KubeClient: no API server can run where the tests run. Applies replace the stored
 * object (bumping metadata.generation), and a scripted "controller" decides how each Deployment
 * rolls out; the service proxy answers as the test says.
 */
export type Rollout = 'healthy' | 'stuck' | 'deadline';

export class FakeKubeClient implements KubeClient {
  readonly objects = new Map<string, KubeObject>();
  readonly calls: string[] = [];
  rollout: Rollout = 'healthy';
  /** Polls a rollout takes before it is done, when healthy. */
  pollsToReady = 2;
  answer: (path: string, body: unknown) => ProxyResponse = () => ({ status: 200, body: '{}' });
  failApply: ((o: KubeObject) => boolean) | null = null;
  readonly posted: Array<{ service: string; port: string | number; path: string; body: unknown }> = [];
  private polls = new Map<string, number>();

  static key(apiVersion: string, kind: string, namespace: string, name: string) {
    return `${apiVersion}/${kind}/${namespace}/${name}`;
  }

  /** Puts an object in place as if it had been deployed (and rolled out) earlier. */
  seed(o: KubeObject): void {
    const copy = structuredClone(o) as KubeObject;
    copy.metadata = { ...copy.metadata, ...{ uid: 'uid-1', resourceVersion: '41', generation: 1, managedFields: [{ manager: 'mlcycle' }] } };
    if (copy.kind === 'Deployment') {
      const d = copy as Deployment;
      const n = d.spec.replicas ?? 2;
      d.spec.replicas = n;
      d.metadata.annotations = { ...d.metadata.annotations, 'deployment.kubernetes.io/revision': '4' };
      d.status = { observedGeneration: 1, replicas: n, updatedReplicas: n, readyReplicas: n, availableReplicas: n };
    }
    this.objects.set(FakeKubeClient.key(copy.apiVersion, copy.kind, copy.metadata.namespace!, copy.metadata.name), copy);
  }

  async apply(obj: KubeObject): Promise<void> {
    this.calls.push(`apply ${obj.kind} ${obj.metadata.name}`);
    if (this.failApply?.(obj)) throw new Error('admission webhook denied the request');
    const key = FakeKubeClient.key(obj.apiVersion, obj.kind, obj.metadata.namespace!, obj.metadata.name);
    const before = this.objects.get(key);
    const generation = ((before?.metadata as { generation?: number } | undefined)?.generation ?? 0) + 1;
    const stored = structuredClone(obj);
    stored.metadata = { ...stored.metadata, ...{ generation } };
    if (stored.kind === 'Deployment') {
      const d = stored as Deployment;
      // The API server keeps the old replica count when an apply leaves it out (an autoscaler owns it).
      d.spec.replicas ??= (before as Deployment | undefined)?.spec.replicas ?? 1;
      d.status = { ...(before as Deployment | undefined)?.status };
      this.polls.set(key, 0);
    }
    this.objects.set(key, stored);
  }

  async get(apiVersion: string, kind: string, namespace: string, name: string): Promise<KubeObject | null> {
    const o = this.objects.get(FakeKubeClient.key(apiVersion, kind, namespace, name));
    return o ? structuredClone(o) : null;
  }

  async delete(apiVersion: string, kind: string, namespace: string, name: string): Promise<boolean> {
    this.calls.push(`delete ${kind} ${name}`);
    return this.objects.delete(FakeKubeClient.key(apiVersion, kind, namespace, name));
  }

  async rolloutStatus(namespace: string, name: string) {
    const key = FakeKubeClient.key('apps/v1', 'Deployment', namespace, name);
    const d = this.objects.get(key) as Deployment;
    const n = d.spec.replicas ?? 1;
    const polls = (this.polls.get(key) ?? 0) + 1;
    this.polls.set(key, polls);
    const generation = (d.metadata as { generation?: number }).generation!;
    if (this.rollout === 'healthy' && polls >= this.pollsToReady) d.status = { observedGeneration: generation, replicas: n, updatedReplicas: n, readyReplicas: n, availableReplicas: n };
    else if (this.rollout === 'deadline') d.status = { observedGeneration: generation, replicas: n + 1, updatedReplicas: 1, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "x" has timed out progressing' }] };
    else d.status = { ...d.status, observedGeneration: generation, updatedReplicas: 1, availableReplicas: d.status?.availableReplicas ?? 0, replicas: n + 1 };
    return rolloutStatusOf(d);
  }

  async proxyGet(_namespace: string, service: string, port: string | number, path: string): Promise<ProxyResponse> {
    return this.answer(path, undefined);
  }

  async proxyPost(_namespace: string, service: string, port: string | number, path: string, body: unknown): Promise<ProxyResponse> {
    this.posted.push({ service, port, path, body });
    return this.answer(path, body);
  }
}
