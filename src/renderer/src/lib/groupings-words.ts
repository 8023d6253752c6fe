import type { Analysis } from '../../../shared/data/analysis';
import type { DatasetVersion } from '../../../shared/data/models';
import { count, isNumericType, share, stat } from './data-words';

/** The Groupings tab in words: what each chart shows, for everyone and for screen readers. */

/** Above this isolation-forest score a row is unusual (the engine counts them with the same bound). */
export const UNUSUAL_SCORE = 0.6;

/** A share to one decimal: the two components' shares add up to the total shown, and 299 of 300 is not 100%. */
export const percentage = (fraction: number) => `${(fraction * 100).toFixed(1)}%`;

/** The columns the analysis will use: numeric storage and treatment, the target left out (as the engine picks them). */
export function analysisFeatures(version: Pick<DatasetVersion, 'columns' | 'target'>): string[] {
  return version.columns.filter((c) => c.name !== version.target && c.semantic === 'numeric' && isNumericType(c.type)).map((c) => c.name);
}

/**
 * The k the elbow rule picks: where the drop in inertia slows the most (largest second difference).
 * The analysis only reports the k it used, so when k was chosen by hand this says what the elbow
 * would have picked. The same rule as the engine's `elbow`.
 */
export function elbowOf(inertia: Analysis['clusters']['inertia']): number | null {
  let best: number | null = null;
  let bend = -Infinity;
  inertia.forEach((point, i) => {
    const before = inertia[i - 1];
    const after = inertia[i + 1];
    if (!before || !after) return;
    const here = before.inertia - 2 * point.inertia + after.inertia;
    if (here > bend) [best, bend] = [point.k, here];
  });
  return best;
}

/** "PC1 explains 50.5% of the variance and PC2 48.1%: …" with the columns that make up PC1. */
export function pcaSummary(pca: Analysis['pca'], features: string[]): string {
  const [first, second] = pca.explained;
  if (first === undefined) return 'PCA needs at least one numeric column and two rows.';
  // The columns that weigh on PC1 (at most three; a weight under 0.2 hardly shapes it).
  const weights = (pca.loadings[0] ?? []).map((w, i) => ({ w, name: features[i] ?? `column ${i + 1}` })).sort((a, b) => Math.abs(b.w) - Math.abs(a.w));
  const made = weights.filter((m, i) => i === 0 || Math.abs(m.w) >= 0.2).slice(0, 3);
  const of = `PC1 weighs ${made.map((m) => `${m.name} (${m.w.toFixed(2)})`).join(', ')} most.`;
  if (second === undefined) return `PC1 explains ${percentage(first)} of the variance; with one numeric column there is no second component. ${of}`;
  const both = first + second;
  const reading = both >= 0.8 ? 'so the plot shows most of how the rows differ' : both >= 0.5 ? 'so the plot shows much, not all, of how the rows differ' : 'so groups that overlap here may still be apart in other directions';
  return `PC1 explains ${percentage(first)} of the variance and PC2 ${percentage(second)}: together ${percentage(both)}, ${reading}. ${of}`;
}

/** What the elbow chart shows, and how well the clusters separate. */
export function clustersSummary(clusters: Analysis['clusters']): string {
  const { inertia, k, silhouette } = clusters;
  const elbow = elbowOf(inertia);
  const first = inertia[0];
  const atK = inertia.find((i) => i.k === k);
  const drop = first && atK && first.inertia > 0 ? ` Inertia (the within-cluster sum of squares) falls from ${stat(first.inertia)} at k = 1 to ${stat(atK.inertia)} at k = ${k} (${share(atK.inertia, first.inertia)} is left).` : '';
  const bend = elbow === null ? '' : elbow === k ? ` The elbow is at k = ${k}.` : ` The elbow would pick k = ${elbow}; k = ${k} was chosen by hand.`;
  const quality = silhouette >= 0.5 ? 'well separated' : silhouette >= 0.25 ? 'somewhat separated' : 'overlapping';
  return `k-means with k = ${k}.${drop}${bend} Silhouette ${silhouette.toFixed(2)}: ${quality} (1 is perfect, near 0 the clusters overlap).`;
}

/** Per cluster, its commonest target value among the plotted points and that value's share. */
export function targetMix(points: Analysis['points'], k: number): ({ value: string; share: string; plotted: number } | null)[] {
  return Array.from({ length: k }, (_, c) => {
    const counts = new Map<string, number>();
    let plotted = 0;
    for (const p of points) {
      if (p.cluster !== c) continue;
      plotted++;
      const value = p.target === null || p.target === '' ? '(missing)' : String(p.target);
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    const [value, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
    return value === undefined || n === undefined ? null : { value, share: percentage(n / plotted), plotted };
  });
}

/** The isolation forest's verdict in a sentence. */
export function anomaliesSummary(anomalies: Analysis['anomalies'], sampleRows: number): string {
  const top = anomalies.top[0];
  const unusual = `${count(anomalies.unusual)} of ${count(sampleRows)} sampled rows (${share(anomalies.unusual, sampleRows)}) score above ${UNUSUAL_SCORE}, the usual bound for unusual.`;
  return top ? `${unusual} The most anomalous is row ${count(top.row + 1)} (score ${top.score.toFixed(2)}).` : unusual;
}

/** The strongest pairs of a correlation matrix, strongest first (by absolute value). */
export function strongestPairs(columns: string[], matrix: (number | null)[][], most = 3): { a: string; b: string; value: number }[] {
  const pairs: { a: string; b: string; value: number }[] = [];
  for (let i = 0; i < columns.length; i++) {
    for (let j = i + 1; j < columns.length; j++) {
      const value = matrix[i]?.[j];
      if (value !== null && value !== undefined) pairs.push({ a: columns[i]!, b: columns[j]!, value });
    }
  }
  return pairs.sort((x, y) => Math.abs(y.value) - Math.abs(x.value)).slice(0, most);
}
