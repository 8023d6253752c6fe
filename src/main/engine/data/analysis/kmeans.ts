import { seededRandom } from './rng';

const dist2 = (a: number[], b: number[]) => a.reduce((s, x, i) => s + (x - b[i]!) ** 2, 0);

/** k-means with k-means++ seeding and Lloyd iterations; deterministic for a seed. */
export function kmeans(points: number[][], k: number, seed = 42, maxIterations = 100): { labels: number[]; centroids: number[][]; inertia: number } {
  const random = seededRandom(seed);
  const n = points.length;
  const centroids: number[][] = [[...points[Math.floor(random() * n)]!]];
  const nearest = points.map((p) => dist2(p, centroids[0]!));
  while (centroids.length < Math.min(k, n)) {
    const total = nearest.reduce((s, d) => s + d, 0);
    let pick = random() * total;
    let index = 0;
    while (index < n - 1 && pick > nearest[index]!) pick -= nearest[index++]!;
    centroids.push([...points[index]!]);
    points.forEach((p, i) => (nearest[i] = Math.min(nearest[i]!, dist2(p, centroids.at(-1)!))));
  }
  const labels = new Array<number>(n).fill(0);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let moved = false;
    points.forEach((p, i) => {
      let best = 0;
      let bestDistance = Infinity;
      centroids.forEach((c, j) => {
        const d = dist2(p, c);
        if (d < bestDistance) [best, bestDistance] = [j, d];
      });
      if (labels[i] !== best) [labels[i], moved] = [best, true];
    });
    const sums = centroids.map((c) => new Array<number>(c.length).fill(0));
    const counts = new Array<number>(centroids.length).fill(0);
    points.forEach((p, i) => {
      counts[labels[i]!]!++;
      p.forEach((x, f) => (sums[labels[i]!]![f]! += x));
    });
    sums.forEach((s, j) => counts[j]! > 0 && (centroids[j] = s.map((x) => x / counts[j]!)));
    if (!moved && iteration > 0) break;
  }
  const inertia = points.reduce((s, p, i) => s + dist2(p, centroids[labels[i]!]!), 0);
  return { labels, centroids, inertia };
}

/** Mean silhouette: how much closer each point is to its own cluster than to the next (−1..1). */
export function silhouette(points: number[][], labels: number[]): number {
  const k = Math.max(...labels) + 1;
  if (k < 2) return 0;
  let total = 0;
  points.forEach((p, i) => {
    const sum = new Array<number>(k).fill(0);
    const count = new Array<number>(k).fill(0);
    points.forEach((q, j) => {
      if (i === j) return;
      sum[labels[j]!]! += Math.sqrt(dist2(p, q));
      count[labels[j]!]!++;
    });
    const own = labels[i]!;
    const a = count[own]! > 0 ? sum[own]! / count[own]! : 0;
    const b = Math.min(...sum.map((s, c) => (c === own || count[c] === 0 ? Infinity : s / count[c]!)));
    total += count[own] === 0 || !Number.isFinite(b) ? 0 : (b - a) / Math.max(a, b);
  });
  return total / points.length;
}
