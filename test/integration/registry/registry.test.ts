import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPackage } from '../../../src/main/engine/signing/verify';
import type { ApiError } from '../../../src/shared/contract/errors';
import type { GateReport } from '../../../src/shared/governance/gates';
import type { ModelVersion } from '../../../src/shared/registry/models';
import type { ScoreResult } from '../../../src/shared/package/models';
import { succeeded, waitForJob } from '../../helpers/jobs';
import { tempDir } from '../../helpers/temp';
import { inProcess, type Connected } from '../../helpers/transports';
import { shopCsv } from '../package/shop-data';

const failure = async (call: Promise<unknown>): Promise<ApiError> => {
  try {
    await call;
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected the call to fail');
};

/**
 * The registry as a team uses it: runs become numbered versions of signed packages, aliases move
 * with a history, approvals carry the approver's role, and promotion to champion runs the gates.
 */
describe('model registry', () => {
  const tmp = tempDir();
  let api: Connected;
  const runs: Record<string, string> = {};

  const train = async (model: 'gbdt' | 'logistic', name: string, dataset = 'shop', exclude = ['tier', 'spend']) => {
    const started = await api.client.call('train.start', { dataset, model, params: model === 'gbdt' ? { nEstimators: 20, maxDepth: 3 } : {}, exclude, seed: 5, name });
    const ended = await waitForJob(api.client, started.job.id, (j) => j.status !== 'running' && j.status !== 'queued', 180_000);
    expect(ended.status, JSON.stringify(ended.error)).toBe('succeeded');
    runs[name] = started.run.id;
  };
  const register = async (run: string, extra: { model?: string; description?: string; tags?: string[] } = {}) => {
    const job = await api.client.call('registry.register', { run, ...extra });
    return waitForJob(api.client, job.id, (j) => j.status !== 'running' && j.status !== 'queued', 120_000);
  };

  beforeAll(async () => {
    api = await inProcess(path.join(tmp.dir, 'home'));
    await api.client.call('project.create', { dir: path.join(tmp.dir, 'project') });
    const file = path.join(tmp.dir, 'shop.csv');
    fs.writeFileSync(file, shopCsv(2000));
    await succeeded(api.client, await api.client.call('data.import', { source: { kind: 'csv', path: file }, options: { target: 'bought', profile: false } }));
    await train('gbdt', 'trees');
    await train('logistic', 'linear');
  }, 300_000);
  afterAll(async () => {
    await api.close();
    tmp.cleanup();
  });

  it('numbers versions per model, stores the parity report, and serves the package under the registry name and number', { timeout: 240_000 }, async () => {
    const first = await register('trees', { model: 'churn', description: 'boosted trees', tags: ['baseline'] });
    expect(first.status, JSON.stringify(first.error)).toBe('succeeded');
    const second = await register('linear', { model: 'churn' });
    expect(second.status, JSON.stringify(second.error)).toBe('succeeded');
    const [v1, v2] = [first.result as ModelVersion, second.result as ModelVersion];
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect(v1).toMatchObject({ model: 'churn', runName: 'trees', learner: 'gbdt', dataset: 'shop@1', description: 'boosted trees', tags: ['baseline'], createdBy: 'test-user' });
    expect(v1.parity).toMatchObject({ set: 'test', passed: true, labelMismatches: 0 });
    expect(v1.parity.maxAbsDiff).toBeLessThanOrEqual(1e-5);
    expect(v1.latencyP99Ms).toBeGreaterThan(0);
    expect(v1.testMetrics.roc_auc).toBeGreaterThan(0.5);

    // The stored package is signed and names itself as the registry does: a server reads these.
    const stored = readPackage(path.join(tmp.dir, 'project', 'artifacts', v2.packageSha256.slice(0, 2), v2.packageSha256));
    const signature = JSON.parse(Buffer.from(stored.contents.get('signature.json')!).toString());
    const exported = path.join(tmp.dir, 'v2.mlpkg');
    await api.client.call('registry.export', { model: 'churn', version: 2, out: exported });
    const fromExport = JSON.parse(Buffer.from(readPackage(exported).contents.get('signature.json')!).toString());
    expect(fromExport).toMatchObject({ model: 'churn', version: '2' });
    expect(signature).toEqual(fromExport);
    expect(await api.client.call('package.verify', { path: exported })).toMatchObject({ ok: true });

    const models = await api.client.call('registry.list', {});
    expect(models).toEqual([expect.objectContaining({ name: 'churn', versions: 2, latestVersion: 2, aliases: {} })]);
    const listed = await api.client.call('registry.versions', { model: 'churn' });
    expect(listed.map((v) => v.version)).toEqual([2, 1]);
    expect((await api.client.call('registry.ofRun', { run: 'linear' })).map((v) => `${v.model} v${v.version}`)).toEqual(['churn v2']);
  });

  it('shows a version with its card, gates and lineage from dataset to version', async () => {
    const detail = await api.client.call('registry.version', { model: 'churn', version: 1 });
    expect(detail.modelCard).toMatch(/^# /m);
    expect(detail.lineage.nodes.map((n) => n.kind)).toEqual(['dataset', 'split', 'run', 'package', 'version']);
    expect(detail.lineage.edges).toHaveLength(4);
    expect(detail.lineage.nodes.at(-1)!.label).toBe('churn v1');
    expect(detail.gates.gates.map((g) => g.gate)).toEqual(['primary_metric', 'latency', 'model_size', 'fairness', 'parity', 'approvals']);
    expect(detail.gates.gates.find((g) => g.gate === 'parity')!.passed).toBe(true);
    expect(detail.gates.passed).toBe(false);
  });

  it('moves aliases with a history, and keeps the champion alias for promotion', async () => {
    await api.client.call('registry.alias', { model: 'churn', alias: 'challenger', version: 2 });
    const moved = await api.client.call('registry.alias', { model: 'churn', alias: 'challenger', version: 1 });
    expect(moved.aliases).toEqual({ challenger: 1 });
    const byAlias = await api.client.call('registry.version', { model: 'churn', version: 'challenger' });
    expect(byAlias.version.version).toBe(1);
    expect(byAlias.aliasHistory.slice(0, 2)).toEqual([expect.objectContaining({ alias: 'challenger', version: 1, previous: 2, by: 'test-user' }), expect.objectContaining({ alias: 'challenger', version: 2, previous: null })]);
    const champion = await failure(api.client.call('registry.alias', { model: 'churn', alias: 'champion', version: 1 }));
    expect(champion.message).toMatch(/production alias: promote/);
    expect((await api.client.call('registry.alias', { model: 'churn', alias: 'challenger', version: null })).aliases).toEqual({});
    expect((await failure(api.client.call('registry.version', { model: 'churn', version: 'challenger' }))).code).toBe('NOT_FOUND');
  });

  it('refuses a promotion naming each failed gate, records the refusal, then promotes once the gates pass', { timeout: 60_000 }, async () => {
    const refused = await failure(api.client.call('registry.promote', { model: 'churn', version: 1 }));
    expect(refused.code).toBe('GATE_FAILED');
    expect(refused.message).toMatch(/primary metric — The objective sets no primary metric/);
    expect(refused.message).toMatch(/approvals — Needs 1 approval from a reviewer; has 0/);
    expect((refused.details!.gates as GateReport).passed).toBe(false);
    const audit = await api.client.call('audit.list', { limit: 5 });
    expect(audit[0]).toMatchObject({ action: 'registry.promote', target: 'churn v1', outcome: 'error' });

    // Approvals carry a role from the project's people, and count once per person.
    expect((await failure(api.client.call('registry.approve', { model: 'churn', version: 1 }))).message).toMatch(/'test-user', who is not in this project's people/);
    const me = await api.client.call('people.save', { person: { name: 'test-user', role: 'data_scientist' } });
    expect((await failure(api.client.call('registry.approve', { model: 'churn', version: 1 }))).message).toMatch(/data scientist; the project's policy counts approvals only from a reviewer/);
    await api.client.call('people.save', { person: { id: me.id, name: 'test-user', role: 'reviewer' } });
    const approval = await api.client.call('registry.approve', { model: 'churn', version: 1, comment: 'AUC holds on the test split' });
    expect(approval).toMatchObject({ by: 'test-user', role: 'reviewer', comment: 'AUC holds on the test split' });
    expect((await failure(api.client.call('registry.approve', { model: 'churn', version: 1 }))).code).toBe('CONFLICT');

    const current = await api.client.call('objective.get', {});
    await api.client.call('objective.set', { objective: { ...current.value, task: 'binary', target: 'bought', primaryMetric: { metric: 'roc_auc', threshold: 0.6 } }, note: 'registry test' });
    const promoted = await api.client.call('registry.promote', { model: 'churn', version: 1 });
    expect(promoted).toMatchObject({ alias: 'champion', previous: null, gates: { passed: true }, version: { version: 1, aliases: ['champion'] } });
    expect((await failure(api.client.call('registry.promote', { model: 'churn', version: 'champion' }))).code).toBe('CONFLICT');

    // Version 2 needs its own approval; promoting it moves the champion and says from where.
    expect((await failure(api.client.call('registry.promote', { model: 'churn', version: 2 }))).message).toMatch(/approvals/);
    await api.client.call('registry.approve', { model: 'churn', version: 2 });
    const next = await api.client.call('registry.promote', { model: 'churn', version: 2 });
    expect(next).toMatchObject({ previous: 1, version: { version: 2, aliases: ['champion'] } });
    expect((await api.client.call('registry.list', {}))[0]!.aliases).toEqual({ champion: 2 });
  });

  it('exports a version as a folder or .mlpkg that verifies, and never over an existing one', async () => {
    const folder = path.join(tmp.dir, 'champion-pkg');
    await api.client.call('registry.export', { model: 'churn', version: 'champion', out: folder });
    expect(fs.readdirSync(folder)).toContain('manifest.json');
    expect(await api.client.call('package.verify', { path: folder })).toMatchObject({ ok: true, files: 6 });
    expect((await failure(api.client.call('registry.export', { model: 'churn', version: 1, out: folder }))).code).toBe('CONFLICT');
    expect((await failure(api.client.call('registry.export', { model: 'churn', version: 9, out: path.join(tmp.dir, 'x.mlpkg') }))).message).toMatch(/no version 9/);
  });

  it('scores a file through a registered version', { timeout: 60_000 }, async () => {
    const input = path.join(tmp.dir, 'to-score.csv');
    fs.writeFileSync(input, shopCsv(300));
    const out = path.join(tmp.dir, 'scores.csv');
    const done = await succeeded(api.client, await api.client.call('registry.score', { model: 'churn', version: 'champion', input, out }));
    expect(done.result as ScoreResult).toMatchObject({ rows: 300, scored: 300, invalid: 0 });
    expect(fs.readFileSync(out, 'utf8').split('\n')[0]).toBe('row,label,p_false,p_true,error');
  });

  it('sets descriptions and tags on a model and a version', async () => {
    const model = await api.client.call('registry.describe', { model: 'churn', description: 'Who buys', tags: ['shop', 'shop', 'q4'] });
    expect(model).toMatchObject({ description: 'Who buys', tags: ['shop', 'q4'] });
    const version = await api.client.call('registry.describe', { model: 'churn', version: 2, tags: ['candidate'] });
    expect(version).toMatchObject({ version: 2, tags: ['candidate'] });
  });

  it('registers nothing when the exported graph does not reproduce the model, naming the worst rows', { timeout: 240_000 }, async () => {
    // float32 graph inputs hold about 7 significant digits: 1e8 + a signal below 10 loses the signal.
    let seed = 1;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const rows = Array.from({ length: 800 }, () => {
      const u = random() * 10;
      return `${(1e8 + u).toFixed(4)},${random().toFixed(3)},${u > 5 ? 'yes' : 'no'}`;
    });
    const file = path.join(tmp.dir, 'wide.csv');
    fs.writeFileSync(file, `x,noise,y\n${rows.join('\n')}\n`);
    await succeeded(api.client, await api.client.call('data.import', { source: { kind: 'csv', path: file }, options: { target: 'y', profile: false } }));
    await train('logistic', 'precise', 'wide', []);
    const ended = await register('precise');
    expect(ended.status).toBe('failed');
    expect(ended.error!.message).toMatch(/does not match the in-app model on \d+ of \d+ test rows .*Worst: row \d+: in-app/);
    expect(ended.error!.message).toMatch(/Column x varies by about 2\.\d around 1\.00e\+8, finer than float32 .* subtract an offset/);
    expect((await api.client.call('registry.list', {})).map((m) => m.name)).toEqual(['churn']);
    // Nothing half-written is left in the artifacts folder.
    expect(fs.readdirSync(path.join(tmp.dir, 'project', 'artifacts')).filter((f) => f.includes('registry'))).toEqual([]);
  });
});
