/**
 * Plot-sized subsets. Curves keep points evenly spaced along their length (so a steep corner keeps
 * as many points as a long flat run); scatter plots keep an even stride plus the worst rows.
 */

/**
 * Indices of at most `maxPoints` points along the polyline (x[i], y[i]), always the first and
 * last, the rest at roughly equal arc length.
 */
export function alongPath(x: ArrayLike<number>, y: ArrayLike<number>, maxPoints: number): number[] {
  const n = x.length;
  if (n <= maxPoints) return Array.from({ length: n }, (_v, i) => i);
  if (maxPoints < 2) throw new RangeError(`maxPoints must be at least 2; got ${maxPoints}`);
  let total = 0;
  for (let i = 1; i < n; i++) total += Math.hypot(x[i]! - x[i - 1]!, y[i]! - y[i - 1]!);
  const step = total / (maxPoints - 1);
  const keep = [0];
  let walked = 0;
  for (let i = 1; i < n - 1 && keep.length < maxPoints - 1; i++) {
    walked += Math.hypot(x[i]! - x[i - 1]!, y[i]! - y[i - 1]!);
    if (walked >= step * keep.length) keep.push(i);
  }
  keep.push(n - 1);
  return keep;
}

/**
 * Indices of at most `maxPoints` rows: the `extremes` rows with the largest `weight` (so outliers
 * always show), plus an even stride through the rest. Sorted ascending.
 */
export function strideWithExtremes(weight: ArrayLike<number>, maxPoints: number, extremes: number): number[] {
  const n = weight.length;
  if (n <= maxPoints) return Array.from({ length: n }, (_v, i) => i);
  const top = largest(weight, Math.min(extremes, maxPoints));
  const chosen = new Set(top);
  const stride = n / (maxPoints - top.length);
  for (let s = 0; chosen.size < maxPoints && s * stride < n; s++) chosen.add(Math.floor(s * stride));
  return [...chosen].sort((a, b) => a - b);
}

/** Indices of the k largest values (a small sorted buffer: O(n·k) worst case, O(n) typically). */
function largest(values: ArrayLike<number>, k: number): number[] {
  if (k <= 0) return [];
  const idx: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (idx.length === k && v <= values[idx[k - 1]!]!) continue;
    let at = idx.length === k ? k - 1 : idx.length;
    while (at > 0 && values[idx[at - 1]!]! < v) {
      idx[at] = idx[at - 1]!;
      at--;
    }
    idx[at] = i;
  }
  return idx;
}
