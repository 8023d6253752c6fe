import { describe, expect, it } from 'vitest';
import type { ChartColors } from '../../../src/renderer/src/lib/chart-types';
import { binLabels, histogramFigure, performanceFigure, trafficFigure } from '../../../src/renderer/src/lib/monitor-figures';
import type { PerformanceReport } from '../../../src/shared/monitor/models';

const colors: ChartColors = { text: '#000', muted: '#555', grid: '#ddd', surface: '#fff', accent: '#00f', danger: '#f00', warning: '#fa0', success: '#0a0', font: 'sans-serif' };
type Trace = { type?: string; x?: unknown[]; y?: unknown[]; name?: string; yaxis?: string; marker?: { color?: unknown } };
const traces = (f: { data: unknown[] }) => f.data as Trace[];

describe('monitor figures', () => {
  it('labels reference bins with open ends, since served values beyond them are counted in the end bins', () => {
    expect(binLabels([0, 1, 2.5, 4])).toEqual(['< 1', '1–2.5', '≥ 2.5']);
    expect(binLabels([0, 10])).toEqual(['0–10']);
  });

  it('puts reference and served shares side by side on the same bins or categories', () => {
    const numeric = traces(histogramFigure({ feature: 'x3', kind: 'numeric', edges: [0, 1, 2], categories: [], reference: [0.5, 0.5], current: [0.2, 0.8], currentRows: 300 }, colors));
    expect(numeric.map((t) => [t.x, t.y])).toEqual([
      [['< 1', '≥ 1'], [0.5, 0.5]],
      [['< 1', '≥ 1'], [0.2, 0.8]],
    ]);
    expect(numeric[1]!.name).toBe('served (300 rows)');
    const categorical = traces(histogramFigure({ feature: 'plan', kind: 'categorical', edges: [], categories: ['basic', 'pro'], reference: [0.6, 0.4], current: [0.1, 0.9], currentRows: 10 }, colors));
    expect(categorical[0]!.x).toEqual(['basic', 'pro']);
  });

  const report: PerformanceReport = {
    target: 'laptop',
    metric: 'accuracy',
    higherIsBetter: true,
    testValue: 0.9,
    tolerance: 0.05,
    windows: [
      { start: 'a', end: 'b', rows: 200, labeled: 200, value: 0.91, decayed: false, warning: null },
      { start: 'b', end: 'c', rows: 200, labeled: 200, value: 0.7, decayed: true, warning: null },
      { start: 'c', end: 'd', rows: 20, labeled: 20, value: null, decayed: false, warning: 'too few' },
    ],
    fairness: [],
  };

  it('draws the metric per window against the test result, decayed windows in the danger colour and unjudged ones muted', () => {
    const [metric, test] = traces(performanceFigure(report, ['#1', '#2', '#3'], colors));
    expect(metric!.y).toEqual([0.91, 0.7, null]);
    expect(metric!.marker!.color).toEqual(['#00f', '#f00', '#555']);
    expect(test).toMatchObject({ x: ['#1', '#2', '#3'], y: [0.9, 0.9, 0.9], name: 'test 0.9' });
    expect(traces(performanceFigure({ ...report, testValue: null }, ['#1', '#2', '#3'], colors))).toHaveLength(1);
  });

  it('puts the error rate on its own axis beside the request rate', () => {
    const w = { start: 'a', end: 'b', requests: 10, errors: 1, requestsPerSecond: 2, errorRate: 0.1, p50Ms: 1, p95Ms: 2, p99Ms: 3 };
    const [rate, errors] = traces(trafficFigure([w], ['#1'], colors));
    expect(rate!.y).toEqual([2]);
    expect(errors).toMatchObject({ y: [0.1], yaxis: 'y2' });
  });
});
