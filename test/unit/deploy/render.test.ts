import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { kserveModelPath, renderInferenceService } from '../../../src/main/engine/deploy/kubernetes/kserve';
import { kubernetesName, labelValue } from '../../../src/main/engine/deploy/kubernetes/names';
import { DEFAULT_SERVER_IMAGE, manifestObjects, renderManifests, toYaml } from '../../../src/main/engine/deploy/kubernetes/render';
import type { Container, KubeObject } from '../../../src/main/engine/deploy/kubernetes/types';
import { ENGINE_VERSION } from '../../../src/main/engine/version';
import { INPUT, SIGNER_KEY } from './fixtures';
import { schemaErrors } from './schema-check';

const DNS_LABEL = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Service and ConfigMap have no schema in the fixtures: their required fields, checked by hand. */
function checkService(o: KubeObject) {
  expect(o.apiVersion).toBe('v1');
  expect(o.kind).toBe('Service');
  expect(o.metadata.name).toMatch(DNS_LABEL);
  const spec = o.spec as { type: string; selector: Record<string, string>; ports: Array<{ name: string; port: number; targetPort: string | number; protocol: string }> };
  expect(['ClusterIP', 'NodePort', 'LoadBalancer']).toContain(spec.type);
  expect(Object.keys(spec.selector).length).toBeGreaterThan(0);
  expect(spec.ports.length).toBeGreaterThan(0);
  for (const p of spec.ports) {
    expect(Number.isInteger(p.port) && p.port > 0 && p.port < 65536).toBe(true);
    expect(p.name).toMatch(DNS_LABEL);
    expect(p.protocol).toBe('TCP');
  }
  expect(Object.keys(o).sort()).toEqual(['apiVersion', 'kind', 'metadata', 'spec']);
}

function checkConfigMap(o: KubeObject) {
  expect([o.apiVersion, o.kind]).toEqual(['v1', 'ConfigMap']);
  expect(o.metadata.name.length).toBeLessThanOrEqual(253);
  for (const [k, v] of Object.entries(o.data as Record<string, string>)) {
    expect(k).toMatch(/^[-._a-zA-Z0-9]+$/);
    expect(typeof v).toBe('string');
  }
  expect(Object.keys(o).sort()).toEqual(['apiVersion', 'data', 'kind', 'metadata']);
}

const server = (c: Container[]) => c.find((x) => x.name === 'server')!;

