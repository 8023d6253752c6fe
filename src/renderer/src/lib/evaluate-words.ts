import type { Evaluation, RowExplanation, Run } from '../../../shared/train/models';

/** Pure helpers of the Evaluate workspace: which runs to offer, threshold choices, and the charts' summaries in words. */

export type SweepPoint = NonNullable<Evaluation['thresholdSweep']>[number];

/** Finished (succeeded) runs, newest first. */
export function finishedRuns(runs: readonly Run[]): Run[] {
  return runs.filter((r) => r.status === 'succeeded').sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Index of the sweep point nearest to `threshold`. */
export function sweepIndexAt(sweep: readonly SweepPoint[], threshold: number): number {
  let best = 0;
  for (let i = 1; i < sweep.length; i++) if (Math.abs(sweep[i]!.threshold - threshold) < Math.abs(sweep[best]!.threshold - threshold)) best = i;
  return best;
}

/** The sweep point with the highest F1 (the lowest threshold among ties). */
export function bestF1Index(sweep: readonly SweepPoint[]): number {
  let best = 0;
  for (let i = 1; i < sweep.length; i++) if (sweep[i]!.f1 > sweep[best]!.f1) best = i;
  return best;
}

/** The sweep point maximising Youden's J = recall (TPR) − FPR. */
export function youdenIndex(sweep: readonly SweepPoint[]): number {
  const j = (p: SweepPoint) => p.recall - p.fpr;
  let best = 0;
  for (let i = 1; i < sweep.length; i++) if (j(sweep[i]!) > j(sweep[best]!)) best = i;
  return best;
}

/** 0.4789 → "47.9%". */
export function pct(fraction: number | null | undefined): string {
  return fraction === null || fraction === undefined || !Number.isFinite(fraction) ? '—' : `${(fraction * 100).toFixed(1)}%`;
}

/** Rounded to 3 decimals, "—" when undefined. */
export function num3(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(3);
}

export function confusionSummary(labels: readonly string[], matrix: readonly (readonly number[])[]): string {
  const total = matrix.flat().reduce((s, v) => s + v, 0);
  const correct = matrix.reduce((s, row, i) => s + (row[i] ?? 0), 0);
  return `Confusion matrix of ${labels.length} classes: ${correct} of ${total} rows predicted correctly (${pct(total ? correct / total : null)}).`;
}

export function rocSummary(auc: number | null, point: SweepPoint | null): string {
  const at = point ? ` The marker at threshold ${point.threshold.toFixed(2)} has true positive rate ${pct(point.recall)} and false positive rate ${pct(point.fpr)}.` : '';
  return `ROC curve with area under the curve ${num3(auc)}.${at}`;
}

export function prSummary(ap: number | null): string {
  return `Precision-recall curve with average precision ${num3(ap)}.`;
}

export function calibrationSummary(bins: NonNullable<Evaluation['calibration']>): string {
  const worst = bins.reduce((m, b) => Math.max(m, Math.abs(b.meanPredicted - b.fractionPositive)), 0);
  return `Calibration curve over ${bins.length} bins; the largest gap between predicted probability and observed share of positives is ${pct(worst)}.`;
}

export function residualSummary(residuals: NonNullable<Evaluation['residuals']>): string {
  const n = residuals.residual.length;
  const mean = n ? residuals.residual.reduce((s, v) => s + v, 0) / n : 0;
  const meanAbs = n ? residuals.residual.reduce((s, v) => s + Math.abs(v), 0) / n : 0;
  return `${n} residuals (actual minus predicted): mean ${mean.toPrecision(3)}, mean absolute ${meanAbs.toPrecision(3)}.`;
}

export function importanceSummary(importance: NonNullable<Evaluation['importance']>): string {
  const top = [...importance.columns].sort((a, b) => b.mean - a.mean).slice(0, 3);
  return `Permutation importance (drop in ${importance.metric} when a column is shuffled, ${importance.repeats} repeats): most important ${top.map((c) => `${c.column} (${c.mean.toPrecision(3)})`).join(', ')}.`;
}

export function partialDependenceSummary(pd: NonNullable<Evaluation['partialDependence']>[number]): string {
  const ys = pd.values.map((v) => v[v.length - 1] ?? 0);
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  return `Partial dependence on ${pd.column}: the average prediction ranges from ${lo.toPrecision(3)} to ${hi.toPrecision(3)} over ${pd.grid.length} values.`;
}

export function contributionsSummary(contributions: readonly { column: string; contribution: number }[], scale: string): string {
  const top = contributions.slice(0, 3).map((c) => `${c.column} ${c.contribution >= 0 ? '+' : ''}${c.contribution.toPrecision(3)}`);
  return `Contributions on the ${scale} scale, largest first: ${top.join(', ')}.`;
}

/** The method in a few words: exact methods say so, occlusion says it approximates. */
export function explanationMethodWords(e: Pick<RowExplanation, 'method' | 'methodKind'>): string {
  if (e.methodKind === 'treeshap') return 'TreeSHAP, exact';
  if (e.methodKind === 'exact-linear') return 'exact (linear model)';
  if (e.methodKind === 'occlusion') return 'occlusion, approximate';
  // Explanations made before the method was recorded as an id carry it in words only.
  return e.method;
}

/** True when base value + contributions = output, so a waterfall from the base to the output is honest. */
export function isAdditive(e: Pick<RowExplanation, 'methodKind' | 'baseValue'>): boolean {
  return (e.methodKind === 'treeshap' || e.methodKind === 'exact-linear') && e.baseValue !== undefined;
}

/** How to read the numbers: where the contributions start, where they end, and on what scale. */
export function explanationReading(e: Pick<RowExplanation, 'methodKind' | 'baseValue' | 'baselineOutput' | 'output' | 'scale'>): string {
  const output = e.output.toPrecision(4);
  if (e.methodKind === 'treeshap' && e.baseValue !== undefined) {
    return `The contributions start from the base value ${e.baseValue.toPrecision(4)}, the model's expected ${e.scale} over its training rows (each split weighted by its training cover), and add up exactly to this row's ${output}. Interactions are shared fairly between the columns involved (Shapley values).`;
  }
  if (e.methodKind === 'exact-linear' && e.baseValue !== undefined) {
    return `The contributions start from the base value ${e.baseValue.toPrecision(4)}, the ${e.scale} of a baseline row (column means, most frequent levels), and add up exactly to this row's ${output}: each is the column's own term in the model.`;
  }
  return `Each contribution is the change in ${e.scale} when that column alone is set to its baseline (a baseline row gives ${e.baselineOutput.toPrecision(4)}). Interactions are ignored, so they need not add up to the difference from this row's ${output}.`;
}

/** The card's file name: the run's name made safe for a file system. */
export function cardFileName(run: Pick<Run, 'name'>): string {
  return `${run.name.replace(/[^\w.@-]+/g, '-').replace(/^-+|-+$/g, '') || 'run'}-model-card.md`;
}
