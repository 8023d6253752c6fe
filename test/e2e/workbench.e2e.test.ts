import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAGES } from '../../src/shared/stages';
import { screenshot } from './harness';
import { workspaceSuite } from './workspace-test';

/**
 * The workspace frame end to end: a real browser against the headless host on a fresh data folder.
 * Every wait is on a locator or a polled condition, never a sleep.
 */

const TIMEOUT = 60_000;

const e2e = workspaceSuite('projects', TIMEOUT);
const { page, byTestId } = e2e;
const stageTitle = () => byTestId('stage-title').textContent();
const jobRow = (jobId: string) => page().locator(`[data-testid="job-row"][data-job-id="${jobId}"]`);

async function waitReady(): Promise<void> {
  await page().locator('[data-app-state="ready"]').waitFor({ timeout: 20_000 });
}

/** Starts a demo job from the Jobs panel and returns its id (the newest row). */
async function startDemo(steps: number, stepMs: number): Promise<string> {
  const before = await page().getByTestId('job-row').count();
  await byTestId('demo-steps').fill(String(steps));
  await byTestId('demo-step-ms').fill(String(stepMs));
  await byTestId('start-demo').click();
  await expect.poll(() => page().getByTestId('job-row').count()).toBe(before + 1);
  const id = await page().getByTestId('job-row').first().getAttribute('data-job-id');
  if (!id) throw new Error('the new job row has no data-job-id');
  return id;
}