describe('renderManifests', () => {
  it('renders a Deployment and an autoscaler the Kubernetes 1.32 schemas accept, and a well-formed Service and ConfigMap', () => {
    const m = renderManifests(INPUT);
    expect(schemaErrors('deployment', m.deployment)).toEqual([]);
    expect(schemaErrors('hpa', m.hpa)).toEqual([]);
    checkService(m.service);
    checkConfigMap(m.configMap);
    expect(manifestObjects(m).map((o) => o.kind)).toEqual(['ConfigMap', 'Deployment', 'Service', 'HorizontalPodAutoscaler']);
  });

  it('is checked by schemas that bite: a misspelt field or a wrong type is caught', () => {
    const d = structuredClone(renderManifests(INPUT).deployment) as unknown as { spec: Record<string, unknown> & { template: { spec: { containers: Array<Record<string, unknown>> } } } };
    d.spec.template.spec.containers[0]!.livenessProbes = {};
    d.spec.revisionHistoryLimit = '5';
    const errors = schemaErrors('deployment', d);
    expect(errors.join('\n')).toContain('livenessProbes');
    expect(errors.join('\n')).toMatch(/revisionHistoryLimit must be integer/);
  });

  it('runs `mlcycle serve` on the fetched package with probes, metrics annotations and the standard labels', () => {
    const m = renderManifests(INPUT);
    const pod = m.deployment.spec.template;
    const c = server(pod.spec.containers);
    expect(c.image).toBe(DEFAULT_SERVER_IMAGE);
    expect(DEFAULT_SERVER_IMAGE).toBe(`ghcr.io/mlcycle/mlcycle-server:${ENGINE_VERSION}`);
    expect(c.args).toEqual(['/models/package.mlpkg', '--host', '0.0.0.0', '--port', '8080']);
    expect(c.readinessProbe!.httpGet.path).toBe('/v2/health/ready');
    expect(c.livenessProbe!.httpGet.path).toBe('/v2/health/live');
    expect(c.resources).toEqual({ requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '1Gi' } });
    expect(pod.metadata.annotations).toMatchObject({ 'prometheus.io/scrape': 'true', 'prometheus.io/port': '8080', 'prometheus.io/path': '/metrics' });
    expect(m.deployment.metadata.labels).toEqual({
      'app.kubernetes.io/name': 'churn-logistic',
      'app.kubernetes.io/version': '3',
      'app.kubernetes.io/component': 'model-server',
      'app.kubernetes.io/managed-by': 'mlcycle',
    });
    // The selector must not hold the version: it is immutable, and every deploy changes the version.
    expect(m.deployment.spec.selector.matchLabels).toEqual({ 'app.kubernetes.io/name': 'churn-logistic', 'app.kubernetes.io/managed-by': 'mlcycle' });
    expect(m.service.spec.selector).toEqual(m.deployment.spec.selector.matchLabels);
    expect(pod.metadata.labels).toMatchObject(m.deployment.spec.selector.matchLabels);
    const init = pod.spec.initContainers![0]!;
    expect(init.env).toEqual(expect.arrayContaining([{ name: 'PACKAGE_URL', value: INPUT.packageUrl }, { name: 'PACKAGE_SHA256', value: INPUT.packageSha256 }]));
    expect(m.configMap.data).toEqual({ 'ana.pub': `${SIGNER_KEY}\n` });
    expect(pod.spec.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 10001 });
  });

  it('leaves the replica count to an autoscaler that never goes below it, or sets it when there is none', () => {
    const withHpa = renderManifests({ ...INPUT, replicas: 4 });
    expect(withHpa.deployment.spec.replicas).toBeUndefined();
    // --replicas 4 asks for four pods: the autoscaler's floor, with room to double under load.
    expect(withHpa.hpa!.spec).toMatchObject({ minReplicas: 4, maxReplicas: 8, scaleTargetRef: { kind: 'Deployment', name: 'churn-logistic' } });
    expect(schemaErrors('hpa', withHpa.hpa)).toEqual([]);
    expect(renderManifests({ ...INPUT, replicas: 1 }).hpa!.spec).toMatchObject({ minReplicas: 1, maxReplicas: 3 });
    const none = renderManifests({ ...INPUT, replicas: 0 });
    expect([none.hpa, none.deployment.spec.replicas]).toEqual([null, 0]);
    const fixed = renderManifests({ ...INPUT, replicas: 4, hpa: null, resources: { limits: { memory: '2Gi' } } });
    expect(fixed.deployment.spec.replicas).toBe(4);
    expect(fixed.hpa).toBeNull();
    expect(server(fixed.deployment.spec.template.spec.containers).resources!.limits).toEqual({ cpu: '1', memory: '2Gi' });
    expect(schemaErrors('deployment', fixed.deployment)).toEqual([]);
    const custom = renderManifests({ ...INPUT, hpa: { minReplicas: 2, maxReplicas: 10, cpuUtilization: 60 } });
    expect(schemaErrors('hpa', custom.hpa)).toEqual([]);
  });

  it('rolls the pods when the package or the trusted keys change', () => {
    const a = renderManifests(INPUT).deployment.spec.template;
    const b = renderManifests({ ...INPUT, packageSha256: 'b'.repeat(64) }).deployment.spec.template;
    const c = renderManifests({ ...INPUT, trustedKeys: [...INPUT.trustedKeys, { name: 'bo', publicKey: Buffer.alloc(32, 9).toString('base64') }] }).deployment.spec.template;
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
    expect(c.metadata.annotations!['mlcycle.dev/trusted-keys-sha256']).not.toBe(a.metadata.annotations!['mlcycle.dev/trusted-keys-sha256']);
  });

  it.each([
    [{ namespace: 'Models' }, 'namespace'],
    [{ resourceName: '9lives' }, 'resourceName'],
    [{ packageSha256: 'abc' }, 'packageSha256'],
    [{ packageUrl: 'ftp://x/y.mlpkg' }, 'packageUrl'],
    [{ trustedKeys: [] }, 'trustedKeys'],
    [{ trustedKeys: [{ name: 'a b', publicKey: SIGNER_KEY }] }, 'trustedKeys'],
    [{ resources: { requests: { cpu: 'lots' } } }, 'resources.requests.cpu'],
    [{ hpa: { minReplicas: 3, maxReplicas: 2, cpuUtilization: 50 } }, 'hpa.maxReplicas'],
  ])('refuses %j in words, naming the field', (change, field) => {
    let thrown: unknown;
    try {
      renderManifests({ ...INPUT, ...change });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'INVALID_ARGUMENT' });
    if (field !== 'trustedKeys' || (thrown as { details?: { field?: string } }).details?.field) expect((thrown as { details: { field: string } }).details.field).toBe(field);
  });

  it('refuses a key that is not an ed25519 public key', () => {
    expect(() => renderManifests({ ...INPUT, trustedKeys: [{ name: 'x', publicKey: 'AAAA' }] })).toThrow(/32 bytes/);
  });

  it('prints one YAML document per object that parses back to the same objects', () => {
    const objects = manifestObjects(renderManifests(INPUT));
    const yaml = toYaml(objects);
    const docs = parseAllDocuments(yaml);
    expect(Array.isArray(docs) ? docs.length : 0).toBe(4);
    expect((docs as Array<{ toJS(): unknown }>).map((d) => d.toJS())).toEqual(JSON.parse(JSON.stringify(objects)));
  });
});

