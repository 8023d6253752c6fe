/**
 * Classification metrics on one split from class indices and predicted probabilities
 * (row-major n×K; binary is K = 2). Conventions follow scikit-learn; where MLCycle differs it says
 * so beside the number.
 */
import {
  type Averages,
  balancedAccuracy,
  type ClassScores,
  classScores,
  confusionMatrix,
  macroAverage,
  predictClasses,
  weightedAverage,
} from './confusion';
import { checkClasses, checkProbabilities, checkRows, classLabels, column } from './inputs';
import { aucOf, averagePrecisionOf, rankScores } from './ranking';

/** Probabilities are clipped to [LOG_LOSS_EPS, 1 − LOG_LOSS_EPS] before the log. */
export const LOG_LOSS_EPS = 1e-15;

export interface ClassificationOptions {
  /** Binary only: class 1 is predicted when p₁ ≥ threshold (default 0.5). Ignored for multiclass. */
  threshold?: number;
}

export interface ClassificationMetrics {
  n: number;
  labels: string[];
  /** The binary decision threshold used; null for multiclass (arg-max). */
  threshold: number | null;
  accuracy: number;
  balancedAccuracy: number;
  perClass: ClassScores[];
  macro: Averages;
  weighted: Averages;
  /** Binary: AUC of p₁. Multiclass: one-vs-rest macro mean over the classes where it is defined. */
  rocAuc: number | null;
  /** Average precision, binary of p₁; multiclass: one-vs-rest macro, like rocAuc. */
  prAuc: number | null;
  /** Multiclass only: each class against the rest (null where that class is absent or is every row). */
  oneVsRest: { rocAuc: (number | null)[]; prAuc: (number | null)[] } | null;
  logLoss: number;
  brier: number;
  /** Rows = true class, columns = predicted class. */
  confusionMatrix: number[][];
}

export function classificationMetrics(
  yTrue: ArrayLike<number>,
  probabilities: ArrayLike<number>,
  classes: number | readonly string[],
  options: ClassificationOptions = {},
): ClassificationMetrics {
  const labels = classLabels(classes);
  const k = labels.length;
  const n = yTrue.length;
  checkRows('classification metrics', n);
  if (probabilities.length !== n * k) {
    throw new RangeError(`classification metrics: probabilities has ${probabilities.length} values; expected ${n} rows × ${k} classes = ${n * k}`);
  }
  checkClasses('classification metrics', yTrue, k);
  checkProbabilities('classification metrics', probabilities);
  const threshold = k === 2 ? (options.threshold ?? 0.5) : null;
  const cm = confusionMatrix(yTrue, predictClasses(probabilities, k, threshold ?? 0.5), k);
  const perClass = classScores(cm, labels);
  let correct = 0;
  for (let c = 0; c < k; c++) correct += cm[c]![c]!;
  const ranking = rankingMetrics(yTrue, probabilities, k);
  return {
    n,
    labels,
    threshold,
    accuracy: correct / n,
    balancedAccuracy: balancedAccuracy(perClass),
    perClass,
    macro: macroAverage(perClass),
    weighted: weightedAverage(perClass),
    ...ranking,
    logLoss: logLoss(yTrue, probabilities, k),
    brier: brierScore(yTrue, probabilities, k),
    confusionMatrix: cm,
  };
}

function rankingMetrics(yTrue: ArrayLike<number>, probabilities: ArrayLike<number>, k: number) {
  if (k === 2) {
    const r = rankScores(yTrue, column(probabilities, 2, 1), 1);
    return { rocAuc: aucOf(r), prAuc: averagePrecisionOf(r), oneVsRest: null };
  }
  const rocAuc: (number | null)[] = [];
  const prAuc: (number | null)[] = [];
  for (let c = 0; c < k; c++) {
    const r = rankScores(yTrue, column(probabilities, k, c), c);
    rocAuc.push(aucOf(r));
    prAuc.push(averagePrecisionOf(r));
  }
  return { rocAuc: meanDefined(rocAuc), prAuc: meanDefined(prAuc), oneVsRest: { rocAuc, prAuc } };
}

/**
 * scikit-learn's `roc_auc_score(multi_class='ovr', average='macro')` refuses outright when a class
 * is missing from y_true; MLCycle averages the classes where the AUC is defined and shows the
 * missing ones as null in `oneVsRest`, so one rare class does not hide every other number.
 */
function meanDefined(values: readonly (number | null)[]): number | null {
  const defined = values.filter((v): v is number => v !== null);
  return defined.length ? defined.reduce((a, v) => a + v, 0) / defined.length : null;
}

/**
 * Mean of −ln p(true class), with p clipped to [1e-15, 1 − 1e-15] so one confident miss costs at
 * most ln(10¹⁵) ≈ 34.5 instead of infinity. That is scikit-learn's historical default `eps=1e-15`;
 * scikit-learn ≥ 1.5 clips at float64 machine epsilon (≈ 2.2e-16) instead, which only differs for
 * probabilities below 1e-15. Rows are not renormalised.
 */
export function logLoss(yTrue: ArrayLike<number>, probabilities: ArrayLike<number>, k: number): number {
  let sum = 0;
  for (let i = 0; i < yTrue.length; i++) {
    const p = probabilities[i * k + yTrue[i]!]!;
    sum -= Math.log(Math.min(1 - LOG_LOSS_EPS, Math.max(LOG_LOSS_EPS, p)));
  }
  return sum / yTrue.length;
}

/**
 * Binary: mean (p₁ − y)², scikit-learn's `brier_score_loss` (0 best, 1 worst). Multiclass: Brier's
 * original mean over rows of Σₖ (pₖ − [y = k])² (0 best, 2 worst), what scikit-learn ≥ 1.7 computes
 * for more than two classes (scale_by_half='auto'). On a binary task that form would be exactly
 * twice the binary one.
 */
export function brierScore(yTrue: ArrayLike<number>, probabilities: ArrayLike<number>, k: number): number {
  let sum = 0;
  const n = yTrue.length;
  if (k === 2) {
    for (let i = 0; i < n; i++) sum += (probabilities[2 * i + 1]! - yTrue[i]!) ** 2;
    return sum / n;
  }
  for (let i = 0, o = 0; i < n; i++, o += k) {
    for (let c = 0; c < k; c++) sum += (probabilities[o + c]! - (yTrue[i] === c ? 1 : 0)) ** 2;
  }
  return sum / n;
}
