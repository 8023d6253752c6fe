import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '../../../src/shared/client';
import type { Job } from '../../../src/shared/contract/models';
import type { Deployment } from '../../../src/shared/deploy/models';
import { RETRAIN_STEPS, type RetrainOutcome } from '../../../src/shared/monitor/retrain';
import { request } from '../../helpers/http';
import { waitForJob } from '../../helpers/jobs';
import { tempDir } from '../../helpers/temp';
import { inProcess, type Connected } from '../../helpers/transports';
import { shopCsv } from '../package/shop-data';

/** Jobs on a busy two-core machine take a while: wait up to 4 minutes for one to end. */
async function ended(client: Client, job: { id: string }): Promise<Job> {
  return waitForJob(client, job.id, (j) => j.status !== 'running' && j.status !== 'queued', 240_000);
}
async function succeeded(client: Client, job: { id: string }): Promise<Job> {
  const done = await ended(client, job);
  if (done.status !== 'succeeded') throw new Error(`${done.title}: ${done.status} ${JSON.stringify(done.error)}`);
  return done;
}

/** Pairwise ROC AUC, by brute force: the share of (positive, negative) pairs ranked right, ties counting half. */
function bruteAuc(scores: number[], positive: boolean[]): number {
  let right = 0;
  let pairs = 0;
  scores.forEach((p, i) => {
    if (!positive[i]) return;
    scores.forEach((n, j) => {
      if (positive[j]) return;
      pairs++;
      right += p > n ? 1 : p === n ? 0.5 : 0;
    });
  });
  return right / pairs;
}

/**
 * Traffic after a concept shift: `a` far above anything the champion trained on (0–10), where the
 * truth now depends on `a` alone (true from 25 up). The champion cannot tell these rows apart by
 * `a` (its trees put every one beside a = 10), so its ranking is near chance; a model that saw
 * labeled rows from here can learn the new rule.
 */
function shiftedRequests(requests: number, rows: number, seed = 11) {
  let s = seed;
  const rand = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const plans = ['basic', 'plus', 'pro', 'team'];
  return Array.from({ length: requests }, (_r, k) => {
    const a = Array.from({ length: rows }, () => 20 + rand() * 10);
    const body = {
      id: `shift-${k}`,
      inputs: [
        { name: 'a', shape: [rows, 1], datatype: 'FP32', data: a },
        { name: 'year', shape: [rows, 1], datatype: 'FP32', data: a.map(() => 1990 + rand() * 30) },
        { name: 'plan', shape: [rows, 1], datatype: 'BYTES', data: a.map(() => plans[Math.floor(rand() * 4)]!) },
        { name: 'flag', shape: [rows, 1], datatype: 'BYTES', data: a.map(() => String(rand() < 0.5)) },
      ],
    };
    // The import reads the shop's yes/no target as a boolean: its classes are false and true.
    return { body, labels: a.map((v) => String(v >= 25)) };
  });
}

