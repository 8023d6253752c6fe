import { describe, expect, it } from 'vitest';
import type { ChartColors } from '../../../src/renderer/src/lib/chart-types';
import { bestSoFar, leaderboardFigure, trialsFigure } from '../../../src/renderer/src/lib/train-trial-figures';
import { BEST_FIRST, leaderboard, nextTrialSort, parentProgress, sortTrials, trialAriaSort, trialRows, trialValueText } from '../../../src/renderer/src/lib/train-trials';
import type { Run, SearchSummary } from '../../../src/shared/train/models';
import { run } from './train-fixtures';

const colors: ChartColors = { text: '#000', muted: '#555', grid: '#ddd', surface: '#fff', accent: '#00f', danger: '#f00', warning: '#fa0', success: '#0a0', font: 'sans-serif' };
const T0 = Date.parse('2026-11-26T08:00:00.000Z');

function parentOf(search: Partial<SearchSummary>, change: Partial<Run> = {}): Run {
  return run('parent', { status: 'running', search: { strategy: 'random', trials: 3, metric: 'roc_auc', higherIsBetter: true, space: { l2: { min: 1e-6, max: 1, log: true, integer: false } }, rounds: [], bestRunId: null, ...search }, ...change });
}
const trial = (id: string, auc: number | null, change: Partial<Run> = {}) =>
  run(id, { parentRunId: 'parent', params: { l2: Number(`1e-${id.length}`) }, status: auc === null ? 'running' : 'succeeded', metrics: { train: null, validation: auc === null ? null : { roc_auc: auc, rmse: 1 - auc }, test: null }, ...change });

describe('a search’s trials', () => {
  const children = [trial('c', 0.81), trial('a', 0.9), trial('b', null, { jobId: 'job-b' })];
  const parent = parentOf({ rounds: [{ fraction: 1, runIds: ['a', 'b', 'c'] }] });

  it('numbers trials in the order the engine started them and marks the leader so far', () => {
    const rows = trialRows(parent, children);
    expect(rows.map((r) => [r.number, r.run.id, r.score, r.best])).toEqual([
      [1, 'a', 0.9, true],
      [2, 'b', null, false],
      [3, 'c', 0.81, false],
    ]);
  });

  it('takes the engine’s pick once it chose, and lists children it has not recorded yet last', () => {
    const done = parentOf({ rounds: [{ fraction: 1, runIds: ['a', 'c'] }], bestRunId: 'c' }, { status: 'succeeded' });
    const rows = trialRows(done, children);
    expect(rows.filter((r) => r.best).map((r) => r.run.id)).toEqual(['c']);
    expect(rows.map((r) => r.run.id)).toEqual(['a', 'c', 'b']);
  });

  it('sorts by score best first either way a metric points, unscored trials always last', () => {
    const rows = trialRows(parent, children);
    expect(sortTrials(rows, BEST_FIRST, true).map((r) => r.run.id)).toEqual(['a', 'c', 'b']);
    expect(sortTrials(rows, { key: 'score', reversed: true }, true).map((r) => r.run.id)).toEqual(['c', 'a', 'b']);
    // rmse: lower is better, so the best first is the smallest
    const rmse = trialRows(parentOf({ metric: 'rmse', higherIsBetter: false, rounds: parent.search!.rounds }), children);
    expect(sortTrials(rmse, BEST_FIRST, false).map((r) => r.run.id)).toEqual(['a', 'c', 'b']);
    expect(rmse.find((r) => r.best)!.run.id).toBe('a');
    expect(sortTrials(rows, { key: 'number', reversed: true }, true).map((r) => r.number)).toEqual([3, 2, 1]);
  });

  it('says which way a header sorts for assistive tech', () => {
    expect(trialAriaSort(BEST_FIRST, 'score', true)).toBe('descending');
    expect(trialAriaSort(BEST_FIRST, 'score', false)).toBe('ascending');
    expect(trialAriaSort(BEST_FIRST, 'number', true)).toBeUndefined();
    expect(nextTrialSort(BEST_FIRST, 'score')).toEqual({ key: 'score', reversed: true });
    expect(nextTrialSort(BEST_FIRST, 'number')).toEqual({ key: 'number', reversed: false });
  });

  it('writes tried values to three significant digits, as settings are typed', () => {
    expect([trialValueText(0.000197478), trialValueText(0.0114343), trialValueText(512), trialValueText(0), trialValueText('64,64')]).toEqual(['1.97e-4', '0.0114', '512', '0', '64,64']);
  });

  it('ranks auto’s learners, those without a score unranked at the end', () => {
    const ranked = leaderboard(trialRows(parent, children), true);
    expect(ranked.map((r) => [r.rank, r.run.id])).toEqual([
      [1, 'a'],
      [2, 'c'],
      [null, 'b'],
    ]);
  });

  it('works out progress from the trials’ jobs and the time left from the time so far', () => {
    const rows = trialRows(parentOf({ trials: 4, rounds: [{ fraction: 1, runIds: ['a', 'b', 'c'] }] }), children);
    // a and c done, b half way, the fourth not started: 2.5 of 4; 10 s so far → 6 s left
    const p = parentProgress(parentOf({ trials: 4 }), rows, (id) => (id === 'job-b' ? 0.5 : undefined), T0 + 10_000);
    expect(p.fraction).toBeCloseTo(2.5 / 4, 12);
    expect(p.etaMs).toBeCloseTo(6_000, 6);
    expect([p.finished, p.total]).toEqual([2, 4]);
  });

  it('weighs successive halving’s rounds by the rows they train on', () => {
    // 12 trials, η = 3: 12 on 1/9, 4 on 1/3, 2 on all: 4/3 + 4/3 + 2 = 14/3 of a full trial's work
    const first = Array.from({ length: 12 }, (_, i) => trial(`t${i}`, 0.5 + i / 100));
    const parent = parentOf({ strategy: 'halving', trials: 12, rounds: [{ fraction: 1 / 9, runIds: first.map((r) => r.id) }] });
    const p = parentProgress(parent, trialRows(parent, first), () => undefined, T0 + 1000);
    expect(p.fraction).toBeCloseTo(4 / 3 / (14 / 3), 12);
    expect(p.total).toBe(18);
  });

  it('never lets auto run past its budget: progress follows the clock, time left is capped', () => {
    const parent = parentOf({ strategy: 'auto', trials: 4, budgetSeconds: 60, rounds: [{ fraction: 1, runIds: ['a', 'b', 'c'] }] });
    const rows = trialRows(parent, [trial('a', 0.9), trial('b', null), trial('c', null)]);
    // one of four done (0.25 of the work) but half the budget gone (0.5): 30 s left either way
    const p = parentProgress(parent, rows, () => 0, T0 + 30_000);
    expect(p.fraction).toBeCloseTo(0.5, 12);
    expect(p.etaMs).toBeCloseTo(30_000, 6);
  });
});

