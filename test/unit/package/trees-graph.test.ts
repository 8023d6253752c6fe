import ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { exportOnnx } from '../../../src/main/engine/package/export-onnx';
import type { ModelFile } from '../../../src/main/engine/train/model-file';
import { onnx } from '../../../src/main/engine/package/onnx/tensors';
import type { EnsembleJson } from '../../../src/main/engine/train/gbdt/model';
import type { TreeJson } from '../../../src/main/engine/train/gbdt/tree';
import type { TaskKind } from '../../../src/main/engine/train/learner';

/** Inner nodes [feature, threshold, left, right, defaultLeft] and leaf values, as flat tree arrays (leaves: feature −1). */
function tree(nodes: Array<[number, number, number, number, number] | number>): TreeJson {
  const t: TreeJson = { feature: [], threshold: [], left: [], right: [], defaultLeft: [], value: [], gain: [], cover: [] };
  for (const n of nodes) {
    const [f, th, l, r, d, v] = typeof n === 'number' ? [-1, 0, -1, -1, 0, n] : [...n, 0];
    t.feature.push(f);
    t.threshold.push(th);
    t.left.push(l);
    t.right.push(r);
    t.defaultLeft.push(d);
    t.value.push(v);
    t.gain.push(0);
    t.cover.push(1);
  }
  return t;
}

/** Features: x (number), then c (category with levels a, b; code 2 is "other"). */
function modelFile(kind: 'gbdt' | 'random_forest', task: TaskKind, classes: string[] | null, base: number[], trees: TreeJson[]): ModelFile {
  const outputs = task === 'multiclass' ? classes!.length : 1;
  const state: EnsembleJson = { format: 1, kind, task, classes: classes?.length ?? 0, features: 2, outputs, average: kind === 'random_forest', base, trees, iterations: trees.length / outputs };
  return {
    model: kind,
    encoding: 'ordinal',
    state,
    pipeline: { task, target: { name: 'y', classes }, numeric: [{ name: 'x', impute: 0, mean: 0, std: 1 }], categorical: [{ name: 'c', levels: ['a', 'b'] }], impute: 'mean', maxLevels: 50 },
  };
}

async function score(file: ModelFile, x: number[], c: string[]) {
  const { bytes } = exportOnnx(file, { id: 'run-1', name: 'hand-made' });
  const session = await ort.InferenceSession.create(bytes);
  try {
    const out = await session.run({ x: new ort.Tensor('float32', Float32Array.from(x), [x.length, 1]), c: new ort.Tensor('string', c, [c.length, 1]) });
    return { probabilities: Array.from((out.probabilities ?? out.variable)!.data as Float32Array), labels: out.label ? (out.label.data as string[]) : null, bytes };
  } finally {
    await session.release();
  }
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('tree ensembles inside the graph', () => {
  // Tree 0: x < 1.5 → 0.5, else −0.25; a missing x goes right. Tree 1: c < 0.5 (level a) → 0.1, else (x < 3 → 0.3, else −0.4; missing x left).
  const trees = [tree([[0, 1.5, 1, 2, 0], 0.5, -0.25]), tree([[1, 0.5, 1, 2, 0], 0.1, [0, 3, 3, 4, 1], 0.3, -0.4])];

  it('boosting, binary: base + Σ leaves, sigmoid; x equal to a threshold goes right, NaN takes the learned side', async () => {
    const got = await score(modelFile('gbdt', 'binary', ['no', 'yes'], [0.2], trees), [1.5, Number.NaN, 1, 5], ['a', 'b', 'zzz', '']);
    const margins = [0.2 - 0.25 + 0.1, 0.2 - 0.25 + 0.3, 0.2 + 0.5 + 0.3, 0.2 - 0.25 - 0.4];
    margins.forEach((m, i) => {
      expect(got.probabilities[2 * i + 1]).toBeCloseTo(sigmoid(m), 6);
      expect(got.probabilities[2 * i]).toBeCloseTo(1 - sigmoid(m), 6);
    });
    expect(got.labels).toEqual(['yes', 'yes', 'yes', 'no']);
  });

  it('forest, multiclass: per-class mean of its trees, floored at 0, renormalised; uniform when all are 0', async () => {
    // Trees 0-2 are round 1 (classes k0, k1, k2), trees 3-5 round 2.
    const forest = [tree([[0, 2, 1, 2, 1], 0.6, 0]), tree([[0, 2, 1, 2, 1], 0.4, 0]), tree([0]), tree([0.8]), tree([[1, 1.5, 1, 2, 0], 0.2, -0.5]), tree([[1, 1.5, 1, 2, 0], 0, 0])];
    const got = await score(modelFile('random_forest', 'multiclass', ['k0', 'k1', 'k2'], [0, 0, 0], forest), [1, 3, 3], ['b', 'a', 'zzz']);
    const expected = [
      // x=1: k0 (0.6+0.8)/2, k1 (0.4+0.2)/2 → sum 1.0
      [0.7, 0.3, 0],
      // x=3, c=a: k0 0.4, k1 (0 + 0.2)/2 = 0.1 → 0.8, 0.2
      [0.8, 0.2, 0],
      // x=3, c unseen ("other"): k0 0.4, k1 (0 − 0.5)/2 floored to 0 → 1, 0
      [1, 0, 0],
    ];
    expected.flat().forEach((p, i) => expect(got.probabilities[i]).toBeCloseTo(p, 6));
    expect(got.labels).toEqual(['k0', 'k0', 'k0']);
    const empty = await score(modelFile('random_forest', 'multiclass', ['k0', 'k1', 'k2'], [0, 0, 0], [tree([0]), tree([0]), tree([-1])]), [0], ['a']);
    empty.probabilities.forEach((p) => expect(p).toBeCloseTo(1 / 3, 6));
  });

  it('writes the opsets, IR version, producer and metadata a deployment reads', async () => {
    const { bytes } = await score(modelFile('gbdt', 'regression', null, [1], trees), [0], ['a']);
    const model = onnx.ModelProto.decode(bytes);
    expect(Number(model.irVersion)).toBe(8);
    expect(model.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([
      ['', 17],
      ['ai.onnx.ml', 3],
    ]);
    expect(model.producerName).toBe('mlcycle');
    const meta = Object.fromEntries(model.metadataProps.map((p) => [p.key, p.value]));
    expect(meta).toMatchObject({ run_id: 'run-1', run_name: 'hand-made', model_kind: 'gbdt', task: 'regression', target: 'y', class_labels: '[]', missing_string: '', missing_number: 'NaN' });
    expect(JSON.parse(meta.inputs!)).toEqual([
      { name: 'x', column: 'x', type: 'float' },
      { name: 'c', column: 'c', type: 'string' },
    ]);
    expect(model.graph!.output!.map((o) => o.name)).toEqual(['variable']);
  });
});
