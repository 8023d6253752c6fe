import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot } from './harness';
import { workspaceSuite } from './workspace-test';

/**
 * The Data workspace end to end: import (a malformed file refused with its line, then a million
 * rows), the virtual table scrolled to its last row, the schema changed, and a profile computed
 * while the table keeps scrolling, with its warnings, cards, histograms and heatmap drawn.
 */

const TIMEOUT = 240_000;
const ROWS = 1_000_000;

const e2e = workspaceSuite('data', TIMEOUT, ({ root }) => {
  writeCustomers(path.join(root, 'customers.csv'), ROWS);
  writeFileSync(path.join(root, 'broken.csv'), 'a,b\n1,2\n3,4,5\n6,7\n');
});
const { page, byTestId } = e2e;
const row = (index: number, loaded = true) => page().locator(`[data-testid="table-row"][data-row-index="${index}"]${loaded ? '[data-loaded="true"]' : ''}`);
/** The values of a loaded row, without the row number. */
const cells = async (index: number) => (await row(index).locator('[role="cell"]').allTextContents()).map((t) => t.trim());

/** 1M customers: id, age, income (some missing), tenure, region, plan, score, churned (0/1). */
function writeCustomers(file: string, n: number): void {
  const regions = ['north', 'south', 'east', 'west', 'central'];
  const plans = ['basic', 'plus', 'pro'];
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines = ['id,age,income,tenure_months,region,plan,score,churned'];
  for (let i = 0; i < n; i++) {
    const tenure = Math.floor(rnd() * 120);
    const churned = rnd() < 0.2 + (tenure < 12 ? 0.2 : 0) ? 1 : 0;
    const income = i % 97 === 0 ? '' : String(Math.round(Math.exp(10 + rnd() * 1.5)));
    lines.push(`${i},${18 + Math.floor(rnd() * 60)},${income},${tenure},${regions[i % 5]},${plans[Math.floor(rnd() * 3)]},${(rnd() * 100).toFixed(2)},${churned}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/** Scrolls the table so `index` is near the top, and waits until that row shows real values. */
async function scrollToRow(index: number): Promise<number> {
  const started = Date.now();
  await byTestId('data-table').evaluate((el, [target, total]) => {
    el.scrollTop = ((el.scrollHeight - el.clientHeight) * target) / Math.max(1, total - 1);
  }, [index, ROWS] as const);
  // The scroll event renders asynchronously: wait for the rows near the target before reading them.
  const firstRow = async () => Number(await page().locator('[data-testid="table-row"]').first().getAttribute('data-row-index'));
  await expect.poll(async () => Math.abs((await firstRow()) - index), { timeout: 5_000 }).toBeLessThan(30);
  await row((await firstRow()) + 2).waitFor({ timeout: 5_000 });
  return Date.now() - started;
}

describe('Data workspace (headless host, Chromium)', () => {
  it(
    'imports, browses a million rows, edits the schema and profiles while the table keeps scrolling',
    async () => {
      const p = await e2e.openApp();
      await byTestId('project-dir-input').fill(path.join(e2e.root, 'churn'));
      await byTestId('create-project').click();
      await byTestId('nav-data').click();
      // The guide's hint says to import; this test knows the way, and wants the table's full height.
      await expect.poll(() => byTestId('guide-hint').textContent(), { timeout: 10_000 }).toMatch(/Next here: Import the data/);
      await byTestId('guide-hint-dismiss').click();

      // A new project has no datasets, and says how to get one.
      await expect.poll(() => byTestId('data-empty').textContent()).toMatch(/No datasets yet — import a CSV, Parquet, JSON, SQLite or PostgreSQL source/);
      await screenshot(p, 'data-01-empty');

      // The dialog is modal and Escape closes it.
      await byTestId('data-import-open').first().click();
      await byTestId('import-dialog').waitFor({ state: 'visible' });
      expect(await p.evaluate<string | null>("document.activeElement?.getAttribute('data-testid') ?? null")).toBe('import-path');
      await p.keyboard.press('Escape');
      await byTestId('import-dialog').waitFor({ state: 'hidden' });

      // A malformed file is refused with its file and line; the dialog keeps what was typed.
      const broken = path.join(e2e.root, 'broken.csv');
      await byTestId('data-import-open').first().click();
      await byTestId('import-path').fill(broken);
      await byTestId('import-submit').click();
      await expect.poll(() => byTestId('import-error').textContent(), { timeout: 20_000 }).toContain(`${broken}, line 3`);
      expect(await byTestId('import-error').textContent()).toMatch(/Expected Number of Columns: 2 Found: 3/);
      expect(await byTestId('import-dialog').isVisible()).toBe(true);
      expect(await byTestId('import-path').inputValue()).toBe(broken);
      await screenshot(p, 'data-02-import-error');

      // The good file: progress in place, then the new version is selected and the outcome said.
      await byTestId('import-path').fill(path.join(e2e.root, 'customers.csv'));
      await byTestId('import-name').fill('customers');
      await byTestId('import-submit').click();
      await byTestId('import-progress').waitFor({ timeout: 10_000 });
      await screenshot(p, 'data-03-import-progress');
      await expect.poll(() => byTestId('import-outcome').textContent(), { timeout: 60_000 }).toMatch(/Imported 1,000,000 rows as customers@1/);
      await byTestId('import-dialog').waitFor({ state: 'hidden' });
      // The list reloads when the job's end reaches it, which may come after the dialog closes.
      await expect.poll(() => p.getByTestId('dataset-item').count(), { timeout: 10_000 }).toBe(1);
      expect(await byTestId('dataset-item').textContent()).toMatch(/customers.*v1.*1,000,000 × 8/);
      await expect.poll(() => p.getByTestId('version-item').count(), { timeout: 10_000 }).toBe(1);
      expect(await byTestId('version-item').textContent()).toMatch(/from CSV .*customers\.csv/);

      // The table: a million rows, only those in view in the DOM, the first ones with real values.
      const table = byTestId('data-table');
      expect(await table.getAttribute('data-total-rows')).toBe(String(ROWS));
      await row(0).waitFor({ timeout: 10_000 });
      expect((await cells(0)).slice(0, 1)).toEqual(['0']);
      expect(await p.getByTestId('table-row').count()).toBeLessThan(80);
      expect(await row(97).count()).toBe(0);
      await screenshot(p, 'data-04-table-top');

      // Keyboard: End reaches the last row (its id is 999999), Home the first, PageDown moves a screen.
      await table.focus();
      await p.keyboard.press('End');
      await row(ROWS - 1).waitFor({ timeout: 10_000 });
      expect((await cells(ROWS - 1))[0]).toBe(String(ROWS - 1));
      expect(await byTestId('table-position').textContent()).toMatch(/of 1,000,000/);
      await screenshot(p, 'data-05-table-end');
      await p.keyboard.press('Home');
      await row(0).waitFor();
      await p.keyboard.press('PageDown');
      await expect.poll(async () => Number(await p.getByTestId('table-row').first().getAttribute('data-row-index'))).toBeGreaterThan(10);
      // "Go to row" jumps anywhere (row numbers count from 1; data-row-index from 0).
      await byTestId('table-go-to-row').fill('500,000');
      await byTestId('table-go-to-row').press('Enter');
      await row(499_999).waitFor({ timeout: 10_000 });
      expect((await cells(499_999))[0]).toBe('499999');
      // A missing income shows as ∅ (row 97 has none).
      await scrollToRow(97);
      expect((await cells(97))[2]).toBe('∅');

      // Schema: churned is a category, and the target.
      await byTestId('data-tab-schema').click();
      await byTestId('schema-semantic-churned').selectOption('categorical');
      await expect.poll(() => byTestId('schema-semantic-churned').inputValue()).toBe('categorical');
      await byTestId('schema-target-churned').check();
      await expect.poll(() => byTestId('version-target').textContent()).toBe('target: churned');
      expect(await byTestId('dataset-item').textContent()).toMatch(/target churned/);
      await screenshot(p, 'data-06-schema');

      // Profile: start it, and while it runs the table keeps scrolling and rendering real rows.
      await byTestId('jobs-toggle').click();
      await byTestId('data-tab-profile').click();
      await byTestId('profile-start').click();
      await byTestId('profile-progress').waitFor({ timeout: 5_000 });
      await screenshot(p, 'data-07-profile-running');
      await byTestId('data-tab-table').click();
      const running = () => p.locator('[data-testid="job-row"][data-job-status="running"]').count();
      let scrolledWhileRunning = 0;
      const timings: number[] = [];
      for (const target of [500_000, 123_456, 999_000, 42, 777_777, 250_000, 10_000, 900_000]) {
        const wasRunning = (await running()) > 0;
        timings.push(await scrollToRow(target));
        if (wasRunning && (await running()) > 0) scrolledWhileRunning++;
      }
      console.info(`scrolled ${scrolledWhileRunning} of ${timings.length} times while the profile ran; ms to real rows: ${timings.join(', ')}`);
      expect(scrolledWhileRunning, `scroll timings ${timings.join(', ')} ms`).toBeGreaterThan(0);
      expect(Math.max(...timings)).toBeLessThan(3_000);
      await byTestId('jobs-toggle').click();
      await byTestId('jobs-panel').waitFor({ state: 'detached' });

      // The profile: summary, warnings in words, a card per column, histograms and the heatmap drawn.
      await byTestId('data-tab-profile').click();
      await byTestId('profile-summary').waitFor({ timeout: 60_000 });
      expect(await byTestId('profile-summary').textContent()).toMatch(/1,000,000/);
      expect(await p.getByTestId('profile-warning').count()).toBeGreaterThan(0);
      expect(await p.locator('[data-testid="profile-warning"][data-kind="id_like"]').textContent()).toMatch(/id/);
      expect(await p.getByTestId('profile-card').count()).toBe(8);
      await byTestId('profile-target').locator('.main-svg').first().waitFor({ timeout: 20_000 });
      await screenshot(p, 'data-08-profile-top');
      await byTestId('profile-target').scrollIntoViewIfNeeded();
      expect(await p.getByTestId('profile-association').count()).toBe(7);
      await screenshot(p, 'data-09-profile-target');
      await byTestId('profile-heatmap').scrollIntoViewIfNeeded();
      await byTestId('profile-heatmap').locator('.main-svg').first().waitFor({ timeout: 20_000 });
      await screenshot(p, 'data-10-heatmap');
      const income = p.locator('[data-testid="profile-card"][data-column="income"]');
      await income.scrollIntoViewIfNeeded();
      await income.locator('[data-testid="profile-histogram"][data-drawn="true"] .main-svg').first().waitFor({ timeout: 20_000 });
      expect(await income.textContent()).toMatch(/Missing.*10,310/);
      await screenshot(p, 'data-11-profile-numeric');
      const region = p.locator('[data-testid="profile-card"][data-column="region"]');
      await region.scrollIntoViewIfNeeded();
      await region.locator('[data-testid="profile-topvalues"][data-drawn="true"]').waitFor({ timeout: 20_000 });
      await screenshot(p, 'data-11-profile-categorical');

      // Dark theme: the charts are drawn again in its colours.
      await byTestId('theme-toggle').click();
      await expect.poll(() => p.locator('html').getAttribute('data-theme')).toBe('dark');
      await byTestId('profile-heatmap').scrollIntoViewIfNeeded();
      await screenshot(p, 'data-12-dark-profile');
      await byTestId('data-tab-table').click();
      await screenshot(p, 'data-13-dark-table');

      // After a reload the cached profile is shown without computing it again.
      await p.reload();
      await p.locator('[data-app-state="ready"]').waitFor({ timeout: 20_000 });
      await byTestId('nav-data').click();
      await byTestId('data-tab-profile').click();
      await byTestId('profile-summary').waitFor({ timeout: 10_000 });
      await byTestId('jobs-toggle').click();
      expect(await p.locator('[data-testid="job-row"]', { hasText: 'Profile customers@1' }).count()).toBe(1);

      expect(e2e.session!.errors, `the page logged errors:\n${e2e.session!.errors.join('\n')}`).toEqual([]);
    },
    TIMEOUT,
  );
});
