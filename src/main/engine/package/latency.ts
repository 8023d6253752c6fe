import ort from 'onnxruntime-node';
import type { FittedPipeline } from '../train/pipeline';
import type { GraphInput } from './inputs';
import type { ScoringRows } from './scoring-rows';

/** Linear interpolation between the closest ranks (numpy's default), on sorted values. */
function quantileSorted(sorted: Float64Array, q: number): number {
  const at = q * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export interface Latency {
  /** Single-row requests timed (after a warm-up). */
  rows: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Single-row latency of the exported graph, as a serving request sees it: one session.run per row
 * over the first `n` rows, after 20 warm-up calls. It is what the objective's p99 limit is judged on.
 */
export async function singleRowLatency(bytes: Uint8Array, inputs: GraphInput[], p: FittedPipeline, data: ScoringRows, n = 200): Promise<Latency | null> {
  const rows = Math.min(n, data.encoded.rows);
  if (rows === 0) return null;
  const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 1 });
  try {
    const feedsOf = (i: number) =>
      Object.fromEntries(
        inputs.map((input, j) => [
          input.name,
          input.type === 'float' ? new ort.Tensor('float32', Float32Array.of(data.encoded.inputs[j]![i]!), [1, 1]) : new ort.Tensor('string', [data.strings[j - p.numeric.length]![i]!], [1, 1]),
        ]),
      );
    for (let i = 0; i < 20; i++) await session.run(feedsOf(i % rows));
    const times = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      const feeds = feedsOf(i);
      const started = performance.now();
      await session.run(feeds);
      times[i] = performance.now() - started;
    }
    times.sort();
    return { rows, p50Ms: quantileSorted(times, 0.5), p99Ms: quantileSorted(times, 0.99) };
  } finally {
    await session.release();
  }
}
