import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './harness';
import { WorkspaceTest } from './workspace-test';

/**
 * The Evaluate workspace end to end, on runs trained with the CLI: a logistic run on a binary
 * target that depends on two numbers (a, b) with a group column (g) reported for fairness, and a
 * linear run on a numeric target. Checks the confusion matrix against the run's test rows, the
 * threshold chooser against `mlcycle evaluate --json`, importance, a row explained, the fairness
 * table and the regression residuals.
 */

const TIMEOUT = 240_000;

function seeded(seed: number) {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/** 600 rows: y = 1 when 2a − 1.5b + noise > 0; c is noise; g alternates f/m. */
function writeBinary(file: string): void {
  const rnd = seeded(7);
  const lines = ['a,b,c,g,y'];
  for (let i = 0; i < 600; i++) {
    const [a, b, c] = [rnd() * 4 - 2, rnd() * 4 - 2, rnd()];
    const y = 2 * a - 1.5 * b + (rnd() - 0.5) * 1.5 > 0 ? 1 : 0;
    lines.push(`${a.toFixed(3)},${b.toFixed(3)},${c.toFixed(3)},${i % 2 ? 'f' : 'm'},${y}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/** 300 rows: v = 3p + q + noise. */
function writeRegression(file: string): void {
  const rnd = seeded(11);
  const lines = ['p,q,v'];
  for (let i = 0; i < 300; i++) {
    const [p, q] = [rnd() * 4, rnd() * 2];
    lines.push(`${p.toFixed(3)},${q.toFixed(3)},${(3 * p + q + rnd()).toFixed(3)}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

const e2e = new WorkspaceTest();
const { byTestId, drawn } = e2e;
const cli = (args: string[]) => e2e.cli(args).stdout;
/** `train` prints the new run's id on a line of its own. */
const train = (args: string[]) => /^[0-9a-f-]{36}$/m.exec(cli(['train', ...args]))![0];

const fullScreenshot = (name: string) => e2e.fullScreenshot(name, { maxHeight: 4000, settleMs: 300 });

const thresholdMetric = (id: string) => byTestId('evaluate-threshold-metrics').locator(`[data-metric="${id}"] dd`).textContent();

describe('Evaluate workspace (headless host, Chromium)', () => {
  beforeAll(async () => {
    e2e.initProject('evaluate', 'risk');
    setUp();
    await e2e.open();
  }, TIMEOUT);

  afterAll(() => e2e.close(), TIMEOUT);

  it('shows a classification run, its threshold, explanations, fairness and a regression run', { timeout: TIMEOUT }, async () => {
    const { regRun, shown, at90, sweep } = made!;
    const p = await e2e.openApp();
    await byTestId('nav-evaluate').click();
    await expect.poll(() => byTestId('stage-title').textContent()).toBe('Evaluate');

    // The newest finished run is picked: the logistic one.
    await expect.poll(() => byTestId('evaluate-headline').locator('h2').textContent(), { timeout: 20_000 }).toBe('loans-logistic');
    await expect.poll(() => byTestId('evaluate-rows').textContent()).toBe(String(shown.rows.test));
    const counts = (await byTestId('evaluate-confusion-table').locator('td').allTextContents()).map(Number);
    expect(counts).toHaveLength(4);
    expect(counts.reduce((s, v) => s + v, 0)).toBe(shown.rows.test);
    await expect.poll(() => byTestId('evaluate-per-class').locator('tbody tr').count()).toBe(2);
    await drawn('evaluate-confusion');
    await drawn('evaluate-roc');
    await drawn('evaluate-pr');
    await drawn('evaluate-calibration');
    await p.evaluate('window.scrollTo(0, 0)');
    await fullScreenshot('evaluate-01-classification');

    // Threshold: 0.50 by default; moving it to 0.90 flags fewer rows and shows the sweep's values there.
    expect(await byTestId('evaluate-threshold-value').textContent()).toBe('0.50');
    const flaggedAt50 = parseFloat((await thresholdMetric('flagged')) ?? '');
    await byTestId('evaluate-threshold').fill('90');
    await expect.poll(() => byTestId('evaluate-threshold-value').textContent()).toBe('0.90');
    expect(await thresholdMetric('precision')).toBe(at90.precision.toFixed(3));
    expect(await thresholdMetric('recall')).toBe(at90.recall.toFixed(3));
    const flaggedAt90 = parseFloat((await thresholdMetric('flagged')) ?? '');
    expect(flaggedAt90).toBeCloseTo(at90.predictedPositiveRate * 100, 1);
    expect(flaggedAt90).toBeLessThan(flaggedAt50);
    await expect.poll(() => byTestId('evaluate-roc-summary').textContent()).toContain('threshold 0.90');
    await byTestId('evaluate-threshold').scrollIntoViewIfNeeded();
    await screenshot(p, 'evaluate-02-threshold');
    await byTestId('evaluate-best-f1').click();
    const bestF1 = Math.max(...sweep.map((s) => s.f1));
    await expect.poll(() => thresholdMetric('f1')).toBe(bestF1.toFixed(3));
    const bestJ = Math.max(...sweep.map((s) => s.recall - s.fpr));
    await byTestId('evaluate-youden').click();
    await expect.poll(async () => Number(await thresholdMetric('recall')) - Number(await thresholdMetric('fpr'))).toBeCloseTo(bestJ, 2);

    // Importance: the two informative columns first.
    const order = (await byTestId('evaluate-importance-list').locator('li').allTextContents()).map((t) => t.split(':')[0]);
    expect(new Set(order.slice(0, 2))).toEqual(new Set(['a', 'b']));
    await drawn('evaluate-importance');

    // Explain a row: its contributions, with the method named.
    await byTestId('evaluate-explain-row').fill('3');
    await byTestId('evaluate-explain-go').click();
    await byTestId('evaluate-explanation').waitFor({ timeout: 60_000 });
    expect(await byTestId('evaluate-contributions').locator('li').count()).toBeGreaterThanOrEqual(3);
    expect(await byTestId('evaluate-explain-method').textContent()).toMatch(/^Method: \S/);
    await drawn('evaluate-contributions-chart');

    // Fairness: both groups of g.
    const groups = await byTestId('evaluate-fairness-g').locator('tbody th').allTextContents();
    expect(groups.sort()).toEqual(['f', 'm']);
    await expect.poll(() => byTestId('evaluate-card').locator('pre').textContent(), { timeout: 20_000 }).toContain('loans-logistic');
    const download = p.waitForEvent('download');
    await byTestId('evaluate-card-download').click();
    expect((await download).suggestedFilename()).toBe('loans-logistic-model-card.md');
    await byTestId('evaluate-explain').scrollIntoViewIfNeeded();
    await fullScreenshot('evaluate-03-explain');

    // The regression run: predicted against actual and the residuals.
    await byTestId('evaluate-run').selectOption(regRun);
    await expect.poll(() => byTestId('evaluate-headline').locator('h2').textContent(), { timeout: 20_000 }).toBe('prices-linear');
    await drawn('evaluate-scatter');
    await drawn('evaluate-residuals');
    expect(await byTestId('evaluate-residual-summary').textContent()).toMatch(/^\d+ residuals/);
    expect(await byTestId('evaluate-confusion').count()).toBe(0);
    await p.evaluate('window.scrollTo(0, 0)');
    await fullScreenshot('evaluate-04-regression');
  });
});

interface SweepPoint {
  threshold: number;
  precision: number;
  recall: number;
  f1: number;
  fpr: number;
  predictedPositiveRate: number;
}

let made: { binRun: string; regRun: string; shown: { rows: { test: number } }; sweep: SweepPoint[]; at90: SweepPoint } | undefined;

/** Imports both files and trains both runs with the CLI, before the host opens the project. */
function setUp(): void {
    const binFile = path.join(e2e.root, 'loans.csv');
    const regFile = path.join(e2e.root, 'prices.csv');
    writeBinary(binFile);
    writeRegression(regFile);
    cli(['data', 'import', binFile, '--target', 'y']);
    cli(['data', 'import', regFile, '--target', 'v']);
    const regRun = train(['--dataset', 'prices', '--model', 'linear', '--name', 'prices-linear']);
    const binRun = train(['--dataset', 'loans', '--model', 'logistic', '--sensitive', 'g', '--name', 'loans-logistic']);
    const shown = JSON.parse(cli(['runs', 'show', binRun, '--json'])) as { rows: { test: number } };
    const evaluated = JSON.parse(cli(['evaluate', binRun, '--json'])) as {
      evaluation: { thresholdSweep: SweepPoint[] };
    };
    const sweep = evaluated.evaluation.thresholdSweep;
    made = { binRun, regRun, shown, sweep, at90: sweep.find((p) => Math.abs(p.threshold - 0.9) < 1e-9)! };

}
