import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeContexts, openKubeClient } from '../../../src/main/engine/deploy/kubernetes/client';
import { renderManifests } from '../../../src/main/engine/deploy/kubernetes/render';
import { tempDir } from '../../helpers/temp';
import { INPUT } from './fixtures';

/**
 * The adapter over @kubernetes/client-node, against a local HTTP listener that answers the few
 * routes it uses: the requests it sends (paths, server-side apply's content type and query, the
 * service proxy URL, credentials) are what is checked. Not an API server; the deploy logic is
 * tested against the in-memory client instead.
 */
describe('openKubeClient', () => {
  const t = tempDir('mlcycle-kubeconfig-');
  const seen: Array<{ method: string; url: string; type?: string; auth?: string; body: string }> = [];
  let server: http.Server;
  let kubeconfig = '';
  const deployment = renderManifests(INPUT).deployment;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        seen.push({ method: req.method!, url: req.url!, type: req.headers['content-type'], auth: req.headers.authorization, body });
        const json = (status: number, o: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(o));
        const url = req.url!.split('?')[0];
        if (url === '/apis/apps/v1') return json(200, { kind: 'APIResourceList', groupVersion: 'apps/v1', resources: [{ name: 'deployments', namespaced: true, kind: 'Deployment', verbs: ['get', 'patch', 'delete'] }] });
        if (url === '/apis/apps/v1/namespaces/models/deployments/churn-logistic') {
          if (req.method === 'PATCH') return json(200, JSON.parse(body));
          return json(200, { ...deployment, metadata: { ...deployment.metadata, generation: 1 }, status: { observedGeneration: 1, replicas: 1, updatedReplicas: 1, availableReplicas: 1 } });
        }
        if (url === '/apis/apps/v1/namespaces/models/deployments/missing') return json(404, { kind: 'Status', code: 404, message: 'deployments.apps "missing" not found' });
        if (url === '/apis/apps/v1/namespaces/models/deployments/forbidden') return json(403, { kind: 'Status', code: 403, message: 'deployments.apps "forbidden" is forbidden: User "ci" cannot get resource' });
        if (url!.startsWith('/api/v1/namespaces/models/services/churn-logistic:http/proxy/')) return json(200, { echoed: body });
        return json(404, { kind: 'Status', code: 404, message: `no route ${url}` });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    kubeconfig = path.join(t.dir, 'config');
    fs.writeFileSync(
      kubeconfig,
      `apiVersion: v1
kind: Config
clusters:
- name: local
  # client-node speaks plain http only with this set; the listener here has no TLS.
  cluster: { server: "http://127.0.0.1:${port}", insecure-skip-tls-verify: true }
- name: other
  cluster: { server: "http://127.0.0.1:1" }
users:
- name: ci
  user: { token: secret-token }
contexts:
- name: dev
  context: { cluster: local, user: ci, namespace: models }
- name: prod
  context: { cluster: other, user: ci }
current-context: prod
`,
    );
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    t.cleanup();
  });

  it('lists the contexts and refuses an unknown one', async () => {
    expect(await kubeContexts({ kubeconfigPath: kubeconfig })).toEqual({
      current: 'prod',
      contexts: [
        { name: 'dev', cluster: 'local', namespace: 'models' },
        { name: 'prod', cluster: 'other', namespace: null },
      ],
    });
    await expect(openKubeClient({ kubeconfigPath: kubeconfig, context: 'staging' })).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('dev, prod') });
  });

  it('applies server-side as field manager mlcycle, reads, and goes through the service proxy with the context’s credentials', async () => {
    const k = await openKubeClient({ kubeconfigPath: kubeconfig, context: 'dev' });
    await k.apply(deployment);
    const patch = seen.find((s) => s.method === 'PATCH')!;
    expect(patch.type).toBe('application/apply-patch+yaml');
    expect(patch.url).toMatch(/fieldManager=mlcycle/);
    expect(patch.url).toMatch(/force=true/);
    expect(patch.auth).toBe('Bearer secret-token');
    expect(JSON.parse(patch.body)).toMatchObject({ kind: 'Deployment', metadata: { name: 'churn-logistic' } });

    expect(await k.rolloutStatus('models', 'churn-logistic')).toMatchObject({ ready: true, desired: 1 });
    expect(await k.get('apps/v1', 'Deployment', 'models', 'missing')).toBeNull();
    await expect(k.get('apps/v1', 'Deployment', 'models', 'forbidden')).rejects.toMatchObject({ code: 'UNAUTHORIZED', message: expect.stringContaining('cannot get resource') });

    const res = await k.proxyPost('models', 'churn-logistic', 'http', '/v2/models/churn_logistic/infer', { inputs: [] });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ echoed: '{"inputs":[]}' });
    const proxied = seen.find((s) => s.url.includes('/proxy/'))!;
    expect(proxied).toMatchObject({ method: 'POST', url: '/api/v1/namespaces/models/services/churn-logistic:http/proxy/v2/models/churn_logistic/infer', auth: 'Bearer secret-token' });
  });
});
