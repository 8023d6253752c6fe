import fs from 'node:fs';
import path from 'node:path';
import ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPackage } from '../../../src/main/engine/signing/verify';
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

describe('batch scoring through a package', () => {
  const tmp = tempDir();
  let api: Connected;
  let pkg: string;

  beforeAll(async () => {
    api = await inProcess(path.join(tmp.dir, 'home'));
    await api.client.call('project.create', { dir: path.join(tmp.dir, 'project') });
    const file = path.join(tmp.dir, 'shop.csv');
    fs.writeFileSync(file, shopCsv(1500));
    await succeeded(api.client, await api.client.call('data.import', { source: { kind: 'csv', path: file }, options: { target: 'spend', profile: false } }));
    const started = await api.client.call('train.start', { dataset: 'shop', model: 'linear', exclude: ['tier', 'bought'], seed: 3 });
    const ended = await waitForJob(api.client, started.job.id, (j) => j.status !== 'running' && j.status !== 'queued', 180_000);
    expect(ended.status, JSON.stringify(ended.error)).toBe('succeeded');
    pkg = path.join(tmp.dir, 'spend.mlpkg');
    const packed = await waitForJob(api.client, (await api.client.call('models.package', { run: started.run.id, out: pkg })).id, (j) => j.status !== 'running' && j.status !== 'queued', 120_000);
    expect(packed.status, JSON.stringify(packed.error)).toBe('succeeded');
  }, 300_000);
  afterAll(async () => {
    await api.close();
    tmp.cleanup();
  });

  const score = async (input: string, out: string, id?: string) => {
    const job = await api.client.call('models.score', { package: pkg, input, out, ...(id ? { id } : {}) });
    return waitForJob(api.client, job.id, (j) => j.status !== 'running' && j.status !== 'queued', 120_000);
  };

  it('keeps row order and the id, reports a non-number instead of failing, and matches the graph row by row', { timeout: 120_000 }, async () => {
    // 70,000 rows: more than one onnxruntime batch (65,536). Row 5 has text where a number belongs.
    const lines = ['order_id,a,year,plan,flag'];
    for (let i = 0; i < 70_000; i++) lines.push(`o-${i},${i === 5 ? 'abc' : ((i * 7) % 10) + 0.5},${i % 9 === 0 ? '' : 1990 + (i % 30)},${['basic', 'pro', 'never-seen', ''][i % 4]},${i % 2 === 0}`);
    const input = path.join(tmp.dir, 'new.csv');
    fs.writeFileSync(input, `${lines.join('\n')}\n`);
    const out = path.join(tmp.dir, 'scores.csv');
    const ended = await score(input, out, 'order_id');
    expect(ended.status, JSON.stringify(ended.error)).toBe('succeeded');
    expect(ended.result).toMatchObject({ rows: 70_000, scored: 69_999, invalid: 1, rejectSample: [{ row: 5, reason: 'not a number in a' }] });
    const rows = fs.readFileSync(out, 'utf8').trim().split('\n');
    expect(rows[0]).toBe('order_id,row,prediction,error');
    expect(rows).toHaveLength(70_001);
    expect(rows[1]!.startsWith('o-0,0,')).toBe(true);
    expect(rows[70_000]!.startsWith('o-69999,69999,')).toBe(true);
    expect(rows[6]).toBe('o-5,5,,not a number in a');

    // Row 69,999 (in the second batch) through the graph directly, as a caller of the model would send it.
    const session = await ort.InferenceSession.create(readPackage(pkg).contents.get('model.onnx')!);
    const i = 69_999;
    const direct = await session.run({
      a: new ort.Tensor('float32', Float32Array.from([((i * 7) % 10) + 0.5]), [1, 1]),
      year: new ort.Tensor('float32', Float32Array.from([1990 + (i % 30)]), [1, 1]),
      plan: new ort.Tensor('string', [['basic', 'pro', 'never-seen', ''][i % 4]!], [1, 1]),
      flag: new ort.Tensor('string', [String(i % 2 === 0)], [1, 1]),
    });
    expect(Number(rows[70_000]!.split(',')[2])).toBeCloseTo((direct.variable!.data as Float32Array)[0]!, 4);
  });

  it('writes Parquet too, and names the columns an input lacks', { timeout: 120_000 }, async () => {
    const input = path.join(tmp.dir, 'small.csv');
    fs.writeFileSync(input, 'a,year,plan,flag\n1,2000,pro,true\n2,,basic,false\n');
    const out = path.join(tmp.dir, 'small.parquet');
    expect((await score(input, out)).status).toBe('succeeded');
    expect(fs.statSync(out).size).toBeGreaterThan(0);
    const lacking = path.join(tmp.dir, 'lacking.csv');
    fs.writeFileSync(lacking, 'a,plan\n1,pro\n');
    const failed = await score(lacking, path.join(tmp.dir, 'x.csv'));
    expect(failed.status).toBe('failed');
    expect(failed.error?.message).toMatch(/lacks the columns the model needs: year, flag/);
    expect(fs.existsSync(path.join(tmp.dir, 'x.csv'))).toBe(false);
  });
});
