import { PARITY_TOLERANCE, type ParityReport, type ParityRow } from '../../../shared/package/models';
import type { Predictions } from '../train/learner';
import type { OnnxScores } from './onnx-scores';

const WORST = 10;
const orNull = (v: number) => (Number.isNaN(v) ? null : v);

/** The class the in-app model predicts: the first largest probability (as explain-row and evaluation pick it). */
function argmax(values: Float64Array, offset: number, width: number): number {
  let best = 0;
  for (let k = 1; k < width; k++) if (values[offset + k]! > values[offset + best]!) best = k;
  return best;
}

/**
 * Compares the graph's predictions with the in-app model's on the same rows: every label identical,
 * every value within PARITY_TOLERANCE · max(1, |in-app value|). Keeps the 10 worst rows, label
 * mismatches first, then by largest difference.
 */
export function compareParity(set: ParityReport['set'], inApp: Predictions, onnx: OnnxScores, classes: string[] | null, rowNumbers: Float64Array): ParityReport {
  const { rows, width } = inApp;
  if (onnx.rows !== rows || onnx.width !== width) throw new Error(`parity: the graph scored ${onnx.rows} × ${onnx.width}, the app ${rows} × ${width}`);
  let maxAbsDiff = 0;
  let labelMismatches = 0;
  let rowsOutOfTolerance = 0;
  // Ranked by key: a label mismatch outranks any difference.
  const worst: Array<{ key: number; i: number; diff: number; mismatch: boolean }> = [];
  for (let i = 0; i < rows; i++) {
    const o = i * width;
    let diff = 0;
    let beyond = false;
    for (let k = 0; k < width; k++) {
      const a = inApp.values[o + k]!;
      const d = Math.abs(a - onnx.values[o + k]!);
      // NaN on either side is a difference, never a pass (counted as the largest finite number, which JSON can carry).
      if (!(d <= PARITY_TOLERANCE * Math.max(1, Math.abs(a)))) beyond = true;
      diff = Math.max(diff, Number.isFinite(d) ? d : Number.MAX_VALUE);
    }
    const mismatch = classes !== null && classes[argmax(inApp.values, o, width)] !== onnx.labels![i];
    maxAbsDiff = Math.max(maxAbsDiff, diff);
    if (mismatch) labelMismatches++;
    if (beyond) rowsOutOfTolerance++;
    const key = (mismatch ? 1e300 : 0) + diff;
    if (key > 0 && (worst.length < WORST || key > worst[worst.length - 1]!.key)) {
      worst.push({ key, i, diff, mismatch });
      worst.sort((a, b) => b.key - a.key);
      if (worst.length > WORST) worst.pop();
    }
  }
  const toRow = ({ i, diff }: (typeof worst)[number]): ParityRow => ({
    row: rowNumbers[i]!,
    inApp: Array.from(inApp.values.subarray(i * width, (i + 1) * width), orNull),
    onnx: Array.from(onnx.values.subarray(i * width, (i + 1) * width), orNull),
    diff,
    inAppLabel: classes ? classes[argmax(inApp.values, i * width, width)]! : null,
    onnxLabel: onnx.labels ? onnx.labels[i]! : null,
  });
  return { set, rows, tolerance: PARITY_TOLERANCE, maxAbsDiff, labelMismatches, rowsOutOfTolerance, passed: labelMismatches === 0 && rowsOutOfTolerance === 0, worst: worst.map(toRow) };
}
