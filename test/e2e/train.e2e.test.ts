import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './harness';
import { seeded, writeChurn } from './train-data';
import { WorkspaceTest } from './workspace-test';

/**
 * The Train workspace end to end: the empty state sends the user to Data; then, on data imported
 * with the CLI, logistic runs trained through the form (the curve drawn, AUC checked against what
 * the generating rule allows), a linear run on a numeric target, a long run watched live, picked
 * up again after a reload and cancelled, two runs compared, the table sorted and filtered, and the
 * engine's refusals shown in words.
 */

const TIMEOUT = 240_000;
const SEGMENT_ROWS = 20_000;

/**
 * 20,000 rows in 20 noisy classes over 12 numbers and a 50-level category: multinomial logistic
 * regression without a penalty and without a tolerance needs over a hundred slow iterations, long
 * enough to watch its curve grow and cancel it.
 */
function writeSegments(file: string): void {
  const rnd = seeded(11);
  const [K, D] = [20, 12];
  const weights = Array.from({ length: K }, () => Array.from({ length: D }, () => rnd() * 2 - 1));
  const lines = [[...Array.from({ length: D }, (_, j) => `f${j}`), 'shop', 'segment'].join(',')];
  for (let i = 0; i < SEGMENT_ROWS; i++) {
    const x = Array.from({ length: D }, () => rnd() * 2 - 1);
    const shop = Math.floor(rnd() * 50);
    let best = 0;
    let top = -Infinity;
    for (let k = 0; k < K; k++) {
      const score = weights[k]!.reduce((sum, w, j) => sum + w * x[j]!, 0) + ((shop + k) % 7 === 0 ? 1 : 0) - Math.log(-Math.log(rnd() + 1e-12));
      if (score > top) [best, top] = [k, score];
    }
    lines.push(`${x.map((v) => v.toFixed(3)).join(',')},s${shop},c${best}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

const e2e = new WorkspaceTest();
const { page, byTestId, cli, drawn } = e2e;
const fullScreenshot = (name: string) => e2e.fullScreenshot(name, { maxHeight: 2600 });
const rowOf = (name: string) => page().locator('[data-testid="train-run-row"]', { has: page().getByRole('button', { name, exact: true }) });
const runNames = () => page().locator('[data-testid="train-run-open"]').allTextContents();
/** The number in a metrics table cell of the opened run: row = metric id, column = set. */
async function detailMetric(metric: string, set: string): Promise<number> {
  const table = byTestId('train-detail-metrics');
  const headers = (await table.locator('thead th').allTextContents()).map((t) => t.trim());
  const cells = await table.locator(`tr[data-metric="${metric}"] td`).allTextContents();
  return Number(cells[headers.indexOf(set) - 1]);
}

/** How many iterations the live curve's label says it holds. */
async function liveIterations(): Promise<number> {
  const label = (await byTestId('train-live-curve').locator('[role="img"]').getAttribute('aria-label')) ?? '';
  return Number(/(\d+) steps/.exec(label)?.[1] ?? 0);
}

async function openTrain(): Promise<void> {
  await byTestId('nav-train').click();
  await expect.poll(() => byTestId('stage-title').textContent()).toBe('Train');
}

/** Fills the form's common fields and presses Start; waits for the run to open. */
async function startRun(options: { name: string; dataset?: string; target?: string; model?: string; params?: Record<string, string>; split?: string; cv?: string; exclude?: string[] }) {
  if (options.dataset) await byTestId('train-dataset').selectOption(options.dataset);
  if (options.target) await byTestId('train-target').selectOption(options.target);
  if (options.model) await byTestId('train-model').selectOption(options.model);
  for (const [name, value] of Object.entries(options.params ?? {})) await byTestId(`train-param-${name}`).fill(value);
  if (options.split !== undefined) await byTestId('train-split').selectOption({ label: options.split });
  if (options.cv !== undefined) await byTestId('train-cv').fill(options.cv);
  for (const column of options.exclude ?? []) await byTestId(`train-exclude-${column}`).check();
  await byTestId('train-name').fill(options.name);
  await byTestId('train-start').click();
  await expect
    .poll(async () => ((await byTestId('train-error').count()) ? await byTestId('train-error').textContent() : await byTestId('train-detail').locator('h2').textContent()), { timeout: 10_000 })
    .toBe(options.name);
}

const waitForStatus = (status: string, timeout = 30_000) => expect.poll(() => byTestId('train-detail-status').textContent(), { timeout }).toBe(status);

describe('Train workspace (headless host, Chromium)', () => {
  beforeAll(async () => {
    e2e.initProject('train');
    await e2e.open();
  }, TIMEOUT);

  afterAll(() => e2e.close(), TIMEOUT);

  it('trains, watches, cancels, compares, sorts, filters and shows refusals', { timeout: TIMEOUT }, async () => {
    const p = await e2e.openApp();
    await openTrain();

    // No data yet: the page says so and leads to Data.
    await expect.poll(() => byTestId('train-empty').textContent()).toMatch(/No datasets yet.*Import/s);
    await screenshot(p, 'train-01-empty');
    await byTestId('train-go-data').click();
    await expect.poll(() => byTestId('stage-title').textContent()).toBe('Data');

    // Data arrives through the CLI (another client): a 70/15/15 split and an objective with limits.
    const churn = path.join(e2e.root, 'churn.csv');
    const segments = path.join(e2e.root, 'segments.csv');
    writeChurn(churn);
    writeSegments(segments);
    cli(['data', 'import', churn, '--target', 'churned']);
    cli(['data', 'import', segments, '--target', 'segment']);
    const split = JSON.parse(cli(['data', 'split', 'churn', '--strategy', 'stratified', '--ratios', '0.7,0.15,0.15', '--seed', '7', '--name', 'churn 70/15/15', '--json']).stdout) as { counts: Record<string, number> };
    cli(['objective', 'set', '--task', 'binary', '--target', 'churned', '--metric', 'roc_auc', '--threshold', '0.85', '--p99-latency-ms', '50', '--max-size-mb', '5']);
    await p.reload();
    await p.locator('[data-app-state="ready"]').waitFor({ timeout: 20_000 });
    await openTrain();

    // The form starts on the first dataset's latest version, its target and logistic's defaults.
    await byTestId('train-no-runs').waitFor();
    expect(await byTestId('train-dataset').inputValue()).toBe('churn');
    // The version (and so its target) arrives with data.show, just after the list of datasets.
    await expect.poll(() => byTestId('train-target').inputValue()).toBe('churned');
    expect(await byTestId('train-model').inputValue()).toBe('logistic');
    expect([await byTestId('train-param-l2').inputValue(), await byTestId('train-param-maxIterations').inputValue(), await byTestId('train-param-tolerance').inputValue()]).toEqual(['1e-4', '200', '1e-6']);
    await byTestId('train-split').selectOption({ label: 'churn 70/15/15 (70/15/15)' });
    await byTestId('train-exclude-id').check();
    await byTestId('train-name').fill('logistic l2=1e-4');
    await fullScreenshot('train-02-form');

    // Run 1: logistic at its defaults, with a validation set, so both losses are drawn.
    await byTestId('train-start').click();
    await expect.poll(() => byTestId('train-detail').locator('h2').textContent(), { timeout: 10_000 }).toBe('logistic l2=1e-4');
    await waitForStatus('Succeeded');
    await drawn('train-detail-curve', 10_000);
    expect(await byTestId('train-detail-curve').locator('.legendtext').allTextContents()).toEqual(['train loss', 'validation loss']);
    expect(await detailMetric('roc_auc', 'test')).toBeGreaterThan(0.9);
    expect(await byTestId('train-facts').locator('[data-fact="Rows"] dd').textContent()).toBe(
      `train ${split.counts.train!.toLocaleString('en-US')} · validation ${split.counts.validation!.toLocaleString('en-US')} · test ${split.counts.test!.toLocaleString('en-US')}`,
    );
    expect(await byTestId('train-facts').locator('.train-features dd').textContent()).toBe('x1, x2, x3, plan, noise, spend');
    // Scoring a row of a handful of weights takes microseconds and the model is a few KB: both inside the objective's limits.
    expect(await byTestId('train-verdict').allTextContents()).toEqual([' ✓ within the objective’s 5 MB', ' ✓ within the objective’s 50 ms (p99)']);
    expect(await byTestId('train-threshold').textContent()).toContain('Test ROC AUC meets the objective’s threshold (≥ 0.85)');

    // Run 2: the same with a heavy penalty and 3-fold cross-validation; run 3: linear regression on a numeric target.
    await startRun({ name: 'logistic l2=10', params: { l2: '10' }, cv: '3' });
    await waitForStatus('Succeeded');
    expect(await byTestId('train-detail-cv').locator('caption').textContent()).toBe('Cross-validation (3 folds)');
    expect(await byTestId('train-detail-cv').locator('tr[data-metric="roc_auc"] td').textContent()).toMatch(/^0\.\d+ ± 0\.\d+$/);
    await byTestId('train-cv').fill('');
    await byTestId('train-model').selectOption('linear');
    expect(await byTestId('train-param-l2').inputValue()).toBe('1e-6');
    await startRun({ name: 'linear spend', target: 'spend' });
    await waitForStatus('Succeeded');
    // spend = 10 + 3·x1 + 2·x3 + U(0,1): the noise's variance (1/12) is under 1% of spend's (about 13.4).
    expect(await detailMetric('r2', 'test')).toBeGreaterThan(0.95);

    // Run 4, long: watched live, picked up again after a reload, then cancelled.
    await startRun({ name: 'segments long', dataset: 'segments', model: 'logistic', params: { l2: '0', tolerance: '0', maxIterations: '100000' } });
    await byTestId('train-progress').waitFor();
    await drawn('train-live-curve', 30_000);
    await expect.poll(liveIterations, { timeout: 30_000 }).toBeGreaterThanOrEqual(5);
    await fullScreenshot('train-03-running');
    const before = await liveIterations();
    await p.reload();
    await p.locator('[data-app-state="ready"]').waitFor({ timeout: 20_000 });
    await openTrain();
    await expect.poll(() => byTestId('train-detail').locator('h2').textContent(), { timeout: 10_000 }).toBe('segments long');
    await drawn('train-live-curve', 10_000);
    // The points made while no page was open come from jobs.points, the new ones from job.point events.
    await expect.poll(liveIterations, { timeout: 10_000 }).toBeGreaterThan(before);
    await byTestId('train-live').getByRole('button', { name: 'Cancel' }).click();
    await waitForStatus('Cancelled');
    expect(await byTestId('train-run-error').textContent()).toMatch(/^Cancelled: .*cancel/i);

    // Compare runs 1 and 2: only the penalty (and the cross-validation) differ; the light penalty has the lower test log loss
    // (a heavy one pulls every probability towards ½, towards a log loss of ln 2).
    await rowOf('logistic l2=1e-4').getByTestId('train-run-check').check();
    await rowOf('logistic l2=10').getByTestId('train-run-check').check();
    await byTestId('train-compare').click();
    const settings = byTestId('train-compare-settings');
    expect(await settings.locator('tr[data-differs="true"] th').allTextContents()).toEqual(['cross-validationdiffers', 'l2differs']);
    expect(await settings.locator('tr[data-setting="l2"] td').allTextContents()).toEqual(['1e-4', '10']);
    expect(await byTestId('train-compare-test').locator('tr[data-metric="log_loss"] td').evaluateAll((tds) => tds.map((td) => td.getAttribute('data-best')))).toEqual(['true', null]);
    await drawn('train-compare-curves', 10_000);
    await fullScreenshot('train-05-compare');

    // Sort by test log loss with the keyboard: best (lowest) first, runs without one last.
    await byTestId('train-metric').selectOption('log_loss');
    await byTestId('train-sort-metric').focus();
    await p.keyboard.press('Enter');
    expect(await byTestId('train-sort-metric').locator('xpath=..').getAttribute('aria-sort')).toBe('ascending');
    expect((await runNames()).slice(0, 2)).toEqual(['logistic l2=1e-4', 'logistic l2=10']);
    await p.keyboard.press('Enter');
    expect(await byTestId('train-sort-metric').locator('xpath=..').getAttribute('aria-sort')).toBe('descending');
    expect((await runNames()).slice(0, 2)).toEqual(['logistic l2=10', 'logistic l2=1e-4']);

    // Filter by model, then by text.
    await byTestId('train-filter-model').selectOption('linear');
    expect(await runNames()).toEqual(['linear spend']);
    await byTestId('train-filter-model').selectOption('');
    await byTestId('train-filter-text').fill('l2=10');
    expect(await runNames()).toEqual(['logistic l2=10']);
    await byTestId('train-filter-text').fill('');
    expect(await runNames()).toHaveLength(4);

    await byTestId('train-run-open').filter({ hasText: 'logistic l2=1e-4' }).click();
    await drawn('train-detail-curve', 10_000);
    await fullScreenshot('train-04-run-detail');

    // Refusals in words: a classifier on a number fails in its job; no usable column is refused at once.
    await startRun({ name: 'logistic on spend', dataset: 'churn', target: 'spend', model: 'logistic' });
    await waitForStatus('Failed');
    expect(await byTestId('train-run-error').textContent()).toBe('Failed: Logistic regression classifies; for a numeric target use linear regression.');
    for (const column of ['id', 'x1', 'x2', 'x3', 'plan', 'noise', 'churned']) await byTestId(`train-exclude-${column}`).check();
    await byTestId('train-start').click();
    expect(await byTestId('train-error').textContent()).toMatch(/^Not started: No usable feature columns are left/);
    await fullScreenshot('train-06-error');

    // The comparison in the dark theme: highlights and best values keep their contrast.
    await byTestId('train-compare').click();
    await p.getByRole('button', { name: /Dark theme/ }).click();
    await drawn('train-compare-curves', 10_000);
    await fullScreenshot('train-07-dark-compare');
    expect(e2e.session!.errors).toEqual([]);
  });
});
