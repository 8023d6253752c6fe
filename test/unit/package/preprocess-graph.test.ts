import ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { featureMatrix, graphInputs } from '../../../src/main/engine/package/inputs';
import { GraphBuilder } from '../../../src/main/engine/package/onnx/graph';
import type { Encoding, FittedPipeline } from '../../../src/main/engine/train/pipeline';

/** A fitted pipeline written by hand: two numbers, one category with the missing level kept, one without. */
const PIPELINE: FittedPipeline = {
  task: 'binary',
  target: { name: 'y', classes: ['n', 'y'] },
  numeric: [
    { name: 'age', impute: 40, mean: 40, std: 10 },
    { name: 'label', impute: 2.5, mean: 3, std: 0.5 },
  ],
  categorical: [
    { name: 'plan', levels: ['pro', '(missing)', 'basic'] },
    { name: 'city', levels: ['paris', 'oslo'] },
  ],
  impute: 'mean',
  maxLevels: 50,
};

/** The graph's feature matrix on rows fed as a caller would, through onnxruntime. */
async function features(encoding: Encoding, feeds: { age: number[]; label: number[]; plan: string[]; city: string[] }): Promise<number[][]> {
  const g = new GraphBuilder();
  g.reserve(['out']);
  const inputs = graphInputs(PIPELINE);
  for (const input of inputs) g.input(input.name, input.type, ['N', 1]);
  const x = featureMatrix(g, PIPELINE, inputs, encoding);
  g.node('Identity', [x], {}, { outputs: ['out'] });
  g.output('out', 'float', ['N', 'F']);
  const session = await ort.InferenceSession.create(g.model({ graphName: 't', doc: '', producerVersion: '0', metadata: {} }));
  try {
    const n = feeds.age.length;
    const out = await session.run({
      age: new ort.Tensor('float32', Float32Array.from(feeds.age), [n, 1]),
      label_input: new ort.Tensor('float32', Float32Array.from(feeds.label), [n, 1]),
      plan: new ort.Tensor('string', feeds.plan, [n, 1]),
      city: new ort.Tensor('string', feeds.city, [n, 1]),
    });
    const t = out.out!;
    const width = t.dims[1]!;
    const data = Array.from(t.data as Float32Array);
    return Array.from({ length: n }, (_v, i) => data.slice(i * width, (i + 1) * width));
  } finally {
    await session.release();
  }
}

const rows = { age: [50, Number.NaN, 25], label: [3.5, 2, Number.NaN], plan: ['basic', '', 'team'], city: ['oslo', '', 'paris'] };

describe('the preprocessing inside the graph', () => {
  it('names inputs as their columns, except a column called like an output', () => {
    expect(graphInputs(PIPELINE)).toEqual([
      { name: 'age', column: 'age', type: 'float' },
      { name: 'label_input', column: 'label', type: 'float' },
      { name: 'plan', column: 'plan', type: 'string' },
      { name: 'city', column: 'city', type: 'string' },
    ]);
  });

  it('one-hot: NaN imputed, standardised; levels, missing ("") and unseen ("other") as pipeline.ts codes them', async () => {
    // age (x − 40)/10 with NaN → 40; label (x − 3)/0.5 with NaN → 2.5; plan [pro, (missing), basic, other]; city [paris, oslo, other].
    expect(await features('onehot', rows)).toEqual([
      [1, 1, 0, 0, 1, 0, 0, 1, 0],
      [0, -2, 0, 1, 0, 0, 0, 0, 1],
      [-1.5, -1, 0, 0, 0, 1, 1, 0, 0],
    ]);
  });

  it('ordinal (trees): raw numbers with NaN kept, then level codes', async () => {
    const got = await features('ordinal', rows);
    // city has no missing level, so "" is "other" (code 2).
    expect(got).toEqual([
      [50, 3.5, 2, 1],
      [Number.NaN, 2, 1, 2],
      [25, Number.NaN, 3, 0],
    ]);
  });
});
