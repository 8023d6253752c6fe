/** The bin of x among ascending edges: 0 … edges.length − 2, clamped at both ends (a value on an inner edge goes to the bin above it). */
export function binOf(edges: readonly number[], x: number): number {
  let lo = 0;
  let hi = edges.length - 2;
  if (hi <= 0) return 0;
  // The last edge whose value is ≤ x, by binary search.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Counts of values per bin of the edges. */
export function histogram(edges: readonly number[], values: Iterable<number>): number[] {
  const counts = new Array<number>(Math.max(1, edges.length - 1)).fill(0);
  for (const x of values) counts[binOf(edges, x)]! += 1;
  return counts;
}
