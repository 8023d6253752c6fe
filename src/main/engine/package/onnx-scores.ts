import ort from 'onnxruntime-node';
import type { FittedPipeline } from '../train/pipeline';
import type { GraphInput } from './inputs';
import type { ScoringRows } from './scoring-rows';

/** What the exported graph predicted: probabilities per class (or the value) row-major, and the labels for classifiers. */
export interface OnnxScores {
  rows: number;
  width: number;
  values: Float32Array;
  labels: string[] | null;
}

/** Rows per session.run: big enough that per-call overhead vanishes, small enough to keep the feeds' copies modest. */
const BATCH = 65_536;

/** Scores the rows through the graph with onnxruntime, in batches, feeding each raw column as a caller would. */
export async function scoreOnnx(bytes: Uint8Array, inputs: GraphInput[], p: FittedPipeline, data: ScoringRows): Promise<OnnxScores> {
  const session = await ort.InferenceSession.create(bytes);
  try {
    const rows = data.encoded.rows;
    const classes = p.target.classes;
    const width = classes ? classes.length : 1;
    const values = new Float32Array(rows * width);
    const labels = classes ? new Array<string>(rows) : null;
    for (let start = 0; start < rows; start += BATCH) {
      const end = Math.min(rows, start + BATCH);
      const feeds: Record<string, ort.Tensor> = {};
      inputs.forEach((input, j) => {
        // Inputs are in pipeline order: numbers (the encoded raw values, NaN where missing), then categories.
        feeds[input.name] =
          input.type === 'float'
            ? new ort.Tensor('float32', Float32Array.from(data.encoded.inputs[j]!.subarray(start, end)), [end - start, 1])
            : new ort.Tensor('string', data.strings[j - p.numeric.length]!.slice(start, end), [end - start, 1]);
      });
      const out = await session.run(feeds);
      values.set(out[classes ? 'probabilities' : 'variable']!.data as Float32Array, start * width);
      if (labels) (out.label!.data as string[]).forEach((label, i) => (labels[start + i] = label));
    }
    return { rows, width, values, labels };
  } finally {
    await session.release();
  }
}
