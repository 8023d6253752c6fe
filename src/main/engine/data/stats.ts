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
