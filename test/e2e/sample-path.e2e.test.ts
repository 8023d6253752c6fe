import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot } from './harness';
import { workspaceSuite } from './workspace-test';

/**
 * The whole loop as a new user meets it, through the UI only, on a fresh data folder: the start
 * page's "Open sample project" → the overview's next step → profile → clean → split → train two
 * learners → compare → register → approve → promote → deploy locally → sample traffic → monitor →
 * retrain. A screenshot at every stage (test-results/screenshots/path-*.png).
 */

const TIMEOUT = 600_000;
// The project is made from the start page: the host opens on it, with no project of its own.
const e2e = workspaceSuite(
  'sample-path',
  TIMEOUT,
  (suite) => {
    suite.project = path.join(suite.root, 'penguins');
  },
  { localTargets: ['laptop'] },
);
const { byTestId } = e2e;
const fullScreenshot = (name: string) => e2e.fullScreenshot(name, { maxHeight: 3000, settleMs: 300 });

/** The overview's next step, and its button to the stage. */
async function nextStep(): Promise<{ stage: string | null; text: string }> {
  await byTestId('nav-overview').click();
  const text = (await byTestId('next-action-text').textContent()) ?? '';
  return { stage: await byTestId('next-action-card').getAttribute('data-stage'), text };
}

