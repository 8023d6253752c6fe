import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trustedKeys } from '../../../src/main/engine/signing/keys';
import { adminRoutes } from '../../../src/main/serve/admin';
import { ModelSet } from '../../../src/main/serve/model-set';
import { PackageStore } from '../../../src/main/serve/package-store';
import { startModelServer, type RunningServer } from '../../../src/main/serve/server';
import type { ApiError } from '../../../src/shared/contract/errors';
import type { Deployment } from '../../../src/shared/deploy/models';
import { request } from '../../helpers/http';
import { waitForJob } from '../../helpers/jobs';
import { tempDir } from '../../helpers/temp';
import { inProcess, type Connected } from '../../helpers/transports';
import { shopCsv } from '../package/shop-data';
import { parseAllDocuments } from 'yaml';
import { schemaErrors } from '../../unit/deploy/schema-check';

const TOKEN = 'deploy-test-admin-token-42';

/** The shop data with a ticket number unique to each row: a model that uses it meets unseen tickets on every new row. */
function withTickets(csv: string): string {
  return csv
    .trimEnd()
    .split('\n')
    .map((line, i) => `${line},${i === 0 ? 'ticket' : `t${String(i).padStart(5, '0')}`}`)
    .join('\n');
}

/**
 * Deploying registry versions to real model servers on loopback over HTTPS, as a team runs them:
 * one that scores unseen categories as "other", one that refuses them (--strict-categories), and a
 * local target whose server the engine starts itself.
 */
