import fs from 'node:fs';
import path from 'node:path';
import ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResult } from '../../../src/shared/package/models';
import type { ModelKind, TrainTask } from '../../../src/shared/train/models';
import { succeeded, waitForJob } from '../../helpers/jobs';
import { tempDir } from '../../helpers/temp';
import { inProcess, type Connected } from '../../helpers/transports';
import { shopCsv } from './shop-data';

const TARGETS: Record<TrainTask, { target: string; exclude: string[] }> = {
  binary: { target: 'bought', exclude: ['tier', 'spend'] },
  multiclass: { target: 'tier', exclude: ['bought', 'spend'] },
  regression: { target: 'spend', exclude: ['bought', 'tier'] },
};

/** Small but real settings, so eleven runs train in seconds. */
const PARAMS: Record<ModelKind, Record<string, unknown>> = {
  logistic: {},
  linear: {},
  mlp: { hidden: '16,8', epochs: 15, batchSize: 64, learningRate: 0.01, activation: 'tanh' },
  gbdt: { nEstimators: 30, maxDepth: 4 },
  random_forest: { nEstimators: 20, maxDepth: 5 },
};

/**
 * Every learner and task it supports, exported through the contract (models.export job) and
 * checked against the in-app model on the run's test rows, which hold missing numbers, missing
 * and unseen categories. The in-app predictions are the independent reference.
 */
describe('ONNX export: parity with the in-app model for every learner and task', () => {
  const tmp = tempDir();
  let api: Connected;

  beforeAll(async () => {
    api = await inProcess(path.join(tmp.dir, 'home'));
    await api.client.call('project.create', { dir: path.join(tmp.dir, 'project') });
    const file = path.join(tmp.dir, 'shop.csv');
    fs.writeFileSync(file, shopCsv(3000));
    await succeeded(api.client, await api.client.call('data.import', { source: { kind: 'csv', path: file }, options: { target: 'bought', profile: false } }));
  });
  afterAll(async () => {
    await api.close();
    tmp.cleanup();
  });

  const cases: Array<[ModelKind, TrainTask]> = [
    ['logistic', 'binary'],
    ['logistic', 'multiclass'],
    ['linear', 'regression'],
    ['mlp', 'binary'],
    ['mlp', 'multiclass'],
    ['mlp', 'regression'],
    ['gbdt', 'binary'],
    ['gbdt', 'multiclass'],
    ['gbdt', 'regression'],
    ['random_forest', 'binary'],
    ['random_forest', 'multiclass'],
    ['random_forest', 'regression'],
  ];

  /** Training and exporting on a busy two-core machine can take longer than the helper's 20 s. */
  const done = async (job: { id: string }) => {
    const ended = await waitForJob(api.client, job.id, (j) => j.status !== 'running' && j.status !== 'queued', 180_000);
    expect(ended.status, JSON.stringify(ended.error)).toBe('succeeded');
    return ended;
  };

  it.each(cases)('%s, %s', { timeout: 240_000 }, async (model, task) => {
    const { target, exclude } = TARGETS[task];
    const started = await api.client.call('train.start', { dataset: 'shop', model, target, task, exclude, params: PARAMS[model], seed: 5 } as never);
    await done(started.job);
    const out = path.join(tmp.dir, `${model}-${task}.onnx`);
    const job = await done(await api.client.call('models.export', { run: started.run.id, out }));
    const result = job.result as ExportResult;
    const p = result.parity;
    // Measured numbers, for the report.
    console.log(`parity ${model} ${task}: ${p.rows} ${p.set} rows, max |diff| ${p.maxAbsDiff.toExponential(2)}, ${p.labelMismatches} label mismatches`);
    expect(p.passed, `worst rows: ${JSON.stringify(p.worst.slice(0, 3))}`).toBe(true);
    expect(p).toMatchObject({ set: 'test', passed: true, labelMismatches: 0, rowsOutOfTolerance: 0 });
    expect(p.rows).toBeGreaterThan(500);
    // Probabilities within 1e-5 absolute; a value (spend is 30 to 90 here) within 1e-5 of its size.
    expect(p.maxAbsDiff).toBeLessThanOrEqual(task === 'regression' ? 1e-5 * 90 : 1e-5);

    // The file is the graph the job checked: raw named columns in, the task's outputs out.
    expect(fs.statSync(out).size).toBe(result.bytes);
    expect(result.inputs).toEqual([
      { name: 'a', column: 'a', type: 'float' },
      { name: 'year', column: 'year', type: 'float' },
      { name: 'plan', column: 'plan', type: 'string' },
      { name: 'flag', column: 'flag', type: 'string' },
    ]);
    const session = await ort.InferenceSession.create(out);
    try {
      expect([...session.inputNames]).toEqual(['a', 'year', 'plan', 'flag']);
      expect([...session.outputNames].sort()).toEqual(task === 'regression' ? ['variable'] : ['label', 'probabilities']);
      const scored = await session.run({
        a: new ort.Tensor('float32', Float32Array.of(Number.NaN, 4), [2, 1]),
        year: new ort.Tensor('float32', Float32Array.of(2001, Number.NaN), [2, 1]),
        plan: new ort.Tensor('string', ['never-seen', ''], [2, 1]),
        flag: new ort.Tensor('string', ['true', ''], [2, 1]),
      });
      if (task === 'regression') expect(scored.variable!.dims).toEqual([2, 1]);
      else {
        // DuckDB reads yes/no as booleans, so bought's labels are its text: false, true.
        const classes = task === 'binary' ? ['false', 'true'] : ['high', 'low', 'mid'];
        expect(result.classes).toEqual(classes);
        expect(scored.probabilities!.dims).toEqual([2, classes.length]);
        const probabilities = scored.probabilities!.data as Float32Array;
        for (const row of [0, 1]) expect(probabilities.slice(row * classes.length, (row + 1) * classes.length).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 5);
        for (const label of scored.label!.data as string[]) expect(classes).toContain(label);
      }
    } finally {
      await session.release();
    }
  });
});
