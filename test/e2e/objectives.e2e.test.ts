import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot } from './harness';
import { workspaceSuite } from './workspace-test';

/**
 * Objectives & governance end to end: the Overview home page, the objective form with the engine's
 * validation shown beside the field, people and the RACI grid, policies, the decision log and
 * version history, everything kept across a reload, and the exported brief.
 */

const TIMEOUT = 120_000;

const e2e = workspaceSuite('gov-projects', TIMEOUT);
const { page, byTestId } = e2e;
const text = (id: string) => byTestId(id).textContent();
const status = (id: string) => byTestId(id).getAttribute('data-status');

async function waitReady(): Promise<void> {
  await page().locator('[data-app-state="ready"]').waitFor({ timeout: 20_000 });
}

/** The field errors shown in one section of Objectives. */
const fieldErrors = (tab: string) => byTestId(`objectives-panel-${tab}`).getByTestId('field-error');

async function openTab(tab: 'objective' | 'people' | 'policies' | 'decisions'): Promise<void> {
  await byTestId(`objectives-tab-${tab}`).click();
  await byTestId(`objectives-panel-${tab}`).waitFor({ state: 'visible' });
}

/** Downloads the brief in one format and returns the file's name and text. */
async function downloadBrief(format: 'markdown' | 'html'): Promise<{ name: string; content: string }> {
  const [download] = await Promise.all([page().waitForEvent('download'), byTestId(`brief-${format}`).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), content: readFileSync(file, 'utf8') };
}