describe('trial charts', () => {
  const rows = trialRows(parentOf({ rounds: [{ fraction: 1, runIds: ['a', 'bb', 'ccc'] }], bestRunId: 'bb' }), [trial('a', 0.7), trial('bb', 0.9), trial('ccc', 0.8)]);
  const search = parentOf({ bestRunId: 'bb' }).search!;

  it('draws the best so far as it was when each trial finished', () => {
    expect(bestSoFar(rows, true)).toEqual({ x: [1, 2, 3], y: [0.7, 0.9, 0.9] });
    expect(bestSoFar(rows, false)).toEqual({ x: [1, 2, 3], y: [0.7, 0.7, 0.7] });
  });

  it('stars the best trial, and puts a log-scale parameter on a log axis', () => {
    const byTrial = trialsFigure(rows, search, null, 'ROC AUC', colors);
    const names = byTrial.data.map((d) => (d as { name: string }).name);
    expect(names).toEqual(['best so far', 'trials', 'best']);
    const star = byTrial.data[2] as { x: number[]; y: number[]; marker: { symbol: string } };
    expect([star.x, star.y, star.marker.symbol]).toEqual([[2], [0.9], 'star']);
    const byL2 = trialsFigure(rows, search, 'l2', 'ROC AUC', colors);
    expect(byL2.layout.xaxis).toMatchObject({ type: 'log', title: { text: 'l2' } });
    expect((byL2.data[0] as { x: number[] }).x).toEqual([0.1, 0.01, 0.001]);
  });

  it('draws auto’s learners as dots, the best on top as a star in the success colour', () => {
    const figure = leaderboardFigure(rows, search, 'ROC AUC', (r) => r.run.id, colors);
    const dots = figure.data[0] as { y: string[]; x: number[]; marker: { color: string[]; symbol: string[] } };
    // Plotly draws the first category at the bottom: worst first, so the best is on top.
    expect(dots.y).toEqual(['a', 'ccc', 'bb']);
    expect(dots.x).toEqual([0.7, 0.8, 0.9]);
    expect(dots.marker.color).toEqual(['#00f', '#00f', '#0a0']);
    expect(dots.marker.symbol).toEqual(['circle', 'circle', 'star']);
  });
});
