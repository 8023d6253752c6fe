import fs from 'node:fs';
import path from 'node:path';
import ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PackageResult } from '../../../src/shared/package/models';
import type { Run } from '../../../src/shared/train/models';
import { succeeded, waitForJob } from '../../helpers/jobs';
import { tempDir } from '../../helpers/temp';
import { inProcess, type Connected } from '../../helpers/transports';
import { shopCsv } from './shop-data';

/**
 * A finished run becomes a signed package, as a folder and as one .mlpkg: every file the
 * deployment team needs, a manifest that verifies with the author's key, and a model.onnx that
 * answers the README's example request.
 */
describe('model packages', () => {
  const tmp = tempDir();
  let api: Connected;
  let run: Run;

  beforeAll(async () => {
    api = await inProcess(path.join(tmp.dir, 'home'));
    await api.client.call('project.create', { dir: path.join(tmp.dir, 'project') });
    const file = path.join(tmp.dir, 'shop.csv');
    fs.writeFileSync(file, shopCsv(2000));
    await succeeded(api.client, await api.client.call('data.import', { source: { kind: 'csv', path: file }, options: { target: 'bought', profile: false } }));
    const started = await api.client.call('train.start', { dataset: 'shop', model: 'gbdt', params: { nEstimators: 20, maxDepth: 3 }, exclude: ['tier', 'spend'], seed: 5 });
    const ended = await waitForJob(api.client, started.job.id, (j) => j.status !== 'running' && j.status !== 'queued', 180_000);
    expect(ended.status, JSON.stringify(ended.error)).toBe('succeeded');
    run = await api.client.call('runs.get', { id: started.run.id });
  }, 240_000);
  afterAll(async () => {
    await api.close();
    tmp.cleanup();
  });

  const pack = async (out: string) => {
    const job = await api.client.call('models.package', { run: run.id, out });
    const ended = await waitForJob(api.client, job.id, (j) => j.status !== 'running' && j.status !== 'queued', 120_000);
    return ended;
  };

  it('writes a folder with every file, signed, verifying with the author’s key', { timeout: 180_000 }, async () => {
    const out = path.join(tmp.dir, 'churn-pkg');
    const ended = await pack(out);
    expect(ended.status, JSON.stringify(ended.error)).toBe('succeeded');
    const result = ended.result as PackageResult;
    expect(result.files.map((f) => f.path).sort()).toEqual(['README.md', 'metrics.json', 'model-card.md', 'model.onnx', 'reference-profile.json', 'signature.json']);
    expect(fs.readdirSync(out).sort()).toEqual(['README.md', 'manifest.json', 'metrics.json', 'model-card.md', 'model.onnx', 'reference-profile.json', 'signature.json']);
    expect(result.parity.passed).toBe(true);
    const verified = await api.client.call('package.verify', { path: out });
    expect(verified).toMatchObject({ ok: true, files: 6, signer: { trustedAs: 'you' } });

    // signature.json: the columns the run used, as the graph takes them, with what training saw.
    const signature = JSON.parse(fs.readFileSync(path.join(out, 'signature.json'), 'utf8'));
    expect(signature.inputs.map((i: { name: string }) => i.name).sort()).toEqual(['a', 'flag', 'plan', 'year']);
    const year = signature.inputs.find((i: { name: string }) => i.name === 'year');
    expect(year.datatype).toBe('FP32');
    expect(year.range.min).toBeGreaterThanOrEqual(1990);
    expect(year.range.max).toBeLessThanOrEqual(2020);
    // Rows 3, 22, 41, … (i % 19 = 3) have no year: about 1 in 19.
    expect(year.missingShare).toBeGreaterThan(0.03);
    expect(year.missingShare).toBeLessThan(0.08);
    expect(signature.inputs.find((i: { name: string }) => i.name === 'plan').categories).toEqual(expect.arrayContaining(['basic', 'plus', 'pro', 'team']));
    expect(signature.outputs.map((o: { name: string }) => o.name)).toEqual(['label', 'probabilities']);

    // The reference profile describes the training rows only.
    const reference = JSON.parse(fs.readFileSync(path.join(out, 'reference-profile.json'), 'utf8'));
    expect(reference.rows).toBe(run.rows.train);
    const a = reference.features.find((f: { name: string }) => f.name === 'a');
    expect(a.counts.reduce((x: number, y: number) => x + y, 0) + a.missing).toBe(run.rows.train);
    expect(reference.prediction.labelCounts.reduce((x: number, y: number) => x + y, 0)).toBe(run.rows.train);

    // The README's example request, sent to the packaged graph as a server would: it answers.
    const readme = fs.readFileSync(path.join(out, 'README.md'), 'utf8');
    const request = JSON.parse(/-d '(.+)'/.exec(readme)![1]!) as { inputs: Array<{ name: string; datatype: string; data: Array<number | string> }> };
    expect(readme).toContain(`/v2/models/${signature.model}/infer`);
    expect(signature.model).toMatch(/^[a-z0-9_.-]+$/);
    const session = await ort.InferenceSession.create(path.join(out, 'model.onnx'));
    const feeds = Object.fromEntries(request.inputs.map((i) => [i.name, i.datatype === 'FP32' ? new ort.Tensor('float32', Float32Array.from(i.data as number[]), [1, 1]) : new ort.Tensor('string', i.data as string[], [1, 1])]));
    const answer = await session.run(feeds);
    expect(signature.classes).toHaveLength(2);
    expect(signature.classes).toContain((answer.label!.data as string[])[0]);
    const [p0, p1] = answer.probabilities!.data as Float32Array;
    expect(p0! + p1!).toBeCloseTo(1, 5);

    expect(fs.readFileSync(path.join(out, 'model-card.md'), 'utf8')).toMatch(/^# Model card: /);
    expect(JSON.parse(fs.readFileSync(path.join(out, 'metrics.json'), 'utf8')).parity.passed).toBe(true);
  });

  it('writes the same files as one .mlpkg, and refuses to overwrite', { timeout: 180_000 }, async () => {
    const out = path.join(tmp.dir, 'churn.mlpkg');
    const ended = await pack(out);
    expect(ended.status, JSON.stringify(ended.error)).toBe('succeeded');
    expect(await api.client.call('package.verify', { path: out })).toMatchObject({ ok: true, files: 6 });
    await expect(api.client.call('models.package', { run: run.id, out })).rejects.toThrow(/already exists: name a new folder or \.mlpkg file/);
  });
});
