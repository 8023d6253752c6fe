import { describe, expect, it } from 'vitest';
import { deployInferenceService, deployToKubernetes, statusOfKubernetes, undeployFromKubernetes, type StepOutcome } from '../../../src/main/engine/deploy/kubernetes/deploy-kubernetes';
import { manifestObjects, renderManifests } from '../../../src/main/engine/deploy/kubernetes/render';
import { rolloutStatusOf } from '../../../src/main/engine/deploy/kubernetes/rollout';
import { oipRequest, smokeProblem } from '../../../src/main/engine/deploy/kubernetes/smoke';
import type { Deployment } from '../../../src/main/engine/deploy/kubernetes/types';
import { FakeKubeClient } from './fake-kube-client';
import { INPUT, SMOKE } from './fixtures';

const GOOD = JSON.stringify({
  model_name: 'churn_logistic',
  outputs: [
    { name: 'label', datatype: 'BYTES', shape: [2], data: ['no', 'yes'] },
    { name: 'probabilities', datatype: 'FP32', shape: [2, 2], data: [0.9, 0.1, 0.2, 0.8] },
  ],
});

/** A clock that moves only when the deploy sleeps, so timeouts take no real time. */
function clock() {
  let t = 0;
  return { now: () => t, sleep: async (ms: number) => void (t += ms) };
}

function recorder() {
  const steps: Array<[string, StepOutcome, string]> = [];
  return { steps, onStep: (step: string, outcome: StepOutcome, message: string) => void steps.push([step, outcome, message]), outcomes: () => steps.filter(([, o]) => o !== 'started').map(([s, o]) => `${s}:${o}`) };
}

const deploymentIn = (k: FakeKubeClient) => k.objects.get(FakeKubeClient.key('apps/v1', 'Deployment', 'models', 'churn-logistic')) as Deployment | undefined;