describe('names', () => {
  it.each([
    ['churn_logistic', 'churn-logistic'],
    ['logistic-on-churn.2', 'logistic-on-churn-2'],
    ['2024-model', 'm-2024-model'],
    ['__', 'm'],
  ])('kubernetesName(%s) = %s', (from, to) => expect(kubernetesName(from)).toBe(to));

  it('makes label values of versions', () => {
    expect(labelValue('1.2.3+build/7')).toBe('1.2.3-build-7');
    expect(labelValue('-x-')).toBe('x');
    expect(labelValue('a'.repeat(80))).toHaveLength(63);
  });
});

describe('renderInferenceService', () => {
  const input = { name: 'churn_logistic', version: '3', namespace: 'models', storageUri: 's3://models/churn' };

  it('asks KServe for onnx over protocol v2 from the storageUri, and both KServe schemas accept it', () => {
    const isvc = renderInferenceService(input);
    expect(isvc.spec.predictor.model).toMatchObject({ modelFormat: { name: 'onnx' }, protocolVersion: 'v2', storageUri: 's3://models/churn' });
    expect(schemaErrors('isvcSubset', isvc)).toEqual([]);
    expect(schemaErrors('isvcCrd', isvc)).toEqual([]);
    expect(isvc.metadata.name).toBe('churn-logistic');
    expect(kserveModelPath(input.name)).toBe('churn_logistic/1/model.onnx');
  });

  it('is checked against the CRD as the API server prunes: an undeclared field fails instead of vanishing', () => {
    const isvc = structuredClone(renderInferenceService(input)) as unknown as { spec: { predictor: { model: Record<string, unknown> } } };
    isvc.spec.predictor.model.storageURI = 's3://typo';
    expect(schemaErrors('isvcCrd', isvc).join('\n')).toContain('storageURI');
  });

  it('refuses a storageUri that is no URI', () => {
    expect(() => renderInferenceService({ ...input, storageUri: 'models/churn' })).toThrow(/storageUri/);
  });
});
