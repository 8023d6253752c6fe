import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { succeeded, waitForJob } from '../../helpers/jobs';
import { tempDir } from '../../helpers/temp';
import { inProcess, type Connected } from '../../helpers/transports';

/** Training through the real job system: runs recorded with their split, metrics, curve and model. */
describe('train', () => {
  const tmp = tempDir();
  let api: Connected;
  let yes = 0;

  beforeAll(async () => {
    api = await inProcess(path.join(tmp.dir, 'home'));
    await api.client.call('project.create', { dir: path.join(tmp.dir, 'project') });
    // 4,000 rows: the class follows x − y plus noise; price is 3·x − 2·y + 10 (+ small noise) with a region offset.
    let seed = 5;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const lines = ['x,y,region,price,bought'];
    for (let i = 0; i < 4000; i++) {
      const x = rand() * 10;
      const y = i % 50 === 0 ? '' : (rand() * 10).toFixed(3);
      const region = ['north', 'south', 'east'][i % 3]!;
      const yv = y === '' ? 5 : Number(y);
      const price = 3 * x - 2 * yv + 10 + (region === 'north' ? 5 : 0) + (rand() - 0.5) * 0.1;
      const bought = x - yv + (rand() - 0.5) * 4 > 0 ? 'yes' : 'no';
      if (bought === 'yes') yes++;
      lines.push(`${x.toFixed(3)},${y},${region},${price.toFixed(4)},${bought}`);
    }
    const file = path.join(tmp.dir, 'shop.csv');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    await succeeded(api.client, await api.client.call('data.import', { source: { kind: 'csv', path: file }, options: { target: 'bought' } }));
  });
  afterAll(async () => {
    await api.close();
    tmp.cleanup();
  });

  const train = async (args: Record<string, unknown>) => {
    const started = await api.client.call('train.start', { dataset: 'shop', model: 'logistic', ...args } as never);
    expect(started.run.status).toBe('running');
    await succeeded(api.client, started.job);
    return api.client.call('runs.get', { id: started.run.id });
  };

  it('trains a logistic classifier on an 80/20 stratified split it saves, with metrics, curve and model', async () => {
    const run = await train({ seed: 7 });
    expect(run).toMatchObject({ status: 'succeeded', task: 'binary', target: 'bought', features: ['x', 'y', 'region', 'price'] });
    // stratified: each class puts the rows whose rank share (r − 1)/n is below 0.8 in train, i.e. ⌈0.8·n⌉
    const trainRows = Math.ceil(0.8 * yes) + Math.ceil(0.8 * (4000 - yes));
    expect(run.rows).toEqual({ train: trainRows, validation: 0, test: 4000 - trainRows });
    expect(run.metrics.test!.roc_auc).toBeGreaterThan(0.85);
    expect(run.curves.length).toBeGreaterThan(3);
    expect(run.modelBytes).toBeGreaterThan(100);
    expect(run.latencyMsPerRow).toBeGreaterThan(0);
    const split = (await api.client.call('data.splits', { ref: 'shop' })).find((s) => s.id === run.splitId)!;
    expect(split).toMatchObject({ strategy: 'stratified', ratios: [0.8, 0.2], seed: 7, counts: { train: trainRows, test: 4000 - trainRows } });
  });

  it('keeps an evaluation on the test rows: confusion matrix, curves, threshold sweep', async () => {
    const run = await train({ seed: 3, name: 'evaluated' });
    const { evaluation } = await api.client.call('runs.evaluation', { id: 'evaluated' });
    const e = evaluation!;
    expect(e.set).toBe('test');
    // DuckDB reads yes/no as BOOLEAN, so the classes are its text form
    expect(e.labels).toEqual(['false', 'true']);
    // every test row lands in exactly one cell
    expect(e.confusionMatrix!.flat().reduce((a, b) => a + b, 0)).toBe(run.rows.test);
    expect(e.roc!.auc).toBe(run.metrics.test!.roc_auc);
    expect(e.roc!.fpr[0]).toBe(0);
    expect(e.roc!.tpr.at(-1)).toBe(1);
    expect(e.thresholdSweep).toHaveLength(101);
    // at threshold 0.5 the sweep's accuracy is the run's accuracy
    expect(e.thresholdSweep![50]!.accuracy).toBeCloseTo(run.metrics.test!.accuracy!, 12);
  });

  it('explains the model: x and y matter, region does not; P(yes) rises with x; fairness per region', async () => {
    const run = await train({ seed: 3, exclude: ['price'], sensitive: ['region'], name: 'explained' });
    const e = (await api.client.call('runs.evaluation', { id: 'explained' })).evaluation!;
    const importance = Object.fromEntries(e.importance!.columns.map((c) => [c.column, c.mean]));
    // bought depends on x − y only: shuffling x or y costs AUC, shuffling region costs next to nothing
    expect(importance.x).toBeGreaterThan(0.1);
    expect(importance.y).toBeGreaterThan(0.1);
    expect(Math.abs(importance.region!)).toBeLessThan(0.01);
    expect(e.importance!.columns.slice(0, 2).map((c) => c.column).sort()).toEqual(['x', 'y']);
    const x = e.partialDependence!.find((p) => p.column === 'x')!;
    const pYes = x.values.map((v) => v[0]!);
    expect(pYes.at(-1)!).toBeGreaterThan(pYes[0]! + 0.3);
    const fairness = e.fairness![0]!;
    expect(fairness.column).toBe('region');
    expect(fairness.groups.map((g) => g.group).sort()).toEqual(['east', 'north', 'south']);
    expect(fairness.groups.reduce((a, g) => a + g.n, 0)).toBe(run.rows.test);
    const rates = fairness.groups.map((g) => g.selectionRate);
    expect(fairness.demographicParityDifference).toBeCloseTo(Math.max(...rates) - Math.min(...rates), 12);
    // no fairness bound in the objective: reported, not judged
    expect(fairness.judged).toBeNull();
  });

  it('explains one prediction: for logistic regression the contributions add up exactly in log-odds', async () => {
    const job = await api.client.call('runs.explain', { id: 'explained', row: 10 });
    const e = (await succeeded(api.client, job)).result as { contributions: Array<{ column: string; contribution: number }>; output: number; baselineOutput: number; method: string; values: Record<string, unknown> };
    expect(e.method).toMatch(/exact/);
    const sum = e.contributions.reduce((a, c) => a + c.contribution, 0);
    expect(sum).toBeCloseTo(e.output - e.baselineOutput, 9);
    expect(e.contributions.map((c) => c.column).sort()).toEqual(['region', 'x', 'y']);
    await expect(api.client.call('runs.explain', { id: 'explained', row: 10_000 })).rejects.toThrow(/past the last row/);
  });

  it('gives the same metrics for the same seed and data, and reuses the named split', async () => {
    const first = await train({ seed: 11, exclude: ['price'] });
    const second = await train({ seed: 11, exclude: ['price'], split: first.splitId! });
    expect(second.metrics).toEqual(first.metrics);
    expect(second.splitId).toBe(first.splitId);
  });

  it('cross-validates on the training rows with stratified folds: mean and spread per metric', async () => {
    const run = await train({ seed: 7, cv: 4, name: 'cv4' });
    const cv = run.crossValidation!;
    expect(cv.folds).toHaveLength(4);
    const aucs = cv.folds.map((f) => f.roc_auc!);
    const mean = aucs.reduce((a, b) => a + b, 0) / 4;
    expect(cv.mean.roc_auc).toBeCloseTo(mean, 12);
    expect(cv.std.roc_auc).toBeCloseTo(Math.sqrt(aucs.reduce((a, v) => a + (v - mean) ** 2, 0) / 3), 12);
    // folds of similar data score alike, and like the held-out test rows
    expect(cv.std.roc_auc!).toBeLessThan(0.05);
    expect(Math.abs(cv.mean.roc_auc! - run.metrics.test!.roc_auc!)).toBeLessThan(0.05);
    // the final model is the one trained on all training rows, as without cross-validation
    const plain = await train({ seed: 7 });
    expect(plain.metrics).toEqual(run.metrics);
  });

  const searchDone = async (id: string) => {
    for (let i = 0; i < 600; i++) {
      const run = await api.client.call('runs.get', { id });
      if (run.status !== 'running') return run;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('search did not finish');
  };

  it('searches at random: one child run per trial, ranked on validation rows, the best one taken', async () => {
    const started = await api.client.call('train.search', { dataset: 'shop', model: 'logistic', trials: 4, seed: 5, exclude: ['price'] });
    const parent = await searchDone(started.run.id);
    expect(parent.status, parent.error ?? '').toBe('succeeded');
    const children = (await api.client.call('runs.list', {})).filter((r) => r.parentRunId === parent.id);
    expect(children).toHaveLength(4);
    // the default split for a search has a validation set, and every trial saw the same one
    expect(new Set(children.map((c) => c.splitId)).size).toBe(1);
    expect(children[0]!.rows.validation).toBeGreaterThan(0);
    const best = children.reduce((a, b) => (b.metrics.validation!.roc_auc! > a.metrics.validation!.roc_auc! ? b : a));
    expect(parent.search).toMatchObject({ strategy: 'random', metric: 'roc_auc', bestRunId: best.id });
    expect(parent.metrics).toEqual(best.metrics);
    expect(parent.params).toEqual(best.params);
  });

  it('halves successively: every trial on a third of the rows, the best third on all of them', async () => {
    const started = await api.client.call('train.search', { dataset: 'shop', model: 'logistic', strategy: 'halving', trials: 6, seed: 5, exclude: ['price'] });
    const parent = await searchDone(started.run.id);
    expect(parent.status, parent.error ?? '').toBe('succeeded');
    const rounds = parent.search!.rounds;
    expect(rounds.map((r) => [r.runIds.length, r.fraction])).toEqual([
      [6, 1 / 3],
      [2, 1],
    ]);
    const first = await api.client.call('runs.get', { id: rounds[0]!.runIds[0]! });
    const last = await api.client.call('runs.get', { id: rounds[1]!.runIds[0]! });
    // about a third of the training rows, then all of them
    expect(first.rows.train! / last.rows.train!).toBeGreaterThan(0.28);
    expect(first.rows.train! / last.rows.train!).toBeLessThan(0.39);
    expect(rounds[1]!.runIds).toContain(parent.search!.bestRunId);
  });

  it('auto tries every available learner for the task and keeps the best on validation rows', async () => {
    const started = await api.client.call('train.auto', { dataset: 'shop', exclude: ['price'], budgetSeconds: 120, seed: 5 });
    const parent = await searchDone(started.run.id);
    expect(parent.status, parent.error ?? '').toBe('succeeded');
    const children = (await api.client.call('runs.list', {})).filter((r) => r.parentRunId === parent.id);
    // one child per classifier this build has (logistic and the MLP at least)
    expect(children.map((c) => c.model)).toEqual(expect.arrayContaining(['logistic', 'mlp']));
    const best = children.filter((c) => c.status === 'succeeded').reduce((a, b) => (b.metrics.validation!.roc_auc! > a.metrics.validation!.roc_auc! ? b : a));
    expect(parent.search).toMatchObject({ strategy: 'auto', bestRunId: best.id });
    expect(parent.model).toBe(best.model);
  });

  it('fits linear regression close to the generating coefficients', async () => {
    const run = await train({ model: 'linear', target: 'price', exclude: ['bought'] });
    expect(run.task).toBe('regression');
    // noise is uniform ±0.05 (sd 0.029); two percent of y are imputed with the median, which costs a little more
    expect(run.metrics.test!.rmse).toBeLessThan(0.6);
    expect(run.metrics.test!.r2).toBeGreaterThan(0.99);
  });

  it('says what is wrong before starting: no such column, wrong learner for the task, bad parameter', async () => {
    await expect(api.client.call('train.start', { dataset: 'shop', model: 'logistic', target: 'nope' })).rejects.toThrow(/has no column 'nope'/);
    await expect(api.client.call('train.start', { dataset: 'shop', model: 'logistic', params: { l2: -2 } })).rejects.toThrow(/l2 must be between 0/);
    await expect(api.client.call('train.start', { dataset: 'shop', model: 'mlp', params: { hidden: 'wide' } })).rejects.toThrow(/hidden must list up to 8 layer sizes/);
    // a learner that cannot do the task fails in its job, and the run says why
    const wrong = await api.client.call('train.start', { dataset: 'shop', model: 'linear' });
    const done = await waitForJob(api.client, wrong.job.id, (j) => j.status === 'failed');
    expect(done.error?.message).toMatch(/Linear regression predicts numbers/);
    expect((await api.client.call('runs.get', { id: wrong.run.id })).status).toBe('failed');
  });
});
