import { describe, expect, it } from 'vitest';
import { LEARNER_ABOUT } from '../../../src/main/engine/train/learner-specs';
import type { ChartColors } from '../../../src/renderer/src/lib/chart-types';
import { asCurvePoint, curveFigure, mergePoints, overlayFigure, seriesNames } from '../../../src/renderer/src/lib/train-figures';
import { defaultParamTexts, effectiveParams, paramProblem, readParams } from '../../../src/renderer/src/lib/train-params';
import { latencyText, latencyVerdict, paramText, sizeVerdict, thresholdVerdict } from '../../../src/renderer/src/lib/train-words';

const colors: ChartColors = { text: '#000', muted: '#555', grid: '#ddd', surface: '#fff', accent: '#00f', danger: '#f00', warning: '#fa0', success: '#0a0', font: 'sans-serif' };

/** The specs `train.learners` sends: the engine's own table. */
const specs = (model: keyof typeof LEARNER_ABOUT) => LEARNER_ABOUT[model].parameters;

describe('hyperparameter fields', () => {
  it('starts each learner at the engine’s defaults, written as settings are typed', () => {
    expect(defaultParamTexts(specs('logistic'))).toEqual({ l2: '1e-4', maxIterations: '200', tolerance: '1e-6' });
    expect(defaultParamTexts(specs('linear'))).toEqual({ l2: '1e-6' });
    expect(defaultParamTexts(specs('mlp'))).toMatchObject({ hidden: '64,64', activation: 'relu', learningRate: '0.001' });
  });

  it('sends numbers as numbers, choices and layer lists as text', () => {
    expect(readParams(specs('logistic'), { l2: ' 0.01 ', maxIterations: '50' })).toEqual({ params: { l2: 0.01, maxIterations: 50, tolerance: 1e-6 }, problems: {} });
    const mlp = readParams(specs('mlp'), { hidden: '32, 16', activation: 'tanh' });
    expect(mlp.problems).toEqual({});
    expect(mlp.params).toMatchObject({ hidden: '32, 16', activation: 'tanh', epochs: 10 });
  });

  it('refuses what the engine would, naming the setting', () => {
    const spec = (model: 'logistic' | 'mlp', name: string) => specs(model).find((p) => p.name === name)!;
    expect(paramProblem(spec('logistic', 'l2'), '-1')).toBe('L2 penalty (λ) must be between 0 and 1,000,000.');
    expect(paramProblem(spec('logistic', 'maxIterations'), '2.5')).toBe('Max iterations must be a whole number.');
    expect(paramProblem(spec('logistic', 'tolerance'), 'abc')).toBe('Tolerance must be a number; got “abc”.');
    expect(paramProblem(spec('logistic', 'tolerance'), '')).toBe('Enter a value (the default is 1e-6).');
    expect(paramProblem(spec('mlp', 'hidden'), '64,0')).toMatch(/up to 8 whole numbers from 1 to 4096/);
    expect(paramProblem(spec('mlp', 'activation'), 'softplus')).toBe('Activation must be one of relu, tanh, sigmoid, elu.');
    expect(readParams(specs('logistic'), { l2: 'x' }).problems).toEqual({ l2: 'L2 penalty (λ) must be a number; got “x”.' });
  });

  it('fills a run’s unnamed parameters with the defaults, reading the CLI’s text as numbers', () => {
    expect(effectiveParams(specs('logistic'), { l2: '0.5' })).toEqual({ l2: 0.5, maxIterations: 200, tolerance: 1e-6 });
    expect(effectiveParams(specs('mlp'), {})).toMatchObject({ hidden: '64,64', optimizer: 'adam' });
    // Before the learners are known, a run's own parameters still show.
    expect(effectiveParams([], { l2: '0.5' })).toEqual({ l2: 0.5 });
  });

  it('writes small values as a setting is typed', () => {
    expect([paramText(1e-4), paramText(1e-7), paramText(0.01), paramText(200), paramText(0), paramText('64,64')]).toEqual(['1e-4', '1e-7', '0.01', '200', '0', '64,64']);
  });
});

