import type { DriftHeatmap } from '../../../shared/monitor/models';

/**
 * The drift heatmap as the Monitor workspace shows it: each cell judged (drifted or stable) or not
 * judged (a window too small, or with no values), the features that drifted anywhere, and the words
 * a cell's tooltip and screen-reader label say. Pure, so the rules are unit-tested.
 */

type Feature = DriftHeatmap['features'][number];
type Cell = Feature['cells'][number];
type Window = DriftHeatmap['windows'][number];

export type CellState = 'drifted' | 'stable' | 'unjudged';

/** A cell with a warning was not judged, whatever its statistic says. */
export function cellState(cell: Cell): CellState {
  if (cell.warning !== null) return 'unjudged';
  return cell.drifted ? 'drifted' : 'stable';
}

/** Tests whose verdict is a p-value below the threshold; the others are distances at or above it. */
const P_VALUE_TESTS = new Set(['ks', 'chisquare']);

export const TEST_NAMES: Record<string, string> = {
  ks: 'Kolmogorov–Smirnov',
  chisquare: 'chi-square',
  wasserstein: 'Wasserstein (normalised)',
  jensenshannon: 'Jensen–Shannon',
  psi: 'PSI',
};

/** 3 significant digits; very small p-values in exponent form. */
export function num(x: number): string {
  if (x === 0) return '0';
  if (Math.abs(x) < 0.001) return x.toExponential(1);
  return String(Number(x.toPrecision(3)));
}

/** The test's verdict in words: "KS p = 2.0e-5 < 0.05" or "Wasserstein 0.31 ≥ 0.1". */
export function verdictWords(test: string, threshold: number, cell: Cell): string {
  const name = TEST_NAMES[test] ?? test;
  if (P_VALUE_TESTS.has(test) && cell.pValue !== null) {
    const below = cell.pValue < threshold;
    return `${name} statistic ${num(cell.statistic)}, p = ${num(cell.pValue)} ${below ? '<' : '≥'} ${num(threshold)}`;
  }
  return `${name} ${num(cell.statistic)} ${cell.statistic >= threshold ? '≥' : '<'} ${num(threshold)}`;
}

/** What a cell says when hovered or read aloud: feature, window, rows, then the verdict or why there is none. */
export function cellWords(feature: Feature, window: Window, index: number, cell: Cell): string {
  const where = `${feature.feature}, window ${index + 1} (${window.rows.toLocaleString('en')} rows)`;
  const state = cellState(cell);
  if (state === 'unjudged') return `${where}: not judged — ${cell.warning}`;
  return `${where}: ${state === 'drifted' ? 'drifted' : 'no drift'} — ${verdictWords(feature.test, feature.threshold, cell)}`;
}

/** Features with at least one drifted window, most drifted windows first (then by name), with the count. */
export function driftedFeatures(heatmap: DriftHeatmap): Array<{ feature: string; windows: number }> {
  return heatmap.features
    .map((f) => ({ feature: f.feature, windows: f.cells.filter((c) => cellState(c) === 'drifted').length }))
    .filter((f) => f.windows > 0)
    .sort((a, b) => b.windows - a.windows || a.feature.localeCompare(b.feature));
}

/** The feature to show first: the one that drifted in most windows, else the first feature. */
export function firstFeature(heatmap: DriftHeatmap): string | null {
  return driftedFeatures(heatmap)[0]?.feature ?? heatmap.features[0]?.feature ?? null;
}

/** The window's share of drifted features as a whole percentage, and whether the dataset counts as drifted. */
export function shareWords(window: Window): string {
  return `${Math.round(window.datasetShare * 100)}% of features drifted${window.datasetDrifted ? ' — dataset drift' : ''}`;
}
