import { describe, expect, it } from 'vitest';
import type { ChartColors } from '../../../src/renderer/src/lib/chart-types';
import { BASE_LABEL, calibrationFigure, confusionFigure, contributionsFigure, OUTPUT_LABEL, importanceFigure, partialDependenceFigure, predictedActualFigure, rocFigure } from '../../../src/renderer/src/lib/evaluate-figures';

const colors: ChartColors = { text: '#000', muted: '#555', grid: '#ddd', surface: '#fff', accent: '#00f', danger: '#f00', warning: '#fa0', success: '#0a0', font: 'sans-serif' };
// Plotly's Data is a union; the tests read the few fields they check.
type Trace = { type?: string; measure?: string[]; x?: unknown[]; y?: unknown[]; z?: unknown; name?: string; error_x?: { array?: number[] }; marker?: { color?: unknown } };
const traces = (f: { data: unknown[] }) => f.data as Trace[];

describe('evaluate figures', () => {
  it('draws the confusion matrix as a heatmap of counts, actual down and predicted across', () => {
    const [heat] = traces(confusionFigure(['0', '1'], [[5, 1], [2, 7]], colors));
    expect(heat!.type).toBe('heatmap');
    expect(heat!.z).toEqual([[5, 1], [2, 7]]);
    expect(heat!.x).toHaveLength(2);
  });

  it('marks the chosen threshold on the ROC curve, over the chance diagonal', () => {
    const roc = { fpr: [0, 0.1, 1], tpr: [0, 0.8, 1], thresholds: [null, 0.5, 0], auc: 0.9 };
    const plain = traces(rocFigure(roc, colors));
    expect(plain.map((t) => t.name)).toEqual(['diagonal', 'ROC']);
    const marked = traces(rocFigure(roc, colors, { threshold: 0.9, precision: 1, recall: 0.7, f1: 0.8, fpr: 0.05, accuracy: 0.9, predictedPositiveRate: 0.3 }));
    expect(marked[2]).toMatchObject({ x: [0.05], y: [0.7], name: 'threshold 0.90' });
  });

  it('puts the calibration points against the diagonal', () => {
    const t = traces(calibrationFigure([{ lower: 0, upper: 0.5, meanPredicted: 0.2, fractionPositive: 0.25, count: 4 }], colors));
    expect(t[0]).toMatchObject({ x: [0, 1], y: [0, 1] });
    expect(t[1]).toMatchObject({ x: [0.2], y: [0.25] });
  });

  it('spans the predicted-vs-actual diagonal over both axes’ values', () => {
    const t = traces(predictedActualFigure({ actual: [1, 5], predicted: [0, 6], residual: [1, -1], histogram: { edges: [], counts: [] } }, colors));
    expect(t[0]).toMatchObject({ x: [0, 6], y: [0, 6] });
  });

  it('orders importance bars so the largest is on top, with the spread as error bars', () => {
    const [bars] = traces(importanceFigure({ metric: 'roc_auc', rows: 10, repeats: 3, columns: [{ column: 'a', mean: 0.3, std: 0.02 }, { column: 'c', mean: 0, std: 0.01 }, { column: 'b', mean: 0.1, std: 0.03 }] }, colors));
    // Plotly draws categories bottom-up: the last is on top.
    expect(bars!.y).toEqual(['c', 'b', 'a']);
    expect(bars!.error_x!.array).toEqual([0.01, 0.03, 0.02]);
  });

  it('draws numeric partial dependence as a line and categorical as bars, on the last output', () => {
    const line = traces(partialDependenceFigure({ column: 'a', kind: 'numeric', grid: ['1', '2'], values: [[0.8, 0.2], [0.3, 0.7]] }, colors))[0]!;
    expect(line).toMatchObject({ type: 'scatter', x: [1, 2], y: [0.2, 0.7] });
    const bars = traces(partialDependenceFigure({ column: 'g', kind: 'categorical', grid: ['f', 'm'], values: [[0.4], [0.5]] }, colors))[0]!;
    expect(bars).toMatchObject({ type: 'bar', x: ['f', 'm'], y: [0.4, 0.5] });
  });

  it('colours contributions by sign, largest on top', () => {
    const explanation = {
      row: 3,
      values: {},
      prediction: '1',
      probabilities: null,
      scale: 'log-odds',
      output: 1,
      baselineOutput: 0,
      method: 'exact (linear model)',
      contributions: [
        { column: 'a', value: 1.5, contribution: 2 },
        { column: 'b', value: -1, contribution: -1 },
      ],
    };
    const [bars] = traces(contributionsFigure(explanation, colors));
    expect(bars!.y).toEqual(['b = -1', 'a = 1.5']);
    expect(bars!.marker!.color).toEqual([colors.danger, colors.accent]);
  });

  it('draws exact contributions as a waterfall from the base value to the output', () => {
    const explanation = {
      row: 3,
      values: {},
      prediction: 'yes',
      probabilities: null,
      scale: 'log-odds of yes',
      output: 1.5,
      baselineOutput: 0.2,
      baseValue: 0.5,
      method: 'TreeSHAP',
      methodKind: 'treeshap' as const,
      contributions: [
        { column: 'a', value: 1.5, contribution: 2 },
        { column: 'b', value: null, contribution: -1 },
      ],
    };
    const [fall] = traces(contributionsFigure(explanation, colors));
    expect(fall!.type).toBe('waterfall');
    expect(fall!.measure).toEqual(['absolute', 'relative', 'relative', 'total']);
    expect(fall!.y).toEqual([BASE_LABEL, 'a = 1.5', 'b = missing', OUTPUT_LABEL]);
    expect(fall!.x).toEqual([0.5, 2, -1, 1.5]);
    // occlusion: the bars need not add up, so no running total
    expect(traces(contributionsFigure({ ...explanation, methodKind: 'occlusion' }, colors))[0]!.type).toBe('bar');
  });
});