/** The retrain loop on a real local deployment: labeled served rows → a new dataset version → the champion's recipe re-run → compared → promoted → redeployed. */
describe('monitoring: retraining from labeled served rows', () => {
  const tmp = tempDir();
  let api: Connected;
  let url: string;
  let originalVersionId: string;
  let championRun: { id: string; model: string; params: Record<string, unknown> };
  /** What the champion's server answered for each labeled row, oldest first: P(true) and the truth. */
  const served: Array<{ pYes: number; yes: boolean }> = [];
  const REQUESTS = 8;
  const ROWS = 50;

  beforeAll(async () => {
    api = await inProcess(path.join(tmp.dir, 'home'));
    await api.client.call('project.create', { dir: path.join(tmp.dir, 'project') });
    const csv = path.join(tmp.dir, 'shop.csv');
    fs.writeFileSync(csv, shopCsv(600));
    const imported = await succeeded(api.client, await api.client.call('data.import', { source: { kind: 'csv', path: csv }, options: { target: 'bought', profile: false } }));
    originalVersionId = (imported.result as { versionId: string }).versionId;
    const started = await api.client.call('train.start', { dataset: 'shop', model: 'gbdt', params: { nEstimators: 20, maxDepth: 3 }, exclude: ['tier', 'spend'], seed: 5, name: 'trees' });
    await succeeded(api.client, started.job);
    championRun = { id: started.run.id, model: started.run.model, params: started.run.params };
    await succeeded(api.client, await api.client.call('registry.register', { run: started.run.id, model: 'churn' }));
    await api.client.call('objective.set', { objective: { task: 'binary', target: 'bought', primaryMetric: { metric: 'roc_auc', threshold: 0.5 } } });
    await api.client.call('targets.add', { name: 'laptop', config: { kind: 'local', port: 0 } });
    const deployed = await succeeded(api.client, await api.client.call('deploy.start', { target: 'laptop', model: 'churn', version: 1 }));
    url = new URL((deployed.result as Deployment).url!).origin;

    // Served one request after another (so each is newer than the last), then collected and labeled.
    const lines = ['request_id,row,label'];
    for (const { body, labels } of shiftedRequests(REQUESTS, ROWS)) {
      const reply = await request(url, 'POST', '/v2/models/churn/infer', body);
      expect(reply.status).toBe(200);
      const probabilities = (reply.body.outputs as Array<{ name: string; data: number[] }>).find((o) => o.name === 'probabilities')!.data;
      labels.forEach((label, row) => {
        // Classes in the order the package lists them: false, true.
        served.push({ pYes: probabilities[2 * row + 1]!, yes: label === 'true' });
        lines.push(`${body.id},${row},${label}`);
      });
    }
    expect((await api.client.call('monitor.collect', { target: 'laptop' }))[0]).toMatchObject({ ok: true });
    const labelsFile = path.join(tmp.dir, 'labels.csv');
    fs.writeFileSync(labelsFile, `${lines.join('\n')}\n`);
    expect(await api.client.call('monitor.labels.add', { target: 'laptop', path: labelsFile, rowColumn: 'row' })).toMatchObject({ added: REQUESTS * ROWS, matched: REQUESTS * ROWS });
  }, 400_000);
  afterAll(async () => {
    await api.client.call('deploy.undeploy', { target: 'laptop' }).catch(() => {});
    await api.close();
    tmp.cleanup();
  });

  // 400 labeled rows: 30% is 120, above the policy's default minimum window of 100 rows, so the newest 120 are held out.
  const LABELED = REQUESTS * ROWS;
  const HELD_OUT = 120;

  it('stops between steps when cancelled, keeping what it made', async () => {
    const runsBefore = (await api.client.call('runs.list', { limit: 100 })).length;
    const job = await api.client.call('monitor.retrain', { target: 'laptop' });
    expect(job).toMatchObject({ kind: 'monitor.retrain', status: 'running' });
    await api.client.call('jobs.cancel', { id: job.id });
    const done = await ended(api.client, job);
    expect(done.status).toBe('cancelled');
    expect(done.error?.message).toMatch(/cancelled before/);
    expect((await api.client.call('runs.list', { limit: 100 })).length).toBe(runsBefore);
  }, 120_000);

  it('retrains the champion’s recipe on the labeled rows, compares on held-out rows only, and stops at the gates that are not met', async () => {
    const job = await api.client.call('monitor.retrain', { target: 'laptop' });
    const logs: string[] = [];
    const phases = new Set<string>();
    const stop = api.client.on('job.updated', (j) => {
      if (j.id === job.id && j.phase) phases.add(j.phase.split(':')[0]!);
    });
    const done = await succeeded(api.client, job);
    stop();
    for (const line of await api.client.call('jobs.log', { id: job.id })) logs.push(line.message);
    const r = done.result as RetrainOutcome;

    // a. A new version of the dataset: the 600 original rows and the 280 older labeled rows, its parent the original.
    const { version } = await api.client.call('data.show', { ref: r.datasetVersionId });
    expect(version).toMatchObject({ datasetName: 'shop', version: 2, parentId: originalVersionId, rows: 600 + (LABELED - HELD_OUT), target: 'bought' });
    expect(JSON.stringify(version.source)).toContain("laptop's labels");
    expect(r.rows).toEqual({ labeled: LABELED, training: LABELED - HELD_OUT, heldOut: HELD_OUT, original: 600 });

    // b. The challenger run: the champion's learner and parameters, on that version and the champion's split settings.
    const run = await api.client.call('runs.get', { id: r.runId });
    expect(run).toMatchObject({ status: 'succeeded', model: championRun.model, params: championRun.params, versionId: r.datasetVersionId, splitId: r.splitId, seed: 5 });
    const [split] = (await api.client.call('data.splits', { ref: r.datasetVersionId })).filter((s) => s.id === r.splitId);
    expect(split).toMatchObject({ strategy: 'stratified', column: 'bought', ratios: [0.8, 0.2], seed: 5 });

    // c. Registered as the model's next version, and compared on the 120 newest rows only: the champion's
    // value is the brute-force AUC of what its server answered for exactly those rows.
    expect(r.challenger).toEqual({ model: 'churn', version: 2 });
    const v2 = await api.client.call('registry.version', { model: 'churn', version: 2 });
    expect(v2.version.runId).toBe(r.runId);
    expect(v2.version.parity.passed).toBe(true);
    const newest = served.slice(-HELD_OUT);
    expect(r.comparison).toMatchObject({ metric: 'roc_auc', higherIsBetter: true, rows: HELD_OUT, winner: 'challenger' });
    expect(r.comparison.champion).toBeCloseTo(bruteAuc(newest.map((s) => s.pYes), newest.map((s) => s.yes)), 6);
    // Had the comparison used every labeled row, the champion's value would differ.
    expect(bruteAuc(served.map((s) => s.pYes), served.map((s) => s.yes))).not.toBeCloseTo(r.comparison.champion!, 6);
    expect(r.comparison.challenger!).toBeGreaterThan(r.comparison.champion!);

    // d. The policy wants a reviewer's approval: the job ends well, awaiting that gate; v2 stays registered, v1 stays live.
    expect(r).toMatchObject({ outcome: 'awaiting gates', promoted: false, gatesFailed: ['approvals'], deploymentId: null });
    expect(r.steps.map((s) => [s.step, s.outcome])).toEqual([
      ['data', 'ok'],
      ['train', 'ok'],
      ['register', 'ok'],
      ['compare', 'ok'],
      ['promote', 'refused'],
      ['deploy', 'skipped'],
    ]);
    expect(r.steps.find((s) => s.step === 'promote')!.message).toMatch(/approval/);
    expect(v2.version.aliases).not.toContain('champion');
    expect((await api.client.call('deploy.status', { target: 'laptop' })).deployment).toMatchObject({ model: 'churn', version: 1, status: 'live' });
    // Progress names the steps it is in; updates are coalesced, so a short step (data, register, compare) may not
    // show on a busy machine, but training always does. The log has every step.
    expect(phases).toContain('train');
    const stepPhases = [...phases].filter((p) => (RETRAIN_STEPS as readonly string[]).includes(p));
    expect(stepPhases).toEqual(RETRAIN_STEPS.filter((step) => phases.has(step)));
    for (const step of ['data', 'train', 'register', 'compare', 'promote', 'deploy']) expect(logs.some((l) => l.startsWith(`${step}: `))).toBe(true);

    // The decision log and the audit log carry the comparison and the refusal.
    const decisions = await api.client.call('decisions.list', {});
    expect(decisions.some((d) => d.title.includes('challenger v2 beats v1') && d.links.some((l) => l.kind === 'run' && l.ref === r.runId))).toBe(true);
    expect(decisions.some((d) => d.title.includes('awaits the promotion gates (approvals)'))).toBe(true);
    const audit = await api.client.call('audit.list', { limit: 200 });
    expect(audit.some((e) => e.action === 'monitor.retrain.compare')).toBe(true);
    expect(audit.some((e) => e.action === 'registry.promote' && e.outcome === 'error')).toBe(true);
  }, 400_000);

  it('promotes a winning challenger and redeploys it to the same target when the policy needs no approval', async () => {
    const { value: policy } = await api.client.call('policy.get', {});
    await api.client.call('policy.set', { policy: { ...policy, promotion: { ...policy.promotion, approvals: { required: 0, roles: ['reviewer'] } } } });
    const job = await api.client.call('monitor.retrain', { target: 'laptop', includeOriginal: false });
    const r = (await succeeded(api.client, job)).result as RetrainOutcome;

    // Only the 280 older labeled rows this time.
    expect(r.rows).toEqual({ labeled: LABELED, training: LABELED - HELD_OUT, heldOut: HELD_OUT, original: 0 });
    expect((await api.client.call('data.show', { ref: r.datasetVersionId })).version).toMatchObject({ version: 3, parentId: originalVersionId, rows: LABELED - HELD_OUT });
    expect(r.challenger).toEqual({ model: 'churn', version: 3 });
    expect(r.comparison).toMatchObject({ rows: HELD_OUT, winner: 'challenger' });
    expect(r).toMatchObject({ outcome: 'redeployed', promoted: true, gatesFailed: [] });
    expect((await api.client.call('registry.version', { model: 'churn', version: 'champion' })).version.version).toBe(3);

    // The target serves v3 now: the deployment is live, and the server itself answers with v3.
    expect(r.deploymentId).not.toBeNull();
    const status = await api.client.call('deploy.status', { target: 'laptop' });
    expect(status.deployment).toMatchObject({ id: r.deploymentId, model: 'churn', version: 3, status: 'live' });
    const meta = await request(url, 'GET', '/v2/models/churn');
    expect(meta.status).toBe(200);
    expect(meta.body.versions).toContain('3');
    const { body } = shiftedRequests(1, 3, 99)[0]!;
    expect((await request(url, 'POST', '/v2/models/churn/infer', body)).body.model_version).toBe('3');
  }, 400_000);
});