describe('Objectives & governance (headless host, Chromium)', () => {
  it(
    'defines an objective, people, policy and decisions, keeps them across a reload and exports the brief',
    async () => {
      const p = await e2e.openApp();

      // A new project opens on its Overview: nothing started, the next step points at Objectives.
      await byTestId('project-dir-input').fill(path.join(e2e.root, 'churn'));
      await byTestId('project-name-input').fill('Churn model');
      await byTestId('create-project').click();
      await expect.poll(() => text('stage-title')).toBe('Overview');
      expect(await byTestId('nav-overview').getAttribute('aria-current')).toBe('page');
      await expect.poll(() => status('dashboard-stage-objectives')).toBe('not_started');
      expect(await p.getByTestId('readiness-item').count()).toBe(7);
      expect(await text('next-action-text')).toMatch(/business problem/);
      expect(await text('champion-slot')).toMatch(/Appears once/);
      await screenshot(p, '20-overview-new-project');

      // The next action opens the objective form.
      await byTestId('next-action').click();
      await expect.poll(() => text('stage-title')).toBe('Objectives');
      await byTestId('objective-problem').waitFor();
      expect(await byTestId('objectives-tab-objective').getAttribute('aria-selected')).toBe('true');

      // Fill the objective; the metric list follows the task and the threshold shows its direction.
      await byTestId('objective-problem').fill('Subscribers cancel without warning; each one lost costs about €300 a year.');
      await byTestId('objective-decision').fill('The retention team calls the 500 customers most likely to cancel each week.');
      await byTestId('objective-why-ml').fill('Cancellations depend on usage patterns no single rule captures.');
      await byTestId('objective-baseline').fill('Call everyone with 3+ support tickets');
      await byTestId('objective-baseline-value').fill('0.62');
      await byTestId('objective-task').selectOption('regression');
      expect(await byTestId('objective-metric').locator('option').allTextContents()).toContain('RMSE (lower is better)');
      await byTestId('objective-task').selectOption('binary');
      const metricOptions = await byTestId('objective-metric').locator('option').allTextContents();
      expect(metricOptions.some((o) => o.startsWith('RMSE'))).toBe(false);
      expect(metricOptions).toContain('ROC AUC (higher is better)');
      await byTestId('objective-target').fill('churned');
      await byTestId('objective-metric').selectOption('roc_auc');
      expect(await text('objective-direction')).toBe('≥');
      await byTestId('objective-threshold').fill('0.85');
      await byTestId('objective-latency').fill('50');
      await byTestId('objective-fairness-on').check();
      await byTestId('objective-fairness-bound').fill('0.1');
      await byTestId('objective-sensitive-columns').fill('gender, age_band');
      await byTestId('objective-business').fill('Customers kept by the retention team per quarter');
      await byTestId('objective-business-target').fill('5');
      await byTestId('objective-business-unit').fill('% fewer cancellations');
      await byTestId('objective-add-source').click();
      await byTestId('source-name-0').fill('CRM accounts');
      expect(await byTestId('objective-status').getAttribute('data-dirty')).toBe('true');
      expect(await text('objective-status')).toMatch(/Unsaved changes/);
      await screenshot(p, '21-objective-unsaved');

      await byTestId('objective-save').click();
      await expect.poll(() => text('objective-status')).toBe('Saved as version 1.');
      expect(await byTestId('objective-status').getAttribute('data-dirty')).toBeNull();

      // An impossible threshold is refused by the engine; the reason shows beside the field and at the top.
      await byTestId('objective-threshold').fill('1.5');
      await byTestId('objective-save').click();
      await fieldErrors('objective').first().waitFor();
      expect(await fieldErrors('objective').count()).toBe(1);
      expect(await fieldErrors('objective').textContent()).toMatch(/ROC AUC cannot be above 1; got 1\.5/);
      expect(await byTestId('objective-threshold').getAttribute('aria-invalid')).toBe('true');
      expect(await text('objective-errors')).toMatch(/Threshold: ROC AUC cannot be above 1/);
      expect(await text('objective-status')).toMatch(/Not saved/);
      // The summary's link takes the cursor to the offending input.
      await byTestId('objective-errors').getByRole('link', { name: 'Threshold' }).click();
      expect(await p.evaluate<string | null>("document.activeElement?.getAttribute('data-testid') ?? null")).toBe('objective-threshold');
      await screenshot(p, '22-objective-error');
      await byTestId('objective-discard').click();
      await expect.poll(() => byTestId('objective-threshold').inputValue()).toBe('0.85');
      expect(await fieldErrors('objective').count()).toBe(0);

      // Saving with nothing changed makes no new version.
      await byTestId('objective-save').click();
      await expect.poll(() => text('objective-status')).toMatch(/No changes — version 1 is still current/);

      // Ctrl+S saves too.
      await byTestId('objective-business-target').fill('6');
      await p.keyboard.press('Control+s');
      await expect.poll(() => text('objective-status')).toBe('Saved as version 2.');

      // People: two stakeholders with their RACI letters, saved as they are picked.
      await openTab('people');
      await byTestId('person-name').fill('Ana Ortiz');
      await byTestId('person-role').selectOption('product_owner');
      await byTestId('person-email').fill('ana@example.com');
      await byTestId('person-save').click();
      await expect.poll(() => p.getByTestId('person-row').count()).toBe(1);
      await byTestId('person-name').fill('Ben Okafor');
      await byTestId('person-role').selectOption('data_scientist');
      await byTestId('person-save').click();
      await expect.poll(() => p.getByTestId('person-row').count()).toBe(2);
      await byTestId('raci-0-objectives').selectOption('A');
      await byTestId('raci-0-governance').selectOption('A');
      await byTestId('raci-1-objectives').selectOption('C');
      await byTestId('raci-1-data').selectOption('R');
      await byTestId('raci-1-train').selectOption('A');
      await expect.poll(() => text('raci-status')).toBe('All changes saved.');
      expect(await text('owner-train')).toBe('Ben Okafor');
      await screenshot(p, '23-people-raci');

      // A bad email is refused beside the field.
      await byTestId('person-name').fill('Cleo');
      await byTestId('person-email').fill('not-an-address');
      await byTestId('person-save').click();
      await expect.poll(() => fieldErrors('people').textContent()).toMatch(/not an email address/);
      expect(await byTestId('person-email').getAttribute('aria-invalid')).toBe('true');
      await byTestId('person-name').fill('');
      await byTestId('person-email').fill('');
      expect(await fieldErrors('people').count()).toBe(0);

      // Policies: defaults explained; a change is marked and can be reset, then saved as a version.
      await openTab('policies');
      expect(await byTestId('policy-row-approvals-required').getAttribute('data-default')).toBe('true');
      expect(await text('policy-row-p-value')).toMatch(/0\.05 is the conventional level/);
      await byTestId('policy-approvals-required').fill('2');
      expect(await byTestId('policy-row-approvals-required').getAttribute('data-default')).toBe('false');
      await byTestId('policy-p-value').fill('0.01');
      await byTestId('policy-reset-p-value').click();
      expect(await byTestId('policy-p-value').inputValue()).toBe('0.05');
      await byTestId('policy-approval-roles-product_owner').check();
      await screenshot(p, '24-policies-changed');
      await byTestId('policy-note').fill('Two approvals while the model is new');
      await byTestId('policy-save').click();
      await expect.poll(() => text('policy-status')).toBe('Saved as version 1.');

      // Decision log: a dated decision with a link, on the timeline with the versions.
      await openTab('decisions');
      await byTestId('decision-save').click();
      await expect.poll(() => fieldErrors('decisions').textContent()).toMatch(/say what was decided/);
      await byTestId('decision-title').fill('Promote only at ROC AUC ≥ 0.85');
      await byTestId('decision-why').fill('Below that the retention team wastes most calls.');
      await byTestId('decision-date').fill('2025-01-15');
      await byTestId('decision-add-link').click();
      await byTestId('decision-link-kind-0').selectOption('dataset');
      await byTestId('decision-link-ref-0').fill('crm-2024-q4');
      await byTestId('decision-save').click();
      await expect.poll(() => text('decision-status')).toMatch(/Recorded/);
      const decisionEntry = p.locator('[data-testid="timeline-entry"][data-kind="decision"]');
      await expect.poll(() => decisionEntry.count()).toBe(1);
      // Dated in the past, so it sorts below today's versions: the history is in order of when things happened.
      await decisionEntry.evaluate((entry) => entry.scrollIntoView({ block: 'center' }));
      await screenshot(p, '25-decision-log');

      // Reload: everything is kept. Objectives stays in progress until every stage has an
      // accountable owner (3 of 7 here), and the next step says which are missing.
      await p.reload();
      await waitReady();
      await expect.poll(() => text('stage-title')).toBe('Overview');
      await expect.poll(() => status('dashboard-stage-objectives')).toBe('in_progress');
      expect(await text('next-action-text')).toMatch(/Name who is accountable \(A\) for data, evaluate, deploy, monitor/);
      const readiness = p.locator('[data-testid="readiness-item"][data-item="objective_defined"]');
      expect(await readiness.getAttribute('data-status')).toBe('done');
      expect(await p.locator('[data-testid="readiness-item"][data-item="owners_named"]').textContent()).toMatch(/3 of 7/);
      await screenshot(p, '26-overview-after-reload');

      await byTestId('nav-objectives').click();
      await byTestId('objective-problem').waitFor();
      expect(await byTestId('objective-problem').inputValue()).toMatch(/Subscribers cancel/);
      expect(await byTestId('objective-task').inputValue()).toBe('binary');
      expect(await byTestId('objective-metric').inputValue()).toBe('roc_auc');
      expect(await byTestId('objective-threshold').inputValue()).toBe('0.85');
      expect(await byTestId('objective-latency').inputValue()).toBe('50');
      expect(await byTestId('objective-sensitive-columns').inputValue()).toBe('gender, age_band');
      expect(await byTestId('source-name-0').inputValue()).toBe('CRM accounts');
      expect(await text('objective-status')).toMatch(/^Version 2, saved/);

      await openTab('people');
      expect(await p.getByTestId('person-row').count()).toBe(2);
      expect(await byTestId('raci-0-objectives').inputValue()).toBe('A');
      expect(await byTestId('raci-0-governance').inputValue()).toBe('A');
      expect(await byTestId('raci-1-data').inputValue()).toBe('R');
      expect(await byTestId('raci-1-train').inputValue()).toBe('A');
      expect(await byTestId('raci-1-deploy').inputValue()).toBe('');

      await openTab('policies');
      expect(await byTestId('policy-approvals-required').inputValue()).toBe('2');
      expect(await byTestId('policy-approval-roles-product_owner').isChecked()).toBe(true);

      await openTab('decisions');
      const entries = p.getByTestId('timeline-entry');
      const titles = await entries.locator('.timeline-title').allTextContents();
      expect(titles).toContain('Promote only at ROC AUC ≥ 0.85');
      expect(titles).toContain('Objective version 1');
      expect(titles).toContain('Objective version 2');
      expect(titles).toContain('Policy version 1: Two approvals while the model is new');
      const approvals = p.locator('[data-testid="timeline-change"][data-field="promotion.approvals.required"]');
      expect(await approvals.locator('.was').textContent()).toBe('1');
      expect(await approvals.locator('.now').textContent()).toBe('2');
      const target = p.locator('[data-testid="timeline-change"][data-field="businessMeasure.target"]').first();
      expect(await target.locator('.was').textContent()).toBe('5');
      expect(await target.locator('.now').textContent()).toBe('6');
      expect(await p.locator('[data-testid="timeline-entry"][data-kind="decision"]').textContent()).toMatch(/Dataset: crm-2024-q4/);
      await byTestId('timeline-filter-objective').click();
      await p.locator('#timeline-title').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
      await screenshot(p, '27-timeline-objective-versions');
      await byTestId('timeline-filter-all').click();

      // The brief: Markdown and self-contained HTML downloads, and a preview.
      const markdown = await downloadBrief('markdown');
      expect(markdown.name).toBe('churn-model-brief.md');
      expect(markdown.content).toMatch(/Subscribers cancel without warning/);
      expect(markdown.content).toMatch(/ROC AUC/);
      expect(markdown.content).toMatch(/Ana Ortiz/);
      const html = await downloadBrief('html');
      expect(html.name).toBe('churn-model-brief.html');
      expect(html.content).toMatch(/^<!doctype html>/i);
      expect(html.content).toMatch(/Promote only at ROC AUC/);
      await byTestId('brief-preview').click();
      await byTestId('brief-preview-dialog').waitFor({ state: 'visible' });
      await p.frameLocator('[data-testid="brief-preview-dialog"] iframe').getByText('Subscribers cancel without warning').first().waitFor();
      await screenshot(p, '28-brief-preview');
      await p.keyboard.press('Escape');
      await byTestId('brief-preview-dialog').waitFor({ state: 'detached' });

      // Keyboard: the tabs are one Tab stop and arrow keys move between them.
      await byTestId('objectives-tab-decisions').focus();
      await p.keyboard.press('ArrowLeft');
      expect(await byTestId('objectives-tab-policies').getAttribute('aria-selected')).toBe('true');
      await p.keyboard.press('Home');
      expect(await byTestId('objectives-tab-objective').getAttribute('aria-selected')).toBe('true');
      await p.keyboard.press('Alt+0');
      await expect.poll(() => text('stage-title')).toBe('Overview');

      // Dark theme: the Overview and each section.
      await byTestId('theme-toggle').click();
      await expect.poll(() => p.locator('html').getAttribute('data-theme')).toBe('dark');
      await screenshot(p, '29-dark-overview');
      await byTestId('nav-objectives').click();
      await byTestId('objectives-tab-objective').click();
      await byTestId('objective-threshold').fill('1.5');
      await byTestId('objective-save').click();
      await fieldErrors('objective').first().waitFor();
      await byTestId('objective-threshold').focus();
      await screenshot(p, '30-dark-objective-error');
      await byTestId('objective-discard').click();
      for (const tab of ['people', 'policies', 'decisions'] as const) {
        await openTab(tab);
        await screenshot(p, `31-dark-${tab}`);
      }

      // With the Jobs drawer open the workspace is narrower; the RACI grid scrolls rather than squashes.
      await openTab('people');
      await p.keyboard.press('Alt+j');
      await byTestId('jobs-panel').waitFor();
      await screenshot(p, '32-dark-people-with-jobs');
      await p.keyboard.press('Alt+0');
      await expect.poll(() => text('stage-title')).toBe('Overview');
      await screenshot(p, '33-dark-overview-with-jobs');

      expect(e2e.session!.errors, `the page logged errors:\n${e2e.session!.errors.join('\n')}`).toEqual([]);
    },
    TIMEOUT,
  );
});
