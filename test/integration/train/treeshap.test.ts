import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RowExplanation } from '../../../src/shared/train/models';
import { explainRowTask } from '../../../src/main/engine/train/explain-row';
import { succeeded } from '../../helpers/jobs';
import { tempDir } from '../../helpers/temp';
import { inProcess, type Connected } from '../../helpers/transports';

/**
 * Tree runs explained through the job system: TreeSHAP contributions per raw column, adding up to
 * the output minus the base value on the stated scale, for boosting and the forest.
 */
describe('explaining a tree run (TreeSHAP)', () => {
  const tmp = tempDir();
  const project = path.join(tmp.dir, 'project');
  let api: Connected;

  beforeAll(async () => {
    api = await inProcess(path.join(tmp.dir, 'home'));
    await api.client.call('project.create', { dir: project });
    // 1,500 rows: x missing on every 25th row (row 0 among them); flag is the same on every row, so no tree can split on it.
    let seed = 17;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const lines = ['x,y,region,flag,price,tier,bought'];
    for (let i = 0; i < 1500; i++) {
      const x = rand() * 10;
      const y = rand() * 10;
      const region = ['north', 'south', 'east'][i % 3]!;
      const price = 3 * x - 2 * y + (region === 'north' ? 5 : 0) + rand();
      const score = x - y + (region === 'east' ? 2 : 0) + (rand() - 0.5) * 3;
      const tier = score < -2 ? 'low' : score < 2 ? 'mid' : 'high';
      lines.push(`${i % 25 === 0 ? '' : x.toFixed(3)},${y.toFixed(3)},${region},7,${price.toFixed(3)},${tier},${score > 0 ? 'yes' : 'no'}`);
    }
    const file = path.join(tmp.dir, 'shop.csv');
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    await succeeded(api.client, await api.client.call('data.import', { source: { kind: 'csv', path: file }, options: { target: 'bought' } }));
  });
  afterAll(async () => {
    await api.close();
    tmp.cleanup();
  });

  const train = async (model: 'gbdt' | 'random_forest', target: string, exclude: string[]) => {
    const started = await api.client.call('train.start', { dataset: 'shop', model, target, exclude, params: { nEstimators: 20 } } as never);
    await succeeded(api.client, started.job);
    return api.client.call('runs.get', { id: started.run.id });
  };
  const explain = async (id: string, row: number) => (await succeeded(api.client, await api.client.call('runs.explain', { id, row }))).result as RowExplanation;
  const total = (e: RowExplanation) => e.contributions.reduce((a, c) => a + c.contribution, 0);
  const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

  it('gbdt, binary: one contribution per raw column in log-odds of the predicted class, adding up to output − base', async () => {
    const run = await train('gbdt', 'bought', ['price', 'tier']);
    for (const row of [0, 1, 2, 3]) {
      const e = await explain(run.id, row);
      expect(e).toMatchObject({ methodKind: 'treeshap', method: expect.stringMatching(/^TreeSHAP/), scale: `log-odds of ${e.prediction}` });
      expect(e.contributions.map((c) => c.column).sort()).toEqual(['flag', 'region', 'x', 'y']);
      expect(total(e)).toBeCloseTo(e.output - e.baseValue!, 9);
      // the output is the margin: its sigmoid is the probability shown for the predicted class
      expect(sigmoid(e.output)).toBeCloseTo(e.probabilities![e.prediction]!, 9);
      expect(e.contributions.find((c) => c.column === 'flag')!.contribution).toBe(0);
    }
    // row 0 has no x: it still gets a contribution (from the side its missing value is sent to)
    expect((await explain(run.id, 0)).values.x).toBeNull();
  });

  it('gbdt, multiclass and regression: the softmax logit of the predicted class, and the value', async () => {
    const multi = await train('gbdt', 'tier', ['price', 'bought']);
    const m = await explain(multi.id, 5);
    expect(m.scale).toBe(`raw score (softmax logit) of ${m.prediction}`);
    expect(total(m)).toBeCloseTo(m.output - m.baseValue!, 9);
    const regression = await train('gbdt', 'price', ['tier', 'bought']);
    const r = await explain(regression.id, 5);
    expect(r).toMatchObject({ methodKind: 'treeshap', scale: 'value' });
    expect(r.output).toBeCloseTo(Number(r.prediction), 9);
    expect(total(r)).toBeCloseTo(r.output - r.baseValue!, 9);
  });

  it('random forest, binary: contributions in probability of the predicted class (the forest averages frequencies)', async () => {
    const run = await train('random_forest', 'bought', ['price', 'tier']);
    for (const row of [0, 1, 2]) {
      const e = await explain(run.id, row);
      expect(e.scale).toMatch(new RegExp(`^probability of ${e.prediction}`));
      expect(e.output).toBeCloseTo(e.probabilities![e.prediction]!, 9);
      expect(total(e)).toBeCloseTo(e.output - e.baseValue!, 9);
      expect(e.contributions.find((c) => c.column === 'flag')!.contribution).toBe(0);
    }
  });

  it('a saved tree model without node covers falls back to occlusion, and says so', async () => {
    const run = await train('gbdt', 'bought', ['price', 'tier']);
    const artifact = (sha: string) => path.join(project, 'artifacts', sha.slice(0, 2), sha);
    const saved = JSON.parse(fs.readFileSync(artifact(run.modelSha256!), 'utf8')) as { state: { trees: Array<{ cover: number[] }> } };
    for (const tree of saved.state.trees) tree.cover = tree.cover.map(() => 0);
    const modelFile = path.join(tmp.dir, 'no-covers.json');
    fs.writeFileSync(modelFile, JSON.stringify(saved));
    const { version } = await api.client.call('data.show', { ref: 'shop' });
    const noop = () => {};
    const e = await explainRowTask({ modelFile, versionFile: artifact(version.sha256), row: 1 }, { progress: noop, log: noop, point: noop, signal: new AbortController().signal, isCancelled: () => false });
    expect(e.methodKind).toBe('occlusion');
    expect(e.method).toMatch(/no node covers/);
    expect(e.contributions).toHaveLength(4);
  });
});
