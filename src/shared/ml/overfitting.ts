/**
 * A plain-words warning when a model scores clearly better on its training rows than on held-out
 * validation rows.
 *
 * Two tolerances, because metrics come in two kinds:
 * - Scores on a 0–1 scale that higher is better (accuracy, AUC, F1, R², …): warn when train beats
 *   validation by more than 0.05 absolute. On that shared scale 0.05 is five points of accuracy,
 *   a gap people recognise, and it stays meaningful near the top, where 0.99 against 0.93 is a
 *   6% relative gap but a real one.
 * - Errors in the target's unit or unbounded (RMSE, MAE, log loss, Brier, MAPE, …): no absolute
 *   number fits every unit, so warn when validation is more than 10% worse than train, relative
 *   to the training value.
 * A gap in the model's favour on validation never warns: that is noise or an easy split, not
 * overfitting.
 */
import { metricInfo } from './catalogue';

export const OVERFIT_ABSOLUTE_TOLERANCE = 0.05;
export const OVERFIT_RELATIVE_TOLERANCE = 0.1;

export function overfittingWarning(train: number | null, validation: number | null, metric: string, higherIsBetter: boolean): string | null {
  if (train === null || validation === null || !Number.isFinite(train) || !Number.isFinite(validation)) return null;
  const info = metricInfo(metric);
  const label = info?.label ?? metric;
  // How much better the training score is, in the metric's own direction.
  const gap = higherIsBetter ? train - validation : validation - train;
  const unitScale = info ? info.range[1] === 1 && higherIsBetter : higherIsBetter && train <= 1 && validation <= 1;
  const advice = 'The model may be overfitting: try stronger regularisation, a simpler model or more training data.';
  if (unitScale) {
    if (gap <= OVERFIT_ABSOLUTE_TOLERANCE) return null;
    return `${label} is ${fmt(train)} on training data but ${fmt(validation)} on validation data, a gap of ${fmt(gap)} (more than ${OVERFIT_ABSOLUTE_TOLERANCE}). ${advice}`;
  }
  // The 1e-12 floor keeps float noise around a perfect training fit (train ≈ 0) from warning.
  if (gap <= OVERFIT_RELATIVE_TOLERANCE * Math.abs(train) || gap <= 1e-12) return null;
  const relative = train === 0 ? 'while it is 0 on training data' : `${Math.round((gap / Math.abs(train)) * 100)}% worse than on training data (${fmt(train)})`;
  return `${label} is ${fmt(validation)} on validation data, ${relative}; the tolerance is ${OVERFIT_RELATIVE_TOLERANCE * 100}%. ${advice}`;
}

/** Three significant figures, without trailing zeros. */
function fmt(v: number): string {
  return String(Number(v.toPrecision(3)));
}
