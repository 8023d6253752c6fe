/**
 * Input checks shared by every metric. A metric fed mismatched lengths, an empty split, NaN or a
 * class index out of range refuses with a sentence naming the problem, rather than returning a
 * number that looks plausible. Checks are single passes over typed data: no allocation per row.
 */

export function checkRows(what: string, n: number, ...others: [string, number][]): void {
  if (n === 0) throw new RangeError(`${what} needs at least one row`);
  for (const [name, length] of others) {
    if (length !== n) throw new RangeError(`${what}: ${name} has ${length} values for ${n} rows`);
  }
}

export function checkFinite(what: string, name: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw new RangeError(`${what}: ${name} at row ${i} is ${values[i]}, not a finite number`);
  }
}

/** Class indices must be integers 0..k−1 (the engine encodes labels before scoring). */
export function checkClasses(what: string, y: ArrayLike<number>, k: number): void {
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (!Number.isInteger(v) || v < 0 || v >= k) throw new RangeError(`${what}: class at row ${i} is ${v}; expected an integer from 0 to ${k - 1}`);
  }
}

export function checkProbabilities(what: string, p: ArrayLike<number>): void {
  for (let i = 0; i < p.length; i++) {
    const v = p[i]!;
    if (!(v >= 0 && v <= 1)) throw new RangeError(`${what}: probability at position ${i} is ${v}; expected a number from 0 to 1`);
  }
}

/** Class names: given, or the indices as text. */
export function classLabels(classes: number | readonly string[]): string[] {
  if (typeof classes !== 'number') return [...classes];
  if (!Number.isInteger(classes) || classes < 2) throw new RangeError(`need at least 2 classes; got ${classes}`);
  return Array.from({ length: classes }, (_v, i) => String(i));
}

/** Column k of a row-major n×width matrix, as its own array (for one-vs-rest scoring). */
export function column(matrix: ArrayLike<number>, width: number, k: number): Float64Array {
  const n = Math.floor(matrix.length / width);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = matrix[i * width + k]!;
  return out;
}

/** a / b, or 0 when b is 0: scikit-learn's zero_division=0, used for precision, recall and rates. */
export function ratio(a: number, b: number): number {
  return b === 0 ? 0 : a / b;
}