describe('deploy targets', () => {
  const tmp = tempDir();
  let api: Connected;
  const servers: Record<string, { server: RunningServer; models: ModelSet }> = {};
  let ca = '';

  const deploy = async (target: string, version: number): Promise<Deployment> => {
    const job = await api.client.call('deploy.start', { target, model: 'churn', version });
    const ended = await waitForJob(api.client, job.id, (j) => j.status !== 'running' && j.status !== 'queued', 120_000);
    expect(ended.status, JSON.stringify(ended.error)).toBe('succeeded');
    return ended.result as Deployment;
  };
  const failure = async (p: Promise<unknown>): Promise<ApiError> => {
    try {
      await p;
    } catch (error) {
      return error as ApiError;
    }
    throw new Error('expected a failure');
  };

  async function startServer(name: string, strictCategories: boolean, home: string) {
    const models = new ModelSet();
    const store = new PackageStore(path.join(tmp.dir, `store-${name}`), trustedKeys(home), 'cpu', () => {});
    const server = await startModelServer({
      models,
      host: '127.0.0.1',
      port: 0,
      strictCategories,
      tls: { cert: fs.readFileSync(path.join(tmp.dir, 'cert.pem')), key: fs.readFileSync(path.join(tmp.dir, 'key.pem')) },
      extraRoutes: adminRoutes({ token: TOKEN, models, store, log: null, audit: () => {} }),
    });
    servers[name] = { server, models };
  }

  beforeAll(async () => {
    const home = path.join(tmp.dir, 'home');
    api = await inProcess(home);
    await api.client.call('project.create', { dir: path.join(tmp.dir, 'project') });
    const file = path.join(tmp.dir, 'shop.csv');
    fs.writeFileSync(file, withTickets(shopCsv(1500)));
    const imported = await api.client.call('data.import', { source: { kind: 'csv', path: file }, options: { target: 'bought', profile: false, semantic: { ticket: 'categorical' } } });
    expect((await waitForJob(api.client, imported.id, (j) => j.status === 'succeeded' || j.status === 'failed', 60_000)).status).toBe('succeeded');
    for (const [name, exclude] of [['plain', ['tier', 'spend', 'ticket']], ['tickets', ['tier', 'spend']]] as const) {
      const started = await api.client.call('train.start', { dataset: 'shop', model: 'logistic', params: {}, exclude: [...exclude], seed: 5, name });
      expect((await waitForJob(api.client, started.job.id, (j) => j.status !== 'running' && j.status !== 'queued', 120_000)).status).toBe('succeeded');
      const reg = await api.client.call('registry.register', { run: name, model: 'churn' });
      expect((await waitForJob(api.client, reg.id, (j) => j.status !== 'running' && j.status !== 'queued', 120_000)).status).toBe('succeeded');
    }
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', path.join(tmp.dir, 'key.pem'), '-out', path.join(tmp.dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    ca = fs.readFileSync(path.join(tmp.dir, 'cert.pem'), 'utf8');
    await startServer('lenient', false, home);
    await startServer('strict', true, home);
    for (const name of ['lenient', 'strict']) await api.client.call('targets.add', { name, config: { kind: 'server', url: servers[name]!.server.url, token: TOKEN, caCert: ca } });
  }, 300_000);
  afterAll(async () => {
    await api.client.call('deploy.undeploy', { target: 'local' }).catch(() => {});
    await api.close();
    for (const s of Object.values(servers)) await s.server.close();
    tmp.cleanup();
  });

  it('tests a target: reachable over TLS with its CA, and the admin token accepted', async () => {
    const ok = await api.client.call('targets.test', { target: 'lenient' });
    expect(ok).toMatchObject({ ok: true, checks: [{ check: 'reachable', ok: true }, { check: 'admin token', ok: true }] });
    await api.client.call('targets.add', { name: 'wrong-token', config: { kind: 'server', url: servers.lenient!.server.url, token: 'not-the-token', caCert: ca } });
    const bad = await api.client.call('targets.test', { target: 'wrong-token' });
    expect(bad.ok).toBe(false);
    expect(bad.checks.at(-1)!.message).toMatch(/answered 401/);
    await api.client.call('targets.add', { name: 'no-ca', config: { kind: 'server', url: servers.lenient!.server.url, token: TOKEN } });
    expect((await api.client.call('targets.test', { target: 'no-ca' })).checks[0]!.message).toMatch(/cannot be reached \(.*(self-signed|certificate).*\): its TLS certificate is not trusted: give the target its CA/);
    // The token never reaches project.db.
    const listed = (await api.client.call('targets.list', {})).find((t) => t.name === 'lenient')!;
    expect(listed).toMatchObject({ hasToken: true });
    expect(JSON.stringify(listed)).not.toContain(TOKEN);
    expect(fs.readFileSync(path.join(tmp.dir, 'project', 'project.db')).includes(Buffer.from(TOKEN))).toBe(false);
  });

  it('deploys, smoke-tests and records every step; a newer version replaces it; rollback brings the older back', { timeout: 120_000 }, async () => {
    const first = await deploy('lenient', 1);
    expect(first).toMatchObject({ status: 'live', model: 'churn', version: 1, url: `${servers.lenient!.server.url}/v2/models/churn/infer` });
    expect(first.events.map((e) => [e.step, e.outcome])).toEqual([['connect', 'ok'], ['push', 'ok'], ['activate', 'ok'], ['smoke-test', 'ok'], ['live', 'ok']]);
    expect(first.events[3]!.message).toMatch(/20 test rows scored by the server exactly as the package predicts/);
    const second = await deploy('lenient', 2);
    expect(second.status).toBe('live');
    expect(servers.lenient!.models.state('churn')).toMatchObject({ active: '2', previous: '1' });
    expect((await api.client.call('deploy.list', { target: 'lenient' })).map((d) => [d.version, d.status])).toEqual([[2, 'live'], [1, 'undeployed']]);
    const audit = await api.client.call('audit.list', { limit: 30 });
    expect(audit.filter((a) => a.action === 'deploy.smoke-test' && a.target === 'lenient: churn v2')).toHaveLength(1);

    const back = await api.client.call('deploy.rollback', { target: 'lenient' });
    expect(back).toMatchObject({ version: 1, status: 'live' });
    expect(servers.lenient!.models.state('churn').active).toBe('1');
    const scored = await request(servers.lenient!.server.url, 'POST', '/v2/models/churn/infer', { inputs: [] });
    expect(scored.status).toBe(400);
  });

  it('rolls back automatically when the smoke test fails, leaving the earlier version serving', { timeout: 120_000 }, async () => {
    expect((await deploy('strict', 1)).status).toBe('live');
    const refused = await deploy('strict', 2);
    expect(refused.status).toBe('rolled_back');
    const steps = refused.events.map((e) => [e.step, e.outcome]);
    expect(steps).toEqual([['connect', 'ok'], ['push', 'ok'], ['activate', 'ok'], ['smoke-test', 'error'], ['rollback', 'ok']]);
    expect(refused.events[3]!.message).toMatch(/400: input 'ticket' element \d+ is "t\d+", a category the model never saw/);
    expect(refused.events[4]!.message).toBe('back to v1, which served before this deploy');
    expect(servers.strict!.models.state('churn').active).toBe('1');
    const status = await api.client.call('deploy.status', { target: 'strict' });
    expect(status.deployment).toMatchObject({ version: 1, status: 'live' });
    expect(status.models).toEqual([expect.objectContaining({ name: 'churn', active: '1' })]);
    const v1 = status.metrics.find((m) => m.version === '1')!;
    expect(v1.requests).toBeGreaterThanOrEqual(1);
    expect(v1.p99LatencyMs).toBeGreaterThan(0);
  });

  it('deploys a package file from elsewhere, smoke-tested with rows built from its signature', { timeout: 120_000 }, async () => {
    const file = path.join(tmp.dir, 'churn-v1.mlpkg');
    await api.client.call('registry.export', { model: 'churn', version: 1, out: file });
    const job = await api.client.call('deploy.start', { target: 'lenient', package: file });
    const ended = await waitForJob(api.client, job.id, (j) => j.status !== 'running' && j.status !== 'queued', 120_000);
    const d = ended.result as Deployment;
    expect(d).toMatchObject({ status: 'live', model: 'churn', version: 1 });
    expect(d.events.find((e) => e.step === 'smoke-test')!.message).toMatch(/^3 rows built from the signature .* scored by the server exactly as the package predicts/);
    const tampered = path.join(tmp.dir, 'tampered.mlpkg');
    const bytes = fs.readFileSync(file);
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0xff;
    fs.writeFileSync(tampered, bytes);
    expect((await failure(api.client.call('deploy.start', { target: 'lenient', package: tampered }))).message).toMatch(/did not verify, so it was not deployed/);
  });

  it('takes a model off a server on undeploy, and refuses to remove a target with something live', async () => {
    expect((await failure(api.client.call('targets.remove', { target: 'strict' }))).message).toMatch(/still serves churn v1; undeploy it first/);
    const gone = await api.client.call('deploy.undeploy', { target: 'strict' });
    expect(gone).toMatchObject({ status: 'undeployed', version: 1 });
    expect(servers.strict!.models.has('churn')).toBe(false);
    await api.client.call('targets.remove', { target: 'strict' });
    expect((await failure(api.client.call('deploy.status', { target: 'strict' }))).code).toBe('NOT_FOUND');
  });

  it('renders Kubernetes and KServe manifests that pass their schemas, and says plainly when no cluster answers', { timeout: 120_000 }, async () => {
    const kubeconfig = path.join(tmp.dir, 'kubeconfig');
    // A cluster address where nothing listens: what a laptop without VPN sees.
    fs.writeFileSync(kubeconfig, ['apiVersion: v1', 'kind: Config', 'clusters: [{name: c, cluster: {server: "https://127.0.0.1:9"}}]', 'users: [{name: u, user: {token: t}}]', 'contexts: [{name: prod, context: {cluster: c, user: u}}]', 'current-context: prod', ''].join('\n'));
    const config = { kind: 'kubernetes' as const, context: 'prod', namespace: 'ml', kubeconfig, packageUrl: 'https://artifacts.example.com/{model}-{version}.mlpkg', kserve: true, storageUri: 's3://models/{model}' };
    await api.client.call('targets.add', { name: 'k8s', config });
    const { yaml } = await api.client.call('deploy.render', { target: 'k8s', model: 'churn', version: 1 });
    const objects = parseAllDocuments(yaml).map((d) => d.toJS() as { kind: string; spec?: unknown });
    expect(objects.map((o) => o.kind)).toEqual(['ConfigMap', 'Deployment', 'Service', 'HorizontalPodAutoscaler', 'InferenceService']);
    expect(schemaErrors('deployment', objects[1])).toEqual([]);
    expect(schemaErrors('hpa', objects[3])).toEqual([]);
    expect(schemaErrors('isvcSubset', objects[4])).toEqual([]);
    expect(schemaErrors('isvcCrd', objects[4])).toEqual([]);
    expect(yaml).toContain('https://artifacts.example.com/churn-1.mlpkg');
    expect(yaml).toContain('s3://models/churn');

    const tested = await api.client.call('targets.test', { target: 'k8s' });
    expect(tested.checks[0]).toMatchObject({ check: 'kubeconfig', ok: true });
    expect(tested.checks[1]).toMatchObject({ check: 'api server', ok: false });
    const job = await api.client.call('deploy.start', { target: 'k8s', model: 'churn', version: 1 });
    const ended = await waitForJob(api.client, job.id, (j) => j.status !== 'running' && j.status !== 'queued', 60_000);
    expect(ended.status).toBe('failed');
    const [failedDeploy] = await api.client.call('deploy.list', { target: 'k8s' });
    expect(failedDeploy).toMatchObject({ status: 'failed' });
    expect(failedDeploy!.events.at(-1)!.message).toMatch(/127\.0\.0\.1:9|ECONNREFUSED|connect/);

    await api.client.call('targets.add', { name: 'k8s', config: { ...config, packageUrl: undefined }, replace: true });
    expect((await failure(api.client.call('deploy.render', { target: 'k8s', model: 'churn', version: 1 }))).message).toMatch(/Pods download the package from a URL you host/);
  });

  it('starts a local server for a local target, serves from it, and stops it on undeploy', { timeout: 120_000 }, async () => {
    // Port 0: the server picks a free one (a fixed port could be taken on a CI machine).
    await api.client.call('targets.add', { name: 'local', config: { kind: 'local', port: 0 } });
    const live = await deploy('local', 1);
    expect(live.status).toBe('live');
    const reply = await request(new URL(live.url!).origin, 'GET', '/v2/models/churn');
    expect(reply.body).toMatchObject({ name: 'churn', platform: 'onnx_onnxv1' });
    expect((await api.client.call('deploy.status', { target: 'local' })).reachable).toBe(true);
    await api.client.call('deploy.undeploy', { target: 'local' });
    await expect(request(new URL(live.url!).origin, 'GET', '/v2/health/live')).rejects.toThrow(/ECONNREFUSED/);
  });

  it('stops the server a connection test started when its local target is removed', { timeout: 60_000 }, async () => {
    await api.client.call('targets.add', { name: 'probe', config: { kind: 'local', port: 0 } });
    const tested = await api.client.call('targets.test', { target: 'probe' });
    expect(tested.checks.every((c) => c.ok), JSON.stringify(tested.checks)).toBe(true);
    const { url } = JSON.parse(fs.readFileSync(path.join(tmp.dir, 'project', 'deploy', 'probe', 'server.json'), 'utf8')) as { url: string };
    expect((await request(url, 'GET', '/v2/health/live')).status).toBe(200);
    await api.client.call('targets.remove', { target: 'probe' });
    await expect(request(url, 'GET', '/v2/health/live')).rejects.toThrow(/ECONNREFUSED/);
  });
});
