import { describe, expect, it } from 'vitest';
import { compareParity } from '../../../src/main/engine/package/parity';

const rows = (n: number) => Float64Array.from({ length: n }, (_v, i) => 100 + i);

/** The verdict on hand-made predictions: what counts as a difference, and which rows are shown. */
describe('compareParity', () => {
  it('passes within 1e-5 absolute on probabilities, and keeps only rows that differ at all', () => {
    const inApp = { rows: 3, width: 2, values: Float64Array.of(0.25, 0.75, 0.6, 0.4, 0.5, 0.5) };
    const onnx = { rows: 3, width: 2, values: Float32Array.of(0.25, 0.75, 0.600004, 0.399996, 0.5, 0.5), labels: ['b', 'a', 'a'] };
    const report = compareParity('test', inApp, onnx, ['a', 'b'], rows(3));
    expect(report).toMatchObject({ set: 'test', rows: 3, passed: true, labelMismatches: 0, rowsOutOfTolerance: 0, tolerance: 1e-5 });
    // 0.6 and 0.600004 as float32 differ by about 4e-6; the other rows are equal in float32.
    expect(report.maxAbsDiff).toBeGreaterThan(3e-6);
    expect(report.maxAbsDiff).toBeLessThan(5e-6);
    expect(report.worst.map((w) => w.row)).toEqual([101]);
  });

  it('fails on a label mismatch even within tolerance, and lists mismatches before larger differences', () => {
    const inApp = { rows: 3, width: 2, values: Float64Array.of(0.5000001, 0.4999999, 0.9, 0.1, 0.25, 0.75) };
    const onnx = { rows: 3, width: 2, values: Float32Array.of(0.5, 0.5, 0.8, 0.2, 0.25, 0.75), labels: ['b', 'a', 'b'] };
    const report = compareParity('test', inApp, onnx, ['a', 'b'], rows(3));
    expect(report).toMatchObject({ passed: false, labelMismatches: 1, rowsOutOfTolerance: 1 });
    expect(report.worst.map((w) => [w.row, w.inAppLabel, w.onnxLabel])).toEqual([
      [100, 'a', 'b'],
      [101, 'a', 'a'],
    ]);
    expect(report.worst[1]!.diff).toBeCloseTo(0.1, 6);
  });

  it('scales the tolerance with a regression value beyond 1, and counts NaN as a failure', () => {
    const inApp = { rows: 3, width: 1, values: Float64Array.of(50_000, 2, 7) };
    const onnx = { rows: 3, width: 1, values: Float32Array.of(50_000.3, 2.0001, Number.NaN), labels: null };
    const report = compareParity('validation', inApp, onnx, null, rows(3));
    // 0.3 is within 1e-5 · 50,000 = 0.5; 1e-4 is beyond 1e-5 · 2; NaN is never within.
    expect(report).toMatchObject({ set: 'validation', passed: false, labelMismatches: 0, rowsOutOfTolerance: 2, maxAbsDiff: Number.MAX_VALUE });
    expect(report.worst[0]).toMatchObject({ row: 102, inApp: [7], onnx: [null], inAppLabel: null, onnxLabel: null });
  });

  it('keeps the ten largest of many differing rows, largest first', () => {
    const n = 1000;
    const inApp = { rows: n, width: 1, values: new Float64Array(n) };
    const onnx = { rows: n, width: 1, values: Float32Array.from({ length: n }, (_v, i) => ((i * 7919) % n) / 1e3), labels: null };
    const report = compareParity('test', inApp, onnx, null, rows(n));
    expect(report.worst.map((w) => w.onnx[0])).toEqual(Array.from({ length: 10 }, (_v, k) => Math.fround((999 - k) / 1e3)));
    expect(report.maxAbsDiff).toBe(Math.fround(0.999));
  });
});
