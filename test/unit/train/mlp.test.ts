import { describe, expect, it } from 'vitest';
import { selectBackend, type Candidate, type Tf } from '../../../src/main/engine/train/mlp/backend';
import { mlpLearner } from '../../../src/main/engine/train/mlp/learner';
import type { FeatureMatrix, FitContext, Target } from '../../../src/main/engine/train/learner';

const fakeTf = { ready: async () => undefined } as unknown as Tf;
const failing = (name: Candidate['name'], reason: string): Candidate => ({ name, device: 'cpu', load: async () => Promise.reject(new Error(reason)) });

describe('TensorFlow.js backend selection', () => {
  it('takes the first backend that loads and says why the earlier ones did not', async () => {
    const { choice } = await selectBackend([
      failing('tfjs-node-gpu', "Cannot find module '@tensorflow/tfjs-node-gpu'"),
      failing('tfjs-node', 'libtensorflow.so: cannot open shared object file'),
      { name: 'wasm', device: 'cpu', load: async () => fakeTf },
      { name: 'cpu', device: 'cpu', load: async () => Promise.reject(new Error('never reached')) },
    ]);
    expect(choice.name).toBe('wasm');
    expect(choice.skipped.map((s) => s.name)).toEqual(['tfjs-node-gpu', 'tfjs-node']);
    expect(choice.skipped[1]!.reason).toMatch(/libtensorflow/);
  });

  it('uses the GPU when tfjs-node-gpu loads', async () => {
    const { choice } = await selectBackend([{ name: 'tfjs-node-gpu', device: 'gpu', load: async () => fakeTf }]);
    expect(choice).toMatchObject({ name: 'tfjs-node-gpu', device: 'gpu', skipped: [] });
  });

  it('fails in words only when nothing loads', async () => {
    await expect(selectBackend([failing('wasm', 'no wasm'), failing('cpu', 'no cpu')])).rejects.toThrow(/wasm \(no wasm\); cpu \(no cpu\)/);
  });
});

describe('MLP learner (real TensorFlow.js)', () => {
  // XOR of the signs: no linear model separates it; a small MLP does.
  const n = 800;
  let seed = 9;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const a = Float64Array.from({ length: n }, () => rand() * 2 - 1);
  const b = Float64Array.from({ length: n }, () => rand() * 2 - 1);
  const x: FeatureMatrix = { rows: n, names: ['a', 'b'], columns: [a, b] };
  const y: Target = { kind: 'binary', classes: 2, values: Float64Array.from(a, (v, i) => Number(v * b[i]! > 0)) };
  const ctx = (points: number[]): FitContext => ({ seed: 1, progress() {}, curve: (p) => points.push(p.values.train_loss!), isCancelled: () => false, log() {} });

  it('learns XOR, streams one loss per epoch, and the same seed gives the same model', async () => {
    const params = mlpLearner.parameters({ hidden: '16,16', epochs: 40, learningRate: 0.02, batchSize: 64, patience: 0 });
    const losses: number[] = [];
    const model = await mlpLearner.fit({ x, y }, null, params, ctx(losses));
    expect(losses).toHaveLength(40);
    expect(losses.at(-1)!).toBeLessThan(losses[0]! / 2);
    const p = model.predict(x).values;
    let correct = 0;
    for (let i = 0; i < n; i++) correct += Number((p[2 * i + 1]! > 0.5) === (y.values[i] === 1));
    expect(correct / n).toBeGreaterThan(0.9);
    const again = await mlpLearner.fit({ x, y }, null, params, ctx([]));
    expect([...again.predict(x).values]).toEqual([...p]);
    expect(model.backend).toMatch(/TensorFlow\.js (wasm|cpu|tfjs-node)/);
  }, 60_000);

  it('names a bad layer list', () => {
    expect(() => mlpLearner.parameters({ hidden: '64,0' })).toThrow(/hidden must list up to 8 layer sizes/);
  });
});