describe('MLCycle workbench (headless host, Chromium)', () => {
  it(
    'creates a project, walks the stages, runs and cancels jobs, themes and keyboard',
    async () => {
      const p = await e2e.openApp();

      // Project picker: the token left the address bar, the form is there, nothing recent yet.
      expect(new URL(p.url()).searchParams.has('token')).toBe(false);
      await byTestId('project-dir-input').waitFor();
      expect(await p.getByTestId('recent-project').count()).toBe(0);
      await screenshot(p, '01-picker');

      // Opening a folder that is not there is refused, with the engine's reason in words.
      await byTestId('open-dir-input').fill(path.join(e2e.root, 'nowhere'));
      await byTestId('open-project').click();
      await expect.poll(() => p.locator('.form-error').textContent()).toMatch(/does not exist/);

      // Create a project; the header shows its name and folder.
      const dir = path.join(e2e.root, 'churn');
      await byTestId('project-dir-input').fill(dir);
      await byTestId('project-name-input').fill('Churn model');
      await byTestId('create-project').click();
      await byTestId('nav-objectives').waitFor();
      expect(await byTestId('project-name').textContent()).toBe('Churn model');
      expect(await byTestId('project-dir').textContent()).toBe(dir);

      // A project opens on its Overview, the home page above the stages.
      await expect.poll(stageTitle).toBe('Overview');
      expect(await byTestId('nav-overview').getAttribute('aria-current')).toBe('page');

      // Every stage in the nav opens its page: Objectives, Data, Train, Evaluate, Models, Deploy and Monitor are workspaces, any other says what it will do.
      for (const [index, stage] of STAGES.entries()) {
        await byTestId(`nav-${stage.id}`).click();
        await expect.poll(stageTitle).toBe(stage.title);
        expect(await byTestId(`nav-${stage.id}`).getAttribute('aria-current')).toBe('page');
        if (stage.id === 'objectives') await byTestId('objectives-tab-objective').waitFor();
        else if (stage.id === 'data') await byTestId('data-empty').waitFor();
        else if (stage.id === 'train') await byTestId('train-no-runs').or(byTestId('train-empty')).waitFor();
        else if (stage.id === 'evaluate') await byTestId('evaluate-empty').waitFor();
        else if (stage.id === 'models') await byTestId('models-empty').waitFor();
        else if (stage.id === 'deploy') await byTestId('deploy-empty').waitFor();
        else if (stage.id === 'monitor') await byTestId('monitor-empty').waitFor();
        else expect(await p.locator('.plan-list li').count()).toBe(stage.plan.length);
        await screenshot(p, `02-stage-${index + 1}-${stage.id}`);
      }

      // The Jobs drawer starts closed (the workspaces need the width); the header button opens it.
      expect(await byTestId('jobs-panel').count()).toBe(0);
      await byTestId('jobs-toggle').click();
      await byTestId('jobs-panel').waitFor();

      // A short demo job runs to 100% and succeeds.
      const quick = await startDemo(20, 50);
      await jobRow(quick).and(p.locator('[data-job-status="succeeded"]')).waitFor({ timeout: 20_000 });
      const quickBar = jobRow(quick).getByTestId('job-progress');
      expect(await quickBar.getAttribute('aria-valuenow')).toBe('100');
      expect(await jobRow(quick).locator('.progress-text').textContent()).toBe('100%');
      expect(await jobRow(quick).getByTestId('job-status').textContent()).toBe('Succeeded');
      expect(await jobRow(quick).getByTestId('job-cancel').count()).toBe(0);

      // A long one shows live progress and an estimate, then is cancelled and says so in words.
      const long = await startDemo(400, 100);
      const longBar = jobRow(long).getByTestId('job-progress');
      await expect.poll(async () => Number(await longBar.getAttribute('aria-valuenow')), { timeout: 20_000 }).toBeGreaterThanOrEqual(5);
      await expect.poll(() => jobRow(long).getByTestId('job-detail').textContent(), { timeout: 10_000 }).toMatch(/left/);
      await jobRow(long).getByTestId('job-log-toggle').click();
      await jobRow(long).getByTestId('job-log').locator('li').first().waitFor();
      await screenshot(p, '03-jobs-progress');
      await jobRow(long).getByTestId('job-cancel').click();
      await jobRow(long).and(p.locator('[data-job-status="cancelled"]')).waitFor({ timeout: 20_000 });
      expect(await jobRow(long).getByTestId('job-status').textContent()).toBe('Cancelled');
      expect(await jobRow(long).getByTestId('job-error').textContent()).toMatch(/cancel/i);
      expect(Number(await longBar.getAttribute('aria-valuenow'))).toBeLessThan(100);
      await screenshot(p, '04-jobs-cancelled');

      // A job that fails says why, in words.
      await byTestId('demo-fail-at').fill('3');
      const failing = await startDemo(10, 20);
      await byTestId('demo-fail-at').fill('');
      await jobRow(failing).and(p.locator('[data-job-status="failed"]')).waitFor({ timeout: 20_000 });
      expect(await jobRow(failing).getByTestId('job-error').textContent()).toBe('Demo failure requested at step 3');

      // Dark theme, remembered across a reload (which also proves the token survives without the query).
      await byTestId('theme-toggle').click();
      await expect.poll(() => p.locator('html').getAttribute('data-theme')).toBe('dark');
      await p.reload();
      await waitReady();
      expect(await p.locator('html').getAttribute('data-theme')).toBe('dark');
      await byTestId('nav-train').click();
      await expect.poll(stageTitle).toBe('Train');
      await screenshot(p, '05-dark-workspace');

      // Keyboard: arrows move between stages, Alt+digit jumps, Escape closes the Jobs drawer.
      await byTestId('nav-objectives').focus();
      await p.keyboard.press('ArrowDown');
      await expect.poll(stageTitle).toBe('Data');
      expect(await p.evaluate<string | null>("document.activeElement?.getAttribute('data-testid') ?? null")).toBe('nav-data');
      await p.keyboard.press('ArrowDown');
      await expect.poll(stageTitle).toBe('Train');
      await p.keyboard.press('ArrowUp');
      await expect.poll(stageTitle).toBe('Data');
      await screenshot(p, '06-dark-keyboard-focus');
      await p.keyboard.press('Alt+7');
      await expect.poll(stageTitle).toBe('Monitor');
      await p.keyboard.press('Alt+0');
      await expect.poll(stageTitle).toBe('Overview');
      await p.keyboard.press('Alt+j');
      await byTestId('jobs-panel').waitFor();
      await p.keyboard.press('Escape');
      await byTestId('jobs-panel').waitFor({ state: 'detached' });
      await p.keyboard.press('Alt+j');
      await byTestId('jobs-panel').waitFor();

      // The switch dialog is modal and Escape closes it without closing the Jobs drawer.
      await byTestId('switch-project').click();
      await byTestId('switch-dialog').waitFor({ state: 'visible' });
      await screenshot(p, '07-dark-switch-dialog');
      await p.keyboard.press('Escape');
      await byTestId('switch-dialog').waitFor({ state: 'hidden' });
      await byTestId('jobs-panel').waitFor();

      // A second project whose folder then disappears is listed as missing and cannot be opened.
      const scratch = path.join(e2e.root, 'scratch');
      await byTestId('switch-project').click();
      await p.locator('[data-testid="switch-dialog"] [data-testid="project-dir-input"]').fill(scratch);
      await p.locator('[data-testid="switch-dialog"] [data-testid="create-project"]').click();
      await expect.poll(() => byTestId('project-name').textContent()).toBe('scratch');
      await byTestId('switch-dialog').waitFor({ state: 'hidden' });
      expect(await p.getByTestId('job-row').count()).toBe(0);
      rmSync(scratch, { recursive: true, force: true });

      // Close the project: back at the picker, the project is in the recent list and reopens.
      await byTestId('close-project').click();
      await expect.poll(() => p.getByTestId('recent-project').count()).toBe(2);
      const missing = p.locator('[data-testid="recent-project"][data-missing="true"]');
      expect(await missing.textContent()).toContain('missing');
      expect(await missing.isDisabled()).toBe(true);
      const churn = p.locator('[data-testid="recent-project"]:not([data-missing])');
      expect(await churn.textContent()).toContain('Churn model');

      // Creating a project where one exists is refused, and the reason is shown in words.
      await byTestId('project-dir-input').fill(dir);
      await byTestId('create-project').click();
      await expect.poll(() => p.locator('.form-error').textContent()).toMatch(/already holds an MLCycle project/);
      await screenshot(p, '08-dark-picker-error');

      await churn.click();
      await expect.poll(stageTitle).toBe('Overview');
      expect(await byTestId('project-name').textContent()).toBe('Churn model');
      await expect.poll(() => p.getByTestId('job-row').count()).toBe(3);

      expect(e2e.session!.errors, `the page logged errors:\n${e2e.session!.errors.join('\n')}`).toEqual([]);

      // When the engine goes away the page says so in words and what to do.
      await e2e.host!.stop();
      await p.locator('[data-app-state="error"]').waitFor({ timeout: 10_000 });
      expect(await p.getByRole('alert').first().textContent()).toMatch(/Lost connection to the MLCycle engine/);
      await screenshot(p, '09-dark-lost-connection');
    },
    TIMEOUT,
  );
});
