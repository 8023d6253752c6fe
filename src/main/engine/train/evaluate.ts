import type { MetricSet } from '../../../shared/train/models';
import type { Predictions } from './learner';
import type { FittedPipeline } from './pipeline';

/** Interim scoring until the shared metrics module lands: accuracy, log loss, ROC AUC; RMSE, MAE, R². */
export function evaluate(p: FittedPipeline, y: Float64Array, predictions: Predictions): MetricSet {
  const n = y.length;
  if (p.task === 'regression') {
    let se = 0;
    let ae = 0;
    let mean = 0;
    for (let i = 0; i < n; i++) mean += y[i]! / n;
    let tss = 0;
    for (let i = 0; i < n; i++) {
      const e = predictions.values[i]! - y[i]!;
      se += e * e;
      ae += Math.abs(e);
      tss += (y[i]! - mean) ** 2;
    }
    return { rmse: Math.sqrt(se / n), mae: ae / n, r2: tss > 0 ? 1 - se / tss : null };
  }
  const k = predictions.width;
  let correct = 0;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 1; c < k; c++) if (predictions.values[i * k + c]! > predictions.values[i * k + best]!) best = c;
    if (best === y[i]) correct++;
    loss -= Math.log(Math.min(1 - 1e-15, Math.max(1e-15, predictions.values[i * k + y[i]!]!)));
  }
  const out: MetricSet = { accuracy: correct / n, log_loss: loss / n };
  if (k === 2) out.roc_auc = auc(y, predictions.values);
  return out;
}

function auc(y: Float64Array, probabilities: Float64Array): number | null {
  const n = y.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => probabilities[2 * a + 1]! - probabilities[2 * b + 1]!);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && probabilities[2 * order[j + 1]! + 1] === probabilities[2 * order[i]! + 1]) j++;
    const rank = (i + j) / 2 + 1;
    for (let t = i; t <= j; t++) if (y[order[t]!] === 1) {
      rankSum += rank;
      positives++;
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (!positives || !negatives) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