describe('the sample project through the workspace (headless host, Chromium)', () => {
  it('goes from the start page to a monitored, retrained deployment', { timeout: TIMEOUT }, async () => {
    const p = await e2e.openApp();

    // 1. The start page offers the sample; it opens on the overview with the data already imported.
    await byTestId('sample-dir-input').fill(e2e.project);
    await screenshot(p, 'path-01-start');
    await byTestId('open-sample-project').click();
    await byTestId('overview').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await nextStep()).text, { timeout: 60_000 }).toMatch(/^Clean penguins@1/);
    await fullScreenshot('path-02-overview');

    // 2. Objectives: written by the sample; the stage is done, so no hint shows there.
    await byTestId('nav-objectives').click();
    await expect.poll(() => byTestId('stage-title').textContent()).toBe('Objectives');
    await screenshot(p, 'path-03-objectives');

    // 3. Data: the next step leads here; the hint says what to do; the profile is there already.
    await byTestId('nav-overview').click();
    await byTestId('next-action').click();
    await expect.poll(() => byTestId('stage-title').textContent()).toBe('Data');
    await expect.poll(() => byTestId('guide-hint').textContent(), { timeout: 10_000 }).toMatch(/Next here: Clean penguins@1/);
    await p.locator('[data-testid="dataset-item"]', { hasText: 'penguins' }).click();
    await expect.poll(() => byTestId('version-ref').textContent(), { timeout: 10_000 }).toBe('penguins@1');
    await byTestId('data-tab-profile').click();
    await byTestId('profile-summary').waitFor({ timeout: 60_000 });
    await byTestId('profile-target').locator('.main-svg').first().waitFor({ timeout: 20_000 });
    await fullScreenshot('path-04-profile');

    // Clean: drop the two birds without measurements, previewed live, applied as penguins@2.
    await byTestId('data-tab-clean').click();
    await byTestId('clean-add-kind').selectOption('filter');
    await byTestId('clean-add-step').click();
    await byTestId('clean-where').fill('bill_length_mm IS NOT NULL');
    await expect.poll(() => byTestId('clean-preview-status').textContent(), { timeout: 20_000 }).toContain('Up to date');
    await screenshot(p, 'path-05-clean');
    await byTestId('clean-apply').click();
    await expect.poll(() => byTestId('version-ref').textContent(), { timeout: 60_000 }).toBe('penguins@2');
    expect(await byTestId('clean-outcome').textContent()).toContain('Wrote penguins@2:');
    await expect.poll(() => byTestId('guide-hint').textContent(), { timeout: 10_000 }).toMatch(/Next here: Split penguins@2/);

    // Split: stratified by species, 70/15/15, seed 7.
    await byTestId('data-tab-split').click();
    await byTestId('split-strategy-stratified').check();
    await byTestId('split-seed').fill('7');
    await byTestId('split-create').click();
    await expect.poll(() => p.getByTestId('split-item').count(), { timeout: 30_000 }).toBe(1);
    expect(await byTestId('split-outcome').textContent()).toMatch(/train \d+, validation \d+, test \d+ rows/);
    // With a split saved the data stage is done: its hint goes.
    await byTestId('guide-hint').waitFor({ state: 'detached', timeout: 10_000 });
    await screenshot(p, 'path-06-split');
    await expect.poll(async () => (await nextStep()).stage, { timeout: 10_000 }).toBe('train');

    // 4. Train two learners on that split.
    await byTestId('next-action').click();
    await expect.poll(() => byTestId('stage-title').textContent()).toBe('Train');
    for (const [model, name] of [
      ['logistic', 'pen-logistic'],
      ['gbdt', 'pen-gbdt'],
    ] as const) {
      await byTestId('train-dataset').selectOption('penguins');
      await byTestId('train-model').selectOption(model);
      await byTestId('train-split').selectOption({ label: 'penguins@2 stratified 0.7/0.15/0.15 seed 7 (70/15/15)' });
      await byTestId('train-name').fill(name);
      await byTestId('train-start').click();
      await expect.poll(() => byTestId('train-detail').locator('h2').textContent(), { timeout: 10_000 }).toBe(name);
      await expect.poll(() => byTestId('train-detail-status').textContent(), { timeout: 120_000 }).toBe('Succeeded');
      if (model === 'logistic') await expect.poll(() => byTestId('guide-hint').textContent(), { timeout: 10_000 }).toMatch(/Next here: Train a second learner \(not logistic\)/);
    }
    await screenshot(p, 'path-07-train');

    // 5. Compare them side by side.
    const runRow = (name: string) => p.locator('[data-testid="train-run-row"]', { has: p.getByRole('button', { name, exact: true }) });
    await runRow('pen-logistic').getByTestId('train-run-check').check();
    await runRow('pen-gbdt').getByTestId('train-run-check').check();
    await byTestId('train-compare').click();
    await e2e.drawn('train-compare-curves', 20_000);
    await fullScreenshot('path-08-compare');
    await byTestId('nav-evaluate').click();
    await expect.poll(() => byTestId('stage-title').textContent()).toBe('Evaluate');
    await expect.poll(() => byTestId('guide-hint').textContent(), { timeout: 10_000 }).toMatch(/Next here: Compare the runs side by side/);
    await byTestId('evaluate-headline').waitFor({ timeout: 30_000 });
    await fullScreenshot('path-09-evaluate');

    // 6. Register the logistic run (package, parity), approve it as the project's reviewer, promote it.
    await byTestId('nav-train').click();
    await p.getByRole('button', { name: 'pen-logistic', exact: true }).click();
    await expect.poll(() => byTestId('train-detail-status').textContent(), { timeout: 10_000 }).toBe('Succeeded');
    await byTestId('train-register').click();
    await byTestId('register-name').fill('penguins');
    await byTestId('register-submit').click();
    await byTestId('register-done').waitFor({ timeout: 120_000 });
    expect(await byTestId('register-done').textContent()).toMatch(/Registered penguins v1: parity passed on \d+ test rows/);
    await byTestId('register-open').click();
    await expect.poll(() => byTestId('version-title').textContent(), { timeout: 10_000 }).toBe('penguins v1');
    await expect.poll(() => byTestId('guide-hint').textContent(), { timeout: 10_000 }).toMatch(/Next here: Approve penguins v1/);
    await screenshot(p, 'path-10-registered');
    await byTestId('version-tab-governance').click();
    await byTestId('approve-form').waitFor({ timeout: 10_000 });
    await byTestId('approve-comment').fill('Checked the card and the per-class scores.');
    await byTestId('approve-comment').press('Control+Enter');
    await byTestId('approval').waitFor({ timeout: 10_000 });
    await expect.poll(() => byTestId('gate-approvals').getAttribute('data-state')).toBe('pass');
    await byTestId('promote-button').click();
    await byTestId('promote-is-champion').waitFor({ timeout: 30_000 });
    await fullScreenshot('path-11-promoted');

    // 7. Deploy the champion to the sample's local target.
    await expect.poll(async () => (await nextStep()).text, { timeout: 10_000 }).toMatch(/^Deploy penguins v1 to laptop/);
    await byTestId('next-action').click();
    await e2e.deployInDialog('penguins', 'champion');
    await expect.poll(() => byTestId('live-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('live');
    await screenshot(p, 'path-12-deployed');

    // 8. Sample traffic from the Monitor page, shifted from the 100th bird on; labels added, log pulled.
    await expect.poll(async () => (await nextStep()).text, { timeout: 10_000 }).toMatch(/^Send traffic to laptop/);
    await byTestId('next-action').click();
    await byTestId('monitor-targets').waitFor({ timeout: 10_000 });
    await p.locator('[data-testid="monitor-target-row"][data-target="laptop"]').getByTestId('monitor-target-open').click();
    await byTestId('monitor-simulate').locator('summary').click();
    await byTestId('simulate-rate').fill('500');
    // A heavier colony: four measurements move at once.
    const shifts = [
      ['flipper_length_mm', 'flipper_length_mm + 15'],
      ['body_mass_g', 'body_mass_g * 1.25'],
      ['bill_length_mm', 'bill_length_mm + 5'],
      ['bill_depth_mm', 'bill_depth_mm - 2'],
    ];
    for (const [i, [feature, expression]] of shifts.entries()) {
      await byTestId('simulate-add-shift').click();
      const shift = p.locator(`[data-testid="simulate-shift"][data-index="${i}"]`);
      await shift.getByTestId('simulate-feature').selectOption(feature!);
      await shift.getByTestId('simulate-expression').fill(expression!);
    }
    await byTestId('simulate-after').fill('100');
    await fullScreenshot('path-13-traffic');
    await byTestId('simulate-start').click();
    await expect.poll(() => byTestId('simulate-outcome').count(), { timeout: 120_000 }).toBe(1);
    expect(await byTestId('simulate-outcome').textContent()).toMatch(/^342 rows sent to penguins v1 \(242 shifted, 0 errors\); 342 labels added; pulled, [1-9]\d* new alerts?\.$/);
    // The alerts also come as a notice, in words.
    await expect.poll(() => p.locator('.notice').first().textContent(), { timeout: 10_000 }).toMatch(/alerts? on laptop: Dataset drift: 4 of 6 features drifted/);
    await e2e.dismissNotices();

    // 9. Monitor: the drifted feature on the heatmap, the performance drop, the alerts.
    await expect.poll(() => byTestId('monitor-rows').textContent(), { timeout: 10_000 }).not.toBe('0');
    await byTestId('monitor-tab-drift').click();
    await byTestId('monitor-heatmap').waitFor({ timeout: 60_000 });
    expect(await byTestId('monitor-drifted-features').textContent()).toMatch(/flipper_length_mm|body_mass_g|bill_length_mm|bill_depth_mm/);
    await fullScreenshot('path-14-drift');
    await byTestId('monitor-tab-performance').click();
    await fullScreenshot('path-15-performance');
    await byTestId('monitor-tab-alerts').click();
    await expect.poll(() => p.locator('[data-testid="monitor-alert"][data-status="open"]').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await screenshot(p, 'path-16-alerts');
    await expect.poll(async () => (await nextStep()).text, { timeout: 10_000 }).toMatch(/^Look at the alerts on laptop, then retrain/);

    // 10. Retrain on the labeled served rows: a challenger registered and compared on held-out rows.
    await byTestId('next-action').click();
    // Monitor comes back where it was left: on laptop's page.
    await byTestId('monitor-target-page').waitFor({ timeout: 10_000 });
    await byTestId('monitor-tab-retrain').click();
    await e2e.dismissNotices();
    await byTestId('monitor-retrain-start').click();
    await byTestId('monitor-retrain-outcome').waitFor({ timeout: 300_000 });
    // The challenger learned the new colony and wins on the held-out rows; the policy wants a reviewer's approval first.
    expect(await byTestId('monitor-retrain-outcome').getAttribute('data-outcome')).toBe('awaiting gates');
    expect(await byTestId('monitor-retrain-outcome').textContent()).toMatch(/The challenger penguins v2 won, but the promotion gates held it back: approvals/);
    await fullScreenshot('path-17-retrain');
  });
});