describe('training curves', () => {
  const point = (step: number, train: number, validation?: number) => ({ step, values: { train_loss: train, ...(validation === undefined ? {} : { validation_loss: validation }) } });

  it('merges live and caught-up points by step, in order, without duplicates', () => {
    const merged = mergePoints([point(1, 0.9), point(3, 0.5)], [point(2, 0.7), point(3, 0.49)]);
    expect(merged.map((p) => [p.step, p.values.train_loss])).toEqual([
      [1, 0.9],
      [2, 0.7],
      [3, 0.49],
    ]);
  });

  it('reads only well-formed pushed points', () => {
    expect(asCurvePoint({ step: 1, values: { train_loss: 0.5 } })).toEqual(point(1, 0.5));
    expect(asCurvePoint({ step: '1', values: {} })).toBeNull();
    expect(asCurvePoint(null)).toBeNull();
  });

  it('draws training solid and validation dashed, a lone point as a marker', () => {
    const figure = curveFigure([point(1, 0.9, 1), point(2, 0.5, 0.6)], colors);
    expect(seriesNames([point(1, 0.9, 1)])).toEqual(['train_loss', 'validation_loss']);
    expect(figure.data.map((d) => [(d as { name: string }).name, (d as { line: { dash: string } }).line.dash])).toEqual([
      ['train loss', 'solid'],
      ['validation loss', 'dash'],
    ]);
    expect((curveFigure([point(1, 3)], colors).data[0] as { mode: string }).mode).toBe('markers');
    // The x axis says what a step is for the learner: an MLP's curve is per epoch.
    expect(curveFigure([point(1, 3)], colors, LEARNER_ABOUT.mlp.step).layout.xaxis).toMatchObject({ title: { text: 'epoch' } });
  });

  it('overlays runs in one colour each, named by run', () => {
    const figure = overlayFigure(
      [
        { name: 'A', points: [point(1, 0.9, 1)] },
        { name: 'B', points: [point(1, 0.8)] },
      ],
      colors,
    );
    const traces = figure.data as { name: string; line: { color: string } }[];
    expect(traces.map((t) => t.name)).toEqual(['A · train loss', 'A · validation loss', 'B · train loss']);
    expect(traces[0]!.line.color).toBe(traces[1]!.line.color);
    expect(traces[2]!.line.color).not.toBe(traces[0]!.line.color);
  });
});

describe('objective checks', () => {
  const constraints = { p99LatencyMs: 5, maxModelSizeMb: 1, fairness: null };

  it('judges latency and size against the objective, and says nothing without a limit', () => {
    expect(latencyVerdict(0.002, constraints)).toEqual({ ok: true, text: 'within the objective’s 5 ms (p99)' });
    expect(latencyVerdict(7, constraints)?.ok).toBe(false);
    expect(latencyVerdict(7, { ...constraints, p99LatencyMs: null })).toBeNull();
    expect(sizeVerdict(2 * 1024 * 1024, constraints)).toEqual({ ok: false, text: 'over the objective’s 1 MB' });
  });

  it('judges the primary metric by its direction', () => {
    expect(thresholdVerdict('roc_auc', 0.9, { metric: 'roc_auc', threshold: 0.85 })?.ok).toBe(true);
    expect(thresholdVerdict('rmse', 13, { metric: 'rmse', threshold: 12.5 })).toEqual({ ok: false, text: 'misses the objective’s threshold (≤ 12.5)' });
    expect(thresholdVerdict('accuracy', 0.9, { metric: 'roc_auc', threshold: 0.85 })).toBeNull();
  });

  it('writes per-row latency in a readable unit', () => {
    expect([latencyText(0.0003166), latencyText(0.41), latencyText(null)]).toEqual(['0.3166 µs', '0.41 ms', '—']);
  });
});
