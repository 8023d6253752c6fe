import { describe, expect, it } from 'vitest';
import type { Run } from '../../../src/shared/train/models';
import { LEARNERS, run } from './train-fixtures';
import { metricRows, settingRows } from '../../../src/renderer/src/lib/train-compare';
import { DEFAULT_SORT, filterRuns, firstDirection, metricChoices, NO_FILTER, nextSort, shownMetric, sortRuns } from '../../../src/renderer/src/lib/train-table';

const names = (runs: Run[]) => runs.map((r) => r.name);

describe('run table', () => {
  const runs = [
    run('b', { test: { roc_auc: 0.8, log_loss: 0.4 }, createdAt: '2026-11-26T08:01:00.000Z', durationSeconds: 3 }),
    run('a', { test: { roc_auc: 0.9, log_loss: 0.3 }, createdAt: '2026-11-26T08:02:00.000Z', durationSeconds: 1 }),
    run('c', { status: 'failed', test: undefined, createdAt: '2026-11-26T08:03:00.000Z', durationSeconds: null }),
    run('Linear run', { model: 'linear', task: 'regression', test: { rmse: 2 }, createdAt: '2026-11-26T08:04:00.000Z', durationSeconds: 2 }),
  ];

  it('sorts a metric best first on the first click: highest AUC, lowest log loss; runs without it last either way', () => {
    expect(firstDirection('metric', 'roc_auc')).toBe('descending');
    expect(firstDirection('metric', 'log_loss')).toBe('ascending');
    expect(names(sortRuns(runs, { key: 'metric', direction: 'descending' }, 'roc_auc'))).toEqual(['a', 'b', 'Linear run', 'c']);
    expect(names(sortRuns(runs, { key: 'metric', direction: 'ascending' }, 'roc_auc'))).toEqual(['b', 'a', 'Linear run', 'c']);
    expect(names(sortRuns(runs, { key: 'metric', direction: 'ascending' }, 'log_loss'))).toEqual(['a', 'b', 'Linear run', 'c']);
  });

  it('sorts names case-insensitively, durations as numbers, and starts newest first', () => {
    expect(names(sortRuns(runs, { key: 'name', direction: 'ascending' }, null))).toEqual(['a', 'b', 'c', 'Linear run']);
    expect(names(sortRuns(runs, { key: 'duration', direction: 'descending' }, null))).toEqual(['b', 'Linear run', 'a', 'c']);
    expect(names(sortRuns(runs, DEFAULT_SORT, null))).toEqual(['Linear run', 'c', 'a', 'b']);
  });

  it('flips the direction on the same column and starts another column at its own first direction', () => {
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'name', null)).toEqual({ key: 'name', direction: 'descending' });
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'created', null)).toEqual({ key: 'created', direction: 'descending' });
    expect(nextSort(DEFAULT_SORT, 'metric', 'rmse')).toEqual({ key: 'metric', direction: 'ascending' });
  });

  it('filters by model, status and every word of the text', () => {
    expect(names(filterRuns(runs, { ...NO_FILTER, model: 'linear' }))).toEqual(['Linear run']);
    expect(names(filterRuns(runs, { ...NO_FILTER, status: 'failed' }))).toEqual(['c']);
    expect(names(filterRuns(runs, { ...NO_FILTER, text: 'LINEAR churn' }))).toEqual(['Linear run']);
    expect(names(filterRuns(runs, { ...NO_FILTER, text: 'churned nothing-like-this' }))).toEqual([]);
  });

  it('lists a search’s trials under their parent unless asked to show them', () => {
    const withTrials = [...runs, run('trial 1', { parentRunId: 'b' })];
    expect(names(filterRuns(withTrials, NO_FILTER))).not.toContain('trial 1');
    expect(names(filterRuns(withTrials, { ...NO_FILTER, trials: true }))).toContain('trial 1');
  });

  it('offers the test metrics runs have, objective metrics first, and shows the chosen, else the objective’s, else the first', () => {
    const choices = metricChoices(runs);
    expect(choices).toEqual(['roc_auc', 'log_loss', 'rmse']);
    expect(shownMetric(choices, 'rmse', 'roc_auc')).toBe('rmse');
    expect(shownMetric(choices, null, 'log_loss')).toBe('log_loss');
    expect(shownMetric(choices, 'f1', 'pr_auc')).toBe('roc_auc');
    expect(shownMetric([], null, 'roc_auc')).toBeNull();
  });
});

describe('run comparison', () => {
  it('fills in defaults a run did not name, so only a real difference is highlighted', () => {
    // The CLI sends "1e-4" as text and the UI 0.0001 as a number: the same setting. l2 10 differs.
    const rows = settingRows([run('a', { params: { l2: '1e-4' } }), run('b', { params: {} }), run('c', { params: { l2: 10, maxIterations: 200 } })], LEARNERS);
    const differing = rows.filter((r) => r.differs).map((r) => r.name);
    expect(differing).toEqual(['l2']);
    expect(rows.find((r) => r.name === 'l2')!.values).toEqual(['1e-4', '1e-4', '10']);
    expect(rows.find((r) => r.name === 'tolerance')).toMatchObject({ values: ['1e-6', '1e-6', '1e-6'], differs: false, param: true });
  });

  it('highlights what the runs trained on when it differs', () => {
    const cv = { folds: [{}, {}, {}], mean: {}, std: {} };
    const rows = settingRows([run('a'), run('b', { dataset: 'churn@2', seed: 7, crossValidation: cv })], LEARNERS);
    expect(rows.filter((r) => r.differs).map((r) => r.name)).toEqual(['dataset', 'seed', 'cross-validation']);
    expect(rows.find((r) => r.name === 'cross-validation')!.values).toEqual(['—', '3 folds']);
  });

  it('marks the best run per metric by its direction, and no one on a tie or a lone value', () => {
    const rows = metricRows([run('a', { test: { roc_auc: 0.9, log_loss: 0.3, accuracy: 0.8 } }), run('b', { test: { roc_auc: 0.95, log_loss: 0.5, accuracy: 0.8, brier: 0.1 } })], 'test');
    const best = Object.fromEntries(rows.map((r) => [r.metric, r.best]));
    expect(best).toEqual({ roc_auc: 1, accuracy: null, log_loss: 0, brier: null });
  });
});
