import type { FeatureReference } from '../../../shared/monitor/feature-drift';
import { REFERENCE_BINS } from '../registry/reference-profile';

/**
 * A numeric column's reference profile (the shape reference-profile.ts numericReference gives a
 * package: decile edges, counts per decile bin, a 1,000-value sample evenly spaced in sorted order)
 * from a fine histogram instead of the sorted column. Pure: file-drift-reference.ts runs the queries.
 *
 * The histogram has equal-width bins between the column's minimum and maximum, each with its count
 * and its own smallest and largest value. Bin numbers never decrease as the value grows, so the value
 * of rank k (0-based, in sorted order) lies in the bin where the running count passes k, every value
 * of an earlier bin is smaller than every value of a later one, and a bin's smallest value has as
 * many values below it as the bins before it hold.
 * - Up to EXACT_ROWS values, the bins holding a wanted rank are read value by value (a bin whose
 *   smallest and largest values are equal needs no reading): the profile is exactly a package's.
 * - Above, nothing is read again, so the profile costs one pass over the column. The first and last
 *   edges are the exact minimum and maximum. An inner decile edge becomes the smallest value of the
 *   fine bin holding the decile's upper neighbour: within that bin's spread of the exact decile, or
 *   anywhere in the empty gap between the neighbours (where any edge cuts the values the same way).
 *   The counts are exact for the edges used (those below such an edge are the bins before it). A
 *   sample value is interpolated between its bin's smallest and largest value by its place in the
 *   bin: off by at most that bin's spread, at most (max − min) / (fine bins − 1), and exact wherever
 *   a bin holds one value (integers, flags, spikes) and at both ends of every bin.
 */

/** The sample size a package's profile keeps (reference-profile.ts). */
export const SAMPLE_SIZE = 1000;

/** A column's occupied fine bins in ascending bin order: parallel arrays, one entry per bin. */
export interface FineHistogram {
  bin: Float64Array;
  count: Float64Array;
  min: Float64Array;
  max: Float64Array;
}

/** 0-based ranks the profile reads: every sample position, and both neighbours of every decile. */
export function profileRanks(n: number): { sample: number[]; deciles: Array<{ lo: number; hi: number; frac: number }> } {
  const take = Math.min(SAMPLE_SIZE, n);
  const sample = Array.from({ length: take }, (_, k) => Math.round((k * (n - 1)) / Math.max(1, take - 1)));
  const deciles = Array.from({ length: REFERENCE_BINS + 1 }, (_, k) => {
    // The same floating-point steps as reference-profile.ts, so the edges agree to the last bit.
    const p = k / REFERENCE_BINS;
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    return { lo, hi: Math.min(lo + 1, n - 1), frac: h - lo };
  });
  return { sample, deciles };
}

/** Where each bin's first value sits in sorted order, and how to find the bin of a rank. */
class Placement {
  readonly start: Float64Array;
  readonly n: number;
  constructor(readonly h: FineHistogram) {
    this.start = new Float64Array(h.count.length);
    let at = 0;
    for (let k = 0; k < h.count.length; k++) {
      this.start[k] = at;
      at += h.count[k]!;
    }
    this.n = at;
  }

  /** Index (into the histogram's arrays) of the bin holding `rank`, by binary search over the starts. */
  of(rank: number): number {
    let lo = 0;
    let hi = this.start.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.start[mid]! <= rank) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}

/** Up to this many values a column, its profile is exact (the wanted bins are read again). */
export const EXACT_ROWS = 100_000;

/**
 * The bins to read value by value for an exact profile: those holding a wanted rank (sample
 * positions, decile neighbours) and more than one distinct value. None above EXACT_ROWS values.
 */
export function binsToRead(h: FineHistogram, exactRows = EXACT_ROWS): number[] {
  const placed = new Placement(h);
  if (placed.n === 0 || placed.n > exactRows) return [];
  const { sample, deciles } = profileRanks(placed.n);
  const wanted = new Set([...sample, ...deciles.flatMap((d) => [d.lo, d.hi])].map((rank) => placed.of(rank)).filter((k) => h.min[k] !== h.max[k]));
  return [...wanted].map((k) => h.bin[k]!).sort((a, b) => a - b);
}

/**
 * The numeric profile from the fine histogram and the values of the bins binsToRead named
 * (bin → [value, how many times], any order).
 */
export function numericFromBins(name: string, missing: number, h: FineHistogram, read: Map<number, Array<[number, number]>>): Extract<FeatureReference, { kind: 'numeric' }> {
  const placed = new Placement(h);
  const n = placed.n;
  if (n === 0) return { name, kind: 'numeric', edges: [], counts: [], missing, sample: [] };
  const runs = new Map([...read].map(([bin, values]) => [bin, [...values].sort((a, b) => a[0] - b[0])]));
  /** The value at `rank` and the rank of its first occurrence (how many values are smaller), or null when its bin was not read. */
  const exact = (rank: number): { value: number; first: number } | null => {
    const k = placed.of(rank);
    // A bin's first rank holds its smallest value, with every earlier bin's values below it.
    if (h.min[k] === h.max[k] || rank === placed.start[k]) return { value: h.min[k]!, first: placed.start[k]! };
    const values = runs.get(h.bin[k]!);
    if (!values) return null;
    let first = placed.start[k]!;
    for (const [value, count] of values) {
      if (rank < first + count) return { value, first };
      first += count;
    }
    throw new Error(`bin ${h.bin[k]} of ${name} was read short: ${first - placed.start[k]!} of ${h.count[k]} values`);
  };
  const approximate = (rank: number): number => {
    const known = exact(rank);
    if (known) return known.value;
    const k = placed.of(rank);
    return h.min[k]! + ((h.max[k]! - h.min[k]!) * (rank - placed.start[k]!)) / (h.count[k]! - 1);
  };
  const { sample, deciles } = profileRanks(n);
  // Per distinct edge, how many values lie below it: between ranks lo and lo + 1 that is lo + 1; on a
  // value itself, the rank of its first occurrence; on a bin's smallest value, the bin's start.
  const below = new Map<number, number>();
  deciles.forEach((d, k) => {
    const a = exact(d.lo);
    const b = exact(d.hi);
    if (a && b) {
      const edge = d.frac === 0 ? a.value : a.value + d.frac * (b.value - a.value);
      if (!below.has(edge)) below.set(edge, edge > a.value ? d.lo + 1 : a.first);
    } else if (k === deciles.length - 1) {
      // The last edge is the maximum; how many lie below it is never needed (the last bin takes the rest).
      if (!below.has(h.max[h.max.length - 1]!)) below.set(h.max[h.max.length - 1]!, Number.NaN);
    } else {
      const bin = placed.of(d.hi);
      if (!below.has(h.min[bin]!)) below.set(h.min[bin]!, placed.start[bin]!);
    }
  });
  const edges = [...below.keys()];
  // As bins.ts histogram() counts: the first bin takes everything below the second edge, the last everything from its lower edge up.
  const counts = edges.length <= 2 ? [n] : edges.slice(0, -1).map((_, k) => (k === edges.length - 2 ? n : below.get(edges[k + 1]!)!) - (k === 0 ? 0 : below.get(edges[k]!)!));
  return { name, kind: 'numeric', edges, counts, missing, sample: sample.map(approximate) };
}
