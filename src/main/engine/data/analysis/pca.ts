/**
 * Eigen-decomposition of a symmetric matrix by cyclic Jacobi rotations: exact enough for the small
 * covariance matrices of tabular data (tens of columns) and free of dependencies.
 * Returns eigenvalues in descending order with their unit eigenvectors.
 */
export function symmetricEigen(matrix: number[][]): { values: number[]; vectors: number[][] } {
  const n = matrix.length;
  const a = matrix.map((row) => [...row]);
  const v: number[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += a[p]![q]! ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(a[p]![q]!) < 1e-300) continue;
        const theta = (a[q]![q]! - a[p]![p]!) / (2 * a[p]![q]!);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k]![p]!;
          const akq = a[k]![q]!;
          a[k]![p] = c * akp - s * akq;
          a[k]![q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p]![k]!;
          const aqk = a[q]![k]!;
          a[p]![k] = c * apk - s * aqk;
          a[q]![k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k]![p]!;
          const vkq = v[k]![q]!;
          v[k]![p] = c * vkp - s * vkq;
          v[k]![q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[j]![j]! - a[i]![i]!);
  return { values: order.map((i) => a[i]![i]!), vectors: order.map((i) => v.map((row) => row[i]!)) };
}

/** Principal components of standardised rows: the share of variance each explains and the 2-D projection. */
export function pca(rows: number[][], components = 2): { explained: number[]; loadings: number[][]; projection: number[][] } {
  const n = rows.length;
  const d = rows[0]?.length ?? 0;
  if (n < 2 || d === 0) return { explained: [], loadings: [], projection: rows.map(() => []) };
  const cov = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (const r of rows) for (let i = 0; i < d; i++) for (let j = i; j < d; j++) cov[i]![j]! += r[i]! * r[j]!;
  for (let i = 0; i < d; i++) for (let j = i; j < d; j++) cov[j]![i] = cov[i]![j]! /= n - 1;
  const { values, vectors } = symmetricEigen(cov);
  const total = values.reduce((s, v) => s + Math.max(0, v), 0) || 1;
  const k = Math.min(components, d);
  const loadings = vectors.slice(0, k);
  return {
    explained: values.slice(0, k).map((v) => Math.max(0, v) / total),
    loadings,
    projection: rows.map((r) => loadings.map((vec) => vec.reduce((s, w, i) => s + w * r[i]!, 0))),
  };
}
