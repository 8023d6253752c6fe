import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { succeeded } from '../../helpers/jobs';
import { tempDir } from '../../helpers/temp';
import { inProcess, type Connected } from '../../helpers/transports';
import { MODEL_KINDS } from '../../../src/shared/train/models';

/**
 * What the Train workspace's Search and Auto modes ask of the engine: the learners with their
 * parameter specs (train.learners), a search's space checked before anything starts, auto limited
 * to the learners chosen, and the trials of one parent listed (runs.list with parent).
 */
describe('learners, search spaces and trials', () => {
  const tmp = tempDir();
  let api: Connected;

  beforeAll(async () => {
    api = await inProcess(path.join(tmp.dir, 'home'));
    await api.client.call('project.create', { dir: path.join(tmp.dir, 'project') });
    // 1,200 rows; bought follows a − b plus noise, so a classifier does well above chance.
    let seed = 11;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const lines = ['a,b,bought'];
    for (let i = 0; i < 1200; i++) {
      const [a, b] = [rand() * 10, rand() * 10];
      lines.push(`${a.toFixed(3)},${b.toFixed(3)},${a - b + (rand() - 0.5) * 4 > 0 ? 1 : 0}`);
    }
    const file = path.join(tmp.dir, 'shop.csv');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    await succeeded(api.client, await api.client.call('data.import', { source: { kind: 'csv', path: file }, options: { target: 'bought' } }));
  });
  afterAll(async () => {
    await api.close();
    tmp.cleanup();
  });

  const parentDone = async (id: string) => {
    for (let i = 0; i < 1200; i++) {
      const run = await api.client.call('runs.get', { id });
      if (run.status !== 'running') return run;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the parent run did not finish');
  };

  it('describes every learner with the parameters its own parameters() fills in', async () => {
    const learners = await api.client.call('train.learners', {});
    expect(learners.map((l) => l.kind)).toEqual([...MODEL_KINDS]);
    const logistic = learners.find((l) => l.kind === 'logistic')!;
    expect(logistic).toMatchObject({ available: true, step: 'iteration', tasks: ['binary', 'multiclass'] });
    expect(logistic.parameters.map((p) => [p.name, p.default])).toEqual([
      ['l2', 1e-4],
      ['maxIterations', 200],
      ['tolerance', 1e-6],
    ]);
    expect(logistic.searchSpace).toEqual({ l2: { min: 1e-6, max: 1, log: true, integer: false } });
    expect(learners.find((l) => l.kind === 'linear')!.tasks).toEqual(['regression']);
    expect(learners.find((l) => l.kind === 'mlp')!.parameters.find((p) => p.name === 'hidden')).toMatchObject({ kind: 'layers', default: '64,64' });
  });

  it('refuses a search space the learner cannot take before starting anything', async () => {
    const before = (await api.client.call('runs.list', {})).length;
    await expect(api.client.call('train.search', { dataset: 'shop', model: 'logistic', trials: 2, space: { l2: { min: -1, max: 1 } } })).rejects.toThrow(/Search space of l2: Parameter l2 must be between 0 and 1000000; got -1/);
    await expect(api.client.call('train.search', { dataset: 'shop', model: 'logistic', trials: 2, space: { learning_rate: { min: 0.1, max: 1 } } })).rejects.toThrow(/has no parameter learning_rate to search; it takes l2, maxIterations, tolerance/);
    await expect(api.client.call('train.search', { dataset: 'shop', model: 'mlp', trials: 2, space: { activation: { values: ['relu', 'softplus'] } } })).rejects.toThrow(/activation must be one of/);
    expect((await api.client.call('runs.list', {})).length).toBe(before);
  });

  it('searches the space the form sends, and lists exactly that search’s trials by parent', async () => {
    const started = await api.client.call('train.search', { dataset: 'shop', model: 'logistic', trials: 3, seed: 3, name: 'form search', space: { l2: { min: 0.001, max: 0.1, log: true } }, fixed: { maxIterations: 50 } });
    const other = await api.client.call('train.search', { dataset: 'shop', model: 'logistic', trials: 2, seed: 4 });
    const parent = await parentDone(started.run.id);
    await parentDone(other.run.id);
    expect(parent.status, parent.error ?? '').toBe('succeeded');
    const trials = await api.client.call('runs.list', { parent: parent.id });
    expect(trials.map((t) => t.id).sort()).toEqual([...parent.search!.rounds[0]!.runIds].sort());
    for (const t of trials) {
      expect(t.parentRunId).toBe(parent.id);
      expect(t.params.maxIterations).toBe(50);
      expect(t.params.l2 as number).toBeGreaterThanOrEqual(0.001);
      expect(t.params.l2 as number).toBeLessThanOrEqual(0.1);
    }
    // by name too, as runs.get takes it; a parent that does not exist is an error, not an empty list
    expect((await api.client.call('runs.list', { parent: 'form search' })).length).toBe(3);
    await expect(api.client.call('runs.list', { parent: 'no-such-run' })).rejects.toThrow(/There is no run 'no-such-run'/);
  });

  it('auto tries only the learners chosen, records its budget, and says when none fits the task', async () => {
    const started = await api.client.call('train.auto', { dataset: 'shop', budgetSeconds: 60, seed: 5, models: ['logistic', 'linear'] });
    const parent = await parentDone(started.run.id);
    expect(parent.status, parent.error ?? '').toBe('succeeded');
    // linear regression does not fit a binary target, so only logistic ran
    expect((await api.client.call('runs.list', { parent: parent.id })).map((c) => c.model)).toEqual(['logistic']);
    expect(parent.search).toMatchObject({ strategy: 'auto', trials: 1, budgetSeconds: 60 });
    await expect(api.client.call('train.auto', { dataset: 'shop', models: ['linear'] })).rejects.toThrow(/None of the chosen learners \(linear\) fits this binary task; choose from logistic, gbdt, random_forest, mlp/);
  });
});
