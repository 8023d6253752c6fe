import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeChurn } from './train-data';
import { WorkspaceTest } from './workspace-test';

/**
 * Search and auto from the Train workspace: the New run form's modes (chosen by keyboard), the
 * search space pre-filled from the engine's default space and checked as it is typed, a random
 * search of three logistic trials watched from start to end (progress, trials filling in, the best
 * starred and really the best, the table re-sorted by keyboard, the chart), a trial opened and left
 * again, then auto with a small budget and its leaderboard.
 */

const TIMEOUT = 300_000;

const e2e = new WorkspaceTest();
const { page, byTestId, cli, fullScreenshot, drawn } = e2e;

const detailTitle = () => page().locator('#train-detail-title').textContent();
const status = () => byTestId('train-detail-status').textContent();
/** The validation scores in the table's order (the number each cell shows). */
const scores = (table: string) => byTestId(table).locator('[data-testid="train-trial-score"]').allTextContents().then((t) => t.map(Number));

describe('Train workspace: search and auto (headless host, Chromium)', () => {
  beforeAll(async () => {
    e2e.initProject('train-search');
    const churn = path.join(e2e.root, 'churn.csv');
    writeChurn(churn);
    cli(['data', 'import', churn, '--target', 'churned']);
    cli(['objective', 'set', '--task', 'binary', '--target', 'churned', '--metric', 'roc_auc', '--threshold', '0.85']);
    await e2e.open();
  }, TIMEOUT);

  afterAll(() => e2e.close(), TIMEOUT);

  it('runs a search and auto from the form and shows their trials, the best and a leaderboard', { timeout: TIMEOUT }, async () => {
    const p = await e2e.openApp();
    await byTestId('nav-train').click();
    await expect.poll(() => byTestId('stage-title').textContent()).toBe('Train');
    await expect.poll(() => byTestId('train-target').inputValue()).toBe('churned');

    // The learner's fields come from the engine (train.learners): logistic's defaults.
    await expect.poll(() => byTestId('train-param-l2').inputValue()).toBe('1e-4');

    // Search mode by keyboard: the mode choice is a radio group, arrow keys move along it.
    await byTestId('train-mode-single').focus();
    await p.keyboard.press('ArrowRight');
    expect(await byTestId('train-mode-search').isChecked()).toBe(true);
    expect(await byTestId('train-start').textContent()).toBe('Start search');
    // The default space: l2 on a log scale between 1e-6 and 1; the rest held at their defaults.
    expect(await byTestId('search-on-l2').isChecked()).toBe(true);
    expect([await byTestId('search-low-l2').inputValue(), await byTestId('search-high-l2').inputValue(), await byTestId('search-log-l2').isChecked()]).toEqual(['1e-6', '1', true]);
    expect(await byTestId('search-on-maxIterations').isChecked()).toBe(false);
    expect(await byTestId('train-param-maxIterations').inputValue()).toBe('200');
    // A search splits 70/15/15 (it ranks on validation rows) and does not cross-validate.
    expect(await byTestId('train-split').locator('option').first().textContent()).toBe('New 70/15/15 with seed 42');
    expect(await byTestId('train-cv').count()).toBe(0);

    // A range a log scale cannot take is named, and Start waits.
    await byTestId('search-low-l2').fill('0');
    expect(await byTestId('search-dim-l2').getByTestId('field-error').textContent()).toContain('A log scale needs a low end above 0');
    expect(await byTestId('train-start').isDisabled()).toBe(true);
    await byTestId('search-low-l2').fill('1e-4');

    await byTestId('train-exclude-id').check();
    await byTestId('train-trials').fill('3');
    await byTestId('train-name').fill('logistic search');
    await fullScreenshot('train-search-01-form');

    // Start: the parent run opens with its progress, and its trials fill the table.
    await byTestId('train-start').click();
    await expect.poll(detailTitle, { timeout: 10_000 }).toBe('logistic search');
    await byTestId('train-search-progress').waitFor({ timeout: 10_000 });
    expect(await byTestId('train-search-progress').getByRole('progressbar').getAttribute('aria-label')).toBe('Search progress');
    await expect.poll(() => byTestId('train-trial-row').count(), { timeout: 60_000 }).toBe(3);
    await fullScreenshot('train-search-02-running');
    await expect.poll(status, { timeout: 120_000 }).toBe('Succeeded');
    expect(await byTestId('train-search-progress').count()).toBe(0);

    // Every trial scored; the starred one has the highest validation ROC AUC, and the table lists best first.
    await expect.poll(async () => (await scores('train-trials')).filter(Number.isFinite).length, { timeout: 10_000 }).toBe(3);
    const bestFirst = await scores('train-trials');
    expect(bestFirst).toEqual([...bestFirst].sort((a, b) => b - a));
    const bestRow = p.locator('[data-testid="train-trial-row"][data-best="true"]');
    expect(await bestRow.count()).toBe(1);
    expect(Number(await bestRow.getByTestId('train-trial-score').textContent())).toBe(Math.max(...bestFirst));
    expect(await bestRow.getByTestId('train-trial-best').textContent()).toBe('★ best');
    // The l2 values tried lie in the range asked for.
    const l2s = (await byTestId('train-trials').locator('tbody tr td:nth-child(2)').allTextContents()).map(Number);
    for (const v of l2s) expect(v >= 1e-4 && v <= 1).toBe(true);
    // The parent takes the best trial's results; a linear rule of the features is easy to rank.
    expect(Number(await byTestId('train-detail-metrics').locator('tr[data-metric="roc_auc"] td').last().textContent())).toBeGreaterThan(0.9);

    // Sort by keyboard: worst first, then best first again.
    await byTestId('train-trials-sort-score').focus();
    await p.keyboard.press('Enter');
    expect(await scores('train-trials')).toEqual([...bestFirst].reverse());
    expect(await byTestId('train-trials-sort-score').locator('xpath=..').getAttribute('aria-sort')).toBe('ascending');
    await p.keyboard.press('Enter');
    expect(await scores('train-trials')).toEqual(bestFirst);
    await drawn('train-trials-chart', 15_000);
    expect(await byTestId('train-trials-chart').locator('.legendtext').allTextContents()).toEqual(['best so far', 'trials', 'best']);
    await fullScreenshot('train-search-03-done');

    // The chart against l2 instead of the trial number: a log axis.
    await byTestId('train-trials-chart-by').selectOption('l2');
    await expect.poll(() => byTestId('train-trials-chart').locator('.xtitle').textContent()).toBe('l2');

    // Open the best trial: its own detail, with its validation score as the table showed it.
    const bestName = await bestRow.getByTestId('train-trial-open').getAttribute('title');
    await bestRow.getByTestId('train-trial-open').click();
    await expect.poll(detailTitle).toBe(bestName);
    expect(await status()).toBe('Succeeded');
    const validation = await byTestId('train-detail-metrics').locator('tr[data-metric="roc_auc"] td').allTextContents();
    expect(validation.map(Number)).toContain(Math.max(...bestFirst));
    await fullScreenshot('train-search-04-trial');
    await byTestId('train-open-parent').click();
    await expect.poll(detailTitle).toBe('logistic search');

    // The runs table lists the search, its trials only when asked.
    const listed = () => p.locator('[data-testid="train-run-open"]').allTextContents();
    expect(await listed()).toEqual(['logistic search']);
    await byTestId('train-filter-trials').check();
    expect((await listed()).length).toBe(4);
    await byTestId('train-filter-trials').uncheck();

    // Auto with a small budget, three quick learners: a leaderboard ranking them.
    await byTestId('train-mode-auto').check();
    expect(await byTestId('train-start').textContent()).toBe('Start auto');
    await byTestId('train-budget').fill('1');
    await byTestId('train-auto-mlp').uncheck();
    await byTestId('train-name').fill('auto churn');
    await byTestId('train-start').click();
    await expect.poll(detailTitle, { timeout: 10_000 }).toBe('auto churn');
    await expect.poll(status, { timeout: 120_000 }).toBe('Succeeded');
    const leaders = byTestId('train-leaderboard');
    await expect.poll(() => leaders.locator('[data-testid="train-leader-row"]').count(), { timeout: 10_000 }).toBe(3);
    expect((await leaders.locator('[data-testid="train-leader-row"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-model')))).sort()).toEqual(['gbdt', 'logistic', 'random_forest']);
    const ranked = await scores('train-leaderboard');
    expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
    expect(await leaders.locator('[data-testid="train-leader-rank"]').allTextContents()).toEqual(['1', '2', '3']);
    expect(await leaders.locator('[data-testid="train-leader-row"]').first().getAttribute('data-best')).toBe('true');
    await drawn('train-trials-chart', 15_000);
    await fullScreenshot('train-search-05-auto');

    // The dark theme: the best row, its badge and the chart keep their contrast.
    await p.getByRole('button', { name: /Dark theme/ }).click();
    await drawn('train-trials-chart', 15_000);
    await fullScreenshot('train-search-06-auto-dark');
    expect(e2e.session!.errors).toEqual([]);
  });
});