describe('deployToKubernetes', () => {
  it('applies, waits for the rollout and smoke-tests through the Service', async () => {
    const k = new FakeKubeClient();
    k.answer = () => ({ status: 200, body: GOOD });
    const r = recorder();
    const result = await deployToKubernetes(k, INPUT, SMOKE, r.onStep, clock());
    expect(result).toMatchObject({ ok: true, failedStep: null, rolledBack: null, service: { namespace: 'models', name: 'churn-logistic', port: 8080 } });
    expect(r.outcomes()).toEqual(['check:ok', 'apply:ok', 'rollout:ok', 'smoke-test:ok']);
    expect(k.calls).toEqual(['apply ConfigMap churn-logistic-trusted-keys', 'apply Deployment churn-logistic', 'apply Service churn-logistic', 'apply HorizontalPodAutoscaler churn-logistic']);
    expect(k.posted).toEqual([{ service: 'churn-logistic', port: 'http', path: '/v2/models/churn_logistic/infer', body: oipRequest(SMOKE) }]);
    expect(oipRequest(SMOKE).inputs).toEqual([
      { name: 'tenure', datatype: 'FP32', shape: [2, 1], data: [12, null] },
      { name: 'plan', datatype: 'BYTES', shape: [2, 1], data: ['basic', 'pro'] },
    ]);
  });

  it('skips the smoke test when no rows are given', async () => {
    const r = recorder();
    const result = await deployToKubernetes(new FakeKubeClient(), INPUT, null, r.onStep, clock());
    expect(result.ok).toBe(true);
    expect(r.outcomes()).toContain('smoke-test:skipped');
  });

  it('on a first deploy that never rolls out, times out and deletes everything it created', async () => {
    const k = new FakeKubeClient();
    k.rollout = 'stuck';
    const r = recorder();
    const result = await deployToKubernetes(k, INPUT, SMOKE, r.onStep, { ...clock(), timeoutMs: 60_000, pollMs: 5_000 });
    expect(result).toMatchObject({ ok: false, failedStep: 'rollout', rolledBack: 'deleted' });
    expect(result.message).toMatch(/not ready after 60 s/);
    expect(r.outcomes()).toEqual(['check:ok', 'apply:ok', 'rollout:failed', 'rollback:ok']);
    expect(k.objects.size).toBe(0);
    expect(k.calls.slice(-4)).toEqual(['delete HorizontalPodAutoscaler churn-logistic', 'delete Service churn-logistic', 'delete Deployment churn-logistic', 'delete ConfigMap churn-logistic-trusted-keys']);
    expect(k.posted).toEqual([]);
  });

  it('stops waiting at once when the controller reports ProgressDeadlineExceeded', async () => {
    const k = new FakeKubeClient();
    k.rollout = 'deadline';
    const c = clock();
    const result = await deployToKubernetes(k, INPUT, null, () => {}, { ...c, timeoutMs: 600_000 });
    expect(result.message).toMatch(/timed out progressing/);
    expect(c.now()).toBe(0);
  });

  it('when the smoke test fails, re-applies the previous version’s spec', async () => {
    const k = new FakeKubeClient();
    const previous = renderManifests({ ...INPUT, version: '2', packageSha256: 'c'.repeat(64) });
    for (const o of manifestObjects(previous)) k.seed(o);
    deploymentIn(k)!.spec.replicas = 3; // scaled by the autoscaler since
    k.answer = () => ({ status: 200, body: JSON.stringify({ outputs: [{ name: 'label', shape: [1], data: ['no'] }] }) });
    const r = recorder();
    const result = await deployToKubernetes(k, INPUT, SMOKE, r.onStep, clock());
    expect(result).toMatchObject({ ok: false, failedStep: 'smoke-test', rolledBack: 'previous' });
    expect(result.message).toMatch(/label' has shape \[1\]; 2 rows were sent.*previous version was restored/);
    expect(r.outcomes()).toEqual(['check:ok', 'apply:ok', 'rollout:ok', 'smoke-test:failed', 'rollback:ok']);
    const d = deploymentIn(k)!;
    expect(d.spec.template.metadata.annotations!['mlcycle.dev/package-sha256']).toBe('c'.repeat(64));
    expect(d.metadata.labels!['app.kubernetes.io/version']).toBe('2');
    // Re-applied without what the server sets, and without taking the replica count from the autoscaler.
    const lastApply = k.calls.filter((c) => c.startsWith('apply Deployment')).length;
    expect(lastApply).toBe(2);
    expect(d.metadata).not.toHaveProperty('uid');
    expect(d.metadata.annotations).not.toHaveProperty(['deployment.kubernetes.io/revision']);
    expect(d.spec.replicas).toBe(3);
    expect(k.objects.size).toBe(4);
  });

  it('deletes only what is new when the previous version had no autoscaler', async () => {
    const k = new FakeKubeClient();
    for (const o of manifestObjects(renderManifests({ ...INPUT, version: '2', hpa: null }))) k.seed(o);
    k.answer = () => ({ status: 500, body: 'boom' });
    const result = await deployToKubernetes(k, INPUT, SMOKE, () => {}, clock());
    expect(result).toMatchObject({ ok: false, rolledBack: 'previous' });
    expect(result.message).toMatch(/HTTP 500: boom/);
    expect([...k.objects.keys()].some((key) => key.includes('HorizontalPodAutoscaler'))).toBe(false);
    expect(deploymentIn(k)!.metadata.labels!['app.kubernetes.io/version']).toBe('2');
  });

  it('when an apply is refused half way, removes what the deploy had created', async () => {
    const k = new FakeKubeClient();
    k.failApply = (o) => o.kind === 'Service';
    const result = await deployToKubernetes(k, INPUT, SMOKE, () => {}, clock());
    expect(result).toMatchObject({ ok: false, failedStep: 'apply', rolledBack: 'deleted' });
    expect(result.message).toMatch(/Applying Service models\/churn-logistic failed: admission webhook denied/);
    expect(k.objects.size).toBe(0);
  });

  it('refuses to touch objects of the same name that MLCycle does not manage', async () => {
    const k = new FakeKubeClient();
    const theirs = renderManifests(INPUT).deployment;
    theirs.metadata.labels = { app: 'someone-elses' };
    k.seed(theirs);
    await expect(deployToKubernetes(k, INPUT, SMOKE, () => {}, clock())).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(k.calls).toEqual([]);
  });

  it('rolls back when cancelled', async () => {
    const k = new FakeKubeClient();
    k.rollout = 'stuck';
    const abort = new AbortController();
    const c = clock();
    const result = await deployToKubernetes(k, INPUT, SMOKE, () => {}, { ...c, sleep: async (ms) => (await c.sleep(ms), abort.abort()), signal: abort.signal });
    expect(result).toMatchObject({ ok: false, rolledBack: 'deleted' });
    expect(result.message).toMatch(/cancelled/);
  });
});

describe('undeploy and status', () => {
  it('reports what runs, and undeploys only what MLCycle manages', async () => {
    const k = new FakeKubeClient();
    for (const o of manifestObjects(renderManifests(INPUT))) k.seed(o);
    k.answer = (path) => ({ status: path === '/v2/health/ready' ? 200 : 404, body: '' });
    const status = await statusOfKubernetes(k, { namespace: 'models', name: 'churn_logistic' }, true);
    expect(status).toMatchObject({ deployed: true, version: '3', packageSha256: 'a'.repeat(64), serving: true, autoscaler: { minReplicas: 1, maxReplicas: 3 } });
    expect(status.rollout!.ready).toBe(true);
    expect(status.image).toMatch(/^ghcr\.io\/mlcycle\/mlcycle-server:/);

    const svc = k.objects.get(FakeKubeClient.key('v1', 'Service', 'models', 'churn-logistic'))!;
    svc.metadata.labels = { app: 'hand-made' };
    const gone = await undeployFromKubernetes(k, { namespace: 'models', name: 'churn_logistic' });
    expect(gone.deleted).toEqual(['HorizontalPodAutoscaler churn-logistic', 'Deployment churn-logistic', 'ConfigMap churn-logistic-trusted-keys']);
    expect(gone.leftAlone).toEqual(['Service churn-logistic']);
    expect(await statusOfKubernetes(k, { namespace: 'models', name: 'churn_logistic' })).toMatchObject({ deployed: false });
  });
});

describe('deployInferenceService', () => {
  const input = { name: 'churn_logistic', version: '3', namespace: 'models', storageUri: 's3://models/churn' };

  it('waits for KServe’s Ready condition, then smoke-tests the predictor', async () => {
    const k = new FakeKubeClient();
    let gets = 0;
    const get = k.get.bind(k);
    k.get = async (...args) => {
      const o = await get(...args);
      if (o && ++gets >= 3) o.status = { conditions: [{ type: 'Ready', status: 'True' }] };
      return o;
    };
    k.answer = () => ({ status: 200, body: GOOD });
    const result = await deployInferenceService(k, input, SMOKE, () => {}, clock());
    expect(result.ok).toBe(true);
    expect(k.posted[0]).toMatchObject({ service: 'churn-logistic-predictor', port: 80, path: '/v2/models/churn_logistic/infer' });
  });

  it('deletes a first InferenceService that never gets ready', async () => {
    const k = new FakeKubeClient();
    const result = await deployInferenceService(k, input, null, () => {}, { ...clock(), timeoutMs: 10_000 });
    expect(result).toMatchObject({ ok: false, failedStep: 'rollout', rolledBack: 'deleted' });
    expect(k.objects.size).toBe(0);
  });
});

describe('rolloutStatusOf and smokeProblem', () => {
  const d = (status: Deployment['status'], generation = 2, replicas = 2) => ({ ...renderManifests({ ...INPUT, hpa: null, replicas }).deployment, metadata: { name: 'x', generation }, status }) as Deployment;

  it.each([
    [d({ observedGeneration: 1 }), false, /controller to see/],
    [d({ observedGeneration: 2, updatedReplicas: 1, replicas: 3 }), false, /1 of 2 replicas run the new version/],
    [d({ observedGeneration: 2, updatedReplicas: 2, replicas: 3, availableReplicas: 2 }), false, /1 old replicas are still stopping/],
    [d({ observedGeneration: 2, updatedReplicas: 2, replicas: 2, availableReplicas: 1 }), false, /1 of 2 new replicas are available/],
    [d({ observedGeneration: 2, updatedReplicas: 2, replicas: 2, availableReplicas: 2 }), true, /2 of 2 replicas/],
  ])('reads a rollout as kubectl does (%#)', (deployment, ready, message) => {
    const s = rolloutStatusOf(deployment);
    expect(s.ready).toBe(ready);
    expect(s.message).toMatch(message);
  });

  it('names what is wrong with an answer', () => {
    expect(smokeProblem(SMOKE, 200, GOOD)).toBeNull();
    expect(smokeProblem(SMOKE, 400, 'unknown input')).toMatch(/HTTP 400: unknown input/);
    expect(smokeProblem(SMOKE, 200, '<html>')).toMatch(/not with JSON/);
    expect(smokeProblem(SMOKE, 200, JSON.stringify({ outputs: [{ name: 'label', shape: [2] }] }))).toMatch(/no 'probabilities' output/);
  });
});
