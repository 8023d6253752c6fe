import type { FeatureMatrix } from '../learner';

/** Bin 255 holds the missing values of every feature; value bins are 0 … cuts.length. */
export const MISSING_BIN = 255;
/** Histogram slots per feature: 256 bins × (gradient, hessian). */
export const BIN_STRIDE = 512;
/** Rows looked at to place the cuts (the 200k; quantiles of a sample this size are within ~0.2% of rank). */
export const CUT_SAMPLE = 200_000;

/**
 * Training rows turned into small integers, once per fit.
 *
 * Every feature is read as float32 (`Math.fround`), as ONNX's TreeEnsemble reads it, and every cut
 * is itself a float32 value. A row's bin is the number of cuts ≤ its value, so "bin ≤ b" is
 * exactly "fround(x) < cuts[b]": the split a histogram found is the raw-value rule the exported
 * model applies, for every input, not only for the training rows.
 */
export interface Binned {
  rows: number;
  features: number;
  /** Per feature, ascending float32 thresholds: bin(x) = #{k : cuts[k] ≤ fround(x)}, NaN → MISSING_BIN. */
  cuts: Float64Array[];
  /** Bins feature-major, on shared memory: byColumn[f * rows + r]. (The histogram loop reads a row-major copy: pool.ts.) */
  byColumn: Uint8Array;
}

const FLOAT32_MAX = 3.4028234663852886e38;

/**
 * A float32 strictly above a and at most b (both float32): the midpoint when it lies strictly
 * between them, else b. Never +∞ (JSON cannot carry it): below +∞ the cut is the largest float32,
 * or none (NaN) when a is that already.
 */
function cutBetween(a: number, b: number): number {
  const mid = Math.fround((a + b) / 2);
  const cut = mid > a ? mid : b;
  if (cut !== Number.POSITIVE_INFINITY) return cut;
  return a < FLOAT32_MAX ? FLOAT32_MAX : Number.NaN;
}

/**
 * At most maxBins − 1 cuts, each bin holding about as many sampled rows as the others. With few
 * distinct values each gets its own bin. Otherwise the distinct values are walked in order and a
 * bin closes once it holds its share (rows left / bins left, so early bins do not starve late
 * ones); a heavy value (a spike of zeros, a categorical code) holding a share alone gets a bin to
 * itself, cut on both sides, as LightGBM's greedy binning does.
 */
export function quantileCuts(sample: Float32Array, maxBins: number): Float64Array {
  const m = sample.length;
  if (m === 0) return new Float64Array(0);
  sample.sort();
  const values = new Float64Array(m);
  const counts = new Int32Array(m);
  let distinct = 0;
  for (let i = 0; i < m; i++) {
    if (i > 0 && sample[i] === sample[i - 1]) counts[distinct - 1]!++;
    else {
      values[distinct] = sample[i]!;
      counts[distinct++] = 1;
    }
  }
  const cuts: number[] = [];
  if (distinct <= maxBins) {
    for (let d = 1; d < distinct; d++) cuts.push(cutBetween(values[d - 1]!, values[d]!));
    return Float64Array.from(cuts.filter((c) => c === c));
  }
  let binsLeft = maxBins;
  let rowsLeft = m;
  let inBin = 0;
  const close = (d: number) => {
    cuts.push(cutBetween(values[d - 1]!, values[d]!));
    binsLeft--;
    rowsLeft -= inBin;
    inBin = 0;
  };
  for (let d = 0; d < distinct && binsLeft > 1; d++) {
    const count = counts[d]!;
    if (inBin > 0 && (inBin >= rowsLeft / binsLeft || count >= rowsLeft / binsLeft)) close(d);
    inBin += count;
    if (binsLeft > 1 && d + 1 < distinct && count >= rowsLeft / binsLeft) close(d + 1);
  }
  return Float64Array.from(cuts.filter((c) => c === c));
}

/** Number of cuts ≤ fround(x), by binary search; NaN is MISSING_BIN. */
export function binOf(cuts: Float64Array, x: number): number {
  if (x !== x) return MISSING_BIN;
  const v = Math.fround(x);
  let lo = 0;
  let hi = cuts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cuts[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The rows whose values place the cuts: up to CUT_SAMPLE distinct ones, ascending, chosen with the fit's generator; null for all. */
export function cutSample(rows: number, random: () => number): Uint32Array | null {
  if (rows <= CUT_SAMPLE) return null;
  const pool = new Uint32Array(rows);
  for (let i = 0; i < rows; i++) pool[i] = i;
  for (let i = 0; i < CUT_SAMPLE; i++) {
    const j = i + Math.floor(random() * (rows - i));
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.slice(0, CUT_SAMPLE).sort();
}

/** Places one feature's cuts on the sample and writes its bins to out[0 … rows); returns the cuts. */
export function binFeature(column: Float64Array, sample: Uint32Array | null, maxBins: number, out: Uint8Array): Float64Array {
  const rows = out.length;
  const values = new Float32Array(sample ? sample.length : rows);
  let m = 0;
  for (let i = 0; i < values.length; i++) {
    const v = column[sample ? sample[i]! : i]!;
    if (v === v) values[m++] = v;
  }
  const cuts = quantileCuts(values.subarray(0, m), maxBins);
  // binOf without branches to mispredict: eight fixed halvings over the cuts padded with NaN
  // (which no value is ≥), each adding step × (0 or 1): 8 ns a value instead of 60.
  const c = new Float64Array(256).fill(Number.NaN);
  c.set(cuts);
  for (let r = 0; r < rows; r++) {
    const x = column[r]!;
    const v = Math.fround(x);
    let lo = 128 * +(c[127]! <= v);
    lo += 64 * +(c[lo + 63]! <= v);
    lo += 32 * +(c[lo + 31]! <= v);
    lo += 16 * +(c[lo + 15]! <= v);
    lo += 8 * +(c[lo + 7]! <= v);
    lo += 4 * +(c[lo + 3]! <= v);
    lo += 2 * +(c[lo + 1]! <= v);
    lo += +(c[lo]! <= v);
    out[r] = x === x ? lo : MISSING_BIN;
  }
  return cuts;
}

/** All features on the calling thread (the pool bins them on all threads: Pool.bin). */
export function binFeatures(x: FeatureMatrix, maxBins: number, random: () => number): Binned {
  const rows = x.rows;
  const byColumn = new Uint8Array(new SharedArrayBuffer(Math.max(1, rows * x.columns.length)));
  const sample = cutSample(rows, random);
  const cuts = x.columns.map((column, f) => binFeature(column, sample, maxBins, byColumn.subarray(f * rows, (f + 1) * rows)));
  return { rows, features: x.columns.length, cuts, byColumn };
}
