/**
 * Mutual information (in nats) between two discrete variables from their joint counts:
 * I(X;Y) = Σ p(x,y) · ln(p(x,y) / (p(x) p(y))). Zero when independent; at most min(H(X), H(Y)).
 */
export function mutualInformation(joint: Array<{ x: string; y: string; n: number }>): number {
  const total = joint.reduce((s, c) => s + c.n, 0);
  if (total === 0) return 0;
  const px = new Map<string, number>();
  const py = new Map<string, number>();
  for (const c of joint) {
    px.set(c.x, (px.get(c.x) ?? 0) + c.n);
    py.set(c.y, (py.get(c.y) ?? 0) + c.n);
  }
  let mi = 0;
  for (const c of joint) {
    if (c.n === 0) continue;
    const pxy = c.n / total;
    mi += pxy * Math.log(pxy / ((px.get(c.x)! / total) * (py.get(c.y)! / total)));
  }
  return Math.max(0, mi);
}

/** Ranks 1..n with ties given their average rank. */
export function averageRanks(values: number[]): number[] {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && order[end + 1]!.v === order[start]!.v) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!.i] = rank;
    start = end + 1;
  }
  return ranks;
}

export function pearson(x: number[], y: number[]): number | null {
  const n = x.length;
  if (n < 2) return null;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/** Spearman's rho: Pearson on average ranks, over the rows where both values are present. */
export function spearman(x: Array<number | null>, y: Array<number | null>): number | null {
  const both = x.map((v, i) => [v, y[i]] as const).filter((p): p is readonly [number, number] => p[0] !== null && p[1] !== null);
  return pearson(averageRanks(both.map((p) => p[0])), averageRanks(both.map((p) => p[1])));
}
