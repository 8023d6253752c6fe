/**
 * Hard predictions and what follows from them: predicted classes, the confusion matrix and the
 * per-class / averaged precision, recall and F1, with scikit-learn's conventions
 * (`precision_recall_fscore_support`, `balanced_accuracy_score`).
 */
import { ratio } from './inputs';

export interface ClassScores {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  /** Rows whose true class is this one. */
  support: number;
}

export interface Averages {
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Predicted class per row. Binary (width 2): class 1 when p₁ ≥ threshold, the rule of
 * scikit-learn's FixedThresholdClassifier and of `roc_curve`'s thresholds. Multiclass: the
 * arg-max, ties to the lowest index as `numpy.argmax`.
 */
export function predictClasses(probabilities: ArrayLike<number>, width: number, threshold = 0.5): Int32Array {
  const n = Math.floor(probabilities.length / width);
  const out = new Int32Array(n);
  if (width === 2) {
    for (let i = 0; i < n; i++) out[i] = probabilities[2 * i + 1]! >= threshold ? 1 : 0;
    return out;
  }
  for (let i = 0, o = 0; i < n; i++, o += width) {
    let best = 0;
    for (let c = 1; c < width; c++) if (probabilities[o + c]! > probabilities[o + best]!) best = c;
    out[i] = best;
  }
  return out;
}

/** k×k counts, rows = true class, columns = predicted class (scikit-learn's `confusion_matrix`). */
export function confusionMatrix(yTrue: ArrayLike<number>, yPred: ArrayLike<number>, k: number): number[][] {
  const flat = new Float64Array(k * k);
  for (let i = 0; i < yTrue.length; i++) {
    const cell = yTrue[i]! * k + yPred[i]!;
    flat[cell] = flat[cell]! + 1;
  }
  return Array.from({ length: k }, (_v, t) => Array.from(flat.subarray(t * k, (t + 1) * k)));
}

/**
 * Per-class scores from a confusion matrix. A class never predicted has precision 0 and a class
 * with no true rows has recall 0 (scikit-learn's zero_division=0); F1 = 2·TP / (2·TP + FP + FN),
 * also 0 when that denominator is 0 (scikit-learn ≥ 1.3 computes it the same way).
 */
export function classScores(cm: number[][], labels: readonly string[]): ClassScores[] {
  const k = cm.length;
  return labels.map((label, c) => {
    let predicted = 0;
    let support = 0;
    for (let o = 0; o < k; o++) {
      predicted += cm[o]![c]!;
      support += cm[c]![o]!;
    }
    const tp = cm[c]![c]!;
    const fp = predicted - tp;
    const fn = support - tp;
    return { label, precision: ratio(tp, predicted), recall: ratio(tp, support), f1: ratio(2 * tp, 2 * tp + fp + fn), support };
  });
}

/** Macro: plain mean over every class, including a class never predicted (which pulls it down). */
export function macroAverage(scores: readonly ClassScores[]): Averages {
  const mean = (f: (s: ClassScores) => number) => scores.reduce((a, s) => a + f(s), 0) / scores.length;
  return { precision: mean((s) => s.precision), recall: mean((s) => s.recall), f1: mean((s) => s.f1) };
}

/** Weighted: mean weighted by support (true rows per class). */
export function weightedAverage(scores: readonly ClassScores[]): Averages {
  const total = scores.reduce((a, s) => a + s.support, 0);
  const mean = (f: (s: ClassScores) => number) => ratio(scores.reduce((a, s) => a + f(s) * s.support, 0), total);
  return { precision: mean((s) => s.precision), recall: mean((s) => s.recall), f1: mean((s) => s.f1) };
}

/**
 * Mean recall over the classes present in y_true. scikit-learn's `balanced_accuracy_score` drops a
 * class with no true rows (with a warning) rather than counting its recall as 0.
 */
export function balancedAccuracy(scores: readonly ClassScores[]): number {
  const present = scores.filter((s) => s.support > 0);
  return ratio(present.reduce((a, s) => a + s.recall, 0), present.length);
}
