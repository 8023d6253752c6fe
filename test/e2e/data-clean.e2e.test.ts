import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { mlcycle } from '../helpers/cli';
import { screenshot } from './harness';
import { workspaceSuite } from './workspace-test';

/**
 * The Clean tab end to end: a recipe of three steps built with the keyboard and mouse, previewed
 * live with values checked against ones computed here from the generated file, a bad expression
 * shown at its step while the last good preview stays, the recipe exported and a broken one
 * refused on load, then applied as version 2 with the expected row count, selected, with lineage.
 */

const TIMEOUT = 180_000;
const ROWS = 240;
const CITIES = ['north', 'south', 'east', 'west'];

interface Person {
  id: number;
  age: number;
  income: number | null;
  city: string;
}

/** 240 people: every sixth income is missing; ages 18..67 spread by a stride. */
function people(): Person[] {
  return Array.from({ length: ROWS }, (_, i) => ({
    id: i + 1,
    age: 18 + ((i * 7) % 50),
    income: i % 6 === 0 ? null : 20_000 + ((i * 37) % 100) * 500,
    city: CITIES[i % 4]!,
  }));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const e2e = workspaceSuite('clean', TIMEOUT, ({ root }) => {
  const csv = path.join(root, 'people.csv');
  writeFileSync(csv, ['id,age,income,city,junk', ...people().map((p) => `${p.id},${p.age},${p.income ?? ''},${p.city},x`)].join('\n') + '\n');
  const project = path.join(root, 'people-project');
  const env = { MLCYCLE_HOME: path.join(root, 'cli-home') };
  expect(mlcycle(['init', project], { env }).status).toBe(0);
  const imported = mlcycle(['data', 'import', csv, '--project', project], { env });
  expect(imported.stdout + imported.stderr).toContain(`Imported ${ROWS} rows as people@1`);
  return project;
});
const { page, byTestId } = e2e;
const step = (index: number): Locator => page().locator(`[data-testid="clean-step"][data-index="${index}"]`);
/** The focused control, by its aria-label or else its test id. */
const focused = () => page().evaluate<string | null>("document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.getAttribute('data-testid') ?? null");

/** The preview table as rows of cell texts. */
async function previewRows(): Promise<string[][]> {
  return byTestId('clean-preview-table').evaluate((table) =>
    [...table.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
  );
}

/** The Clean panel whole: the window made as tall as its content for the picture, then put back. */
async function panelScreenshot(name: string): Promise<void> {
  const hidden = await byTestId('data-panel-clean').evaluate((el) => el.scrollHeight - el.clientHeight);
  await page().setViewportSize({ width: 1280, height: Math.min(2000, 800 + hidden) });
  await screenshot(page(), name);
  await page().setViewportSize({ width: 1280, height: 800 });
}

async function addStep(kind: string): Promise<void> {
  await byTestId('clean-add-kind').selectOption(kind);
  await byTestId('clean-add-step').click();
}

describe('Clean tab (headless host, Chromium)', () => {
  const all = people();
  const fill = median(all.flatMap((p) => (p.income === null ? [] : [p.income])));
  const kept = all.filter((p) => p.age >= 40);

  beforeAll(async () => {
    await e2e.session!.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(e2e.host!.url).origin });
  }, TIMEOUT);

  it(
    'builds a recipe with a live preview, shows a bad expression at its step, and applies it as v2',
    async () => {
      const p = await e2e.openApp();
      await byTestId('nav-data').click();
      await expect.poll(() => byTestId('version-ref').textContent(), { timeout: 10_000 }).toBe('people@1');
      await byTestId('data-tab-clean').click();

      // No steps yet: what a recipe is, and how it is applied.
      expect(await byTestId('clean-empty').textContent()).toMatch(/ordered list of cleaning steps.*writes a new version that remembers its parent \(people@1\)/s);
      await screenshot(p, 'clean-01-empty');

      // 1. drop junk — chosen by keyboard: the new step's first field has focus.
      await addStep('drop');
      expect(await focused()).toBe('clean-drop-id');
      await p.keyboard.press('Tab');
      await p.keyboard.press('Tab');
      await p.keyboard.press('Tab');
      await p.keyboard.press('Tab');
      expect(await focused()).toBe('clean-drop-junk');
      await p.keyboard.press('Space');
      // 2. impute income with the median.
      await addStep('impute');
      await step(1).locator('select[data-testid="clean-column"]').selectOption('income');
      await step(1).getByTestId('clean-method').selectOption('median');
      // 3. filter: typed, previewed after a pause.
      await addStep('filter');
      expect(await focused()).toBe('clean-where');
      await p.keyboard.type('age >= 40');

      const summary = byTestId('clean-preview-summary');
      await expect.poll(() => summary.textContent(), { timeout: 10_000 }).toContain(`${kept.length} rows × 4 columns`);
      expect(await summary.textContent()).toContain(`from a ${ROWS}-row sample of ${ROWS}`);
      expect(await byTestId('clean-preview-status').textContent()).toContain('Up to date');
      const header = await byTestId('clean-preview-table').locator('thead th .clean-col-name').allTextContents();
      expect(header).toEqual(['id', 'age', 'income', 'city']);
      const shown = await previewRows();
      expect(shown).toHaveLength(12);
      // Among them, a row whose income was missing and is now the median.
      expect(shown.some(([id]) => all[Number(id) - 1]!.income === null)).toBe(true);
      for (const [id, age, income, city] of shown) {
        const person = all.find((x) => x.id === Number(id))!;
        expect(person.age).toBeGreaterThanOrEqual(40);
        expect([Number(age), city]).toEqual([person.age, person.city]);
        expect(Number(income)).toBeCloseTo(person.income ?? fill, 6);
      }
      const sql = (await byTestId('clean-sql').textContent()) ?? '';
      expect(sql).toContain(`read_parquet('people@1.parquet')`);
      expect(sql).toContain('SELECT * EXCLUDE ("junk") FROM step0');
      expect(sql).toContain('COALESCE("income", (SELECT MEDIAN("income") FROM step1)) AS "income"');
      expect(sql).toContain('SELECT * FROM step2 WHERE (age >= 40)');
      await byTestId('clean-copy-sql').click();
      await expect.poll(() => byTestId('clean-copy-status').textContent()).toMatch(/Copied|press Ctrl\+C/);
      if ((await byTestId('clean-copy-status').textContent())?.startsWith('Copied')) expect(await p.evaluate<string>('navigator.clipboard.readText()')).toBe(sql);
      await panelScreenshot('clean-02-steps-preview');

      // A step added and moved with the keyboard: focus stays on the moved step's arrow.
      await addStep('dedupe');
      await p.locator('[aria-label="Move step 4 up"]').focus();
      await p.keyboard.press('Enter');
      expect(await p.locator('[data-testid="clean-step"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-op')))).toEqual(['drop', 'impute', 'dedupe', 'filter']);
      expect(await focused()).toBe('Move step 3 up');
      await step(2).getByTestId('clean-step-remove').click();
      expect(await p.locator('[data-testid="clean-step"]').count()).toBe(3);

      // A misspelt column: said at step 3, and the last good preview stays.
      await step(2).getByTestId('clean-where').fill('agee >= 40');
      await expect.poll(() => step(2).textContent(), { timeout: 10_000 }).toMatch(/Step 3 \(filter\) cannot run: .*agee/);
      expect(await byTestId('clean-preview-status').textContent()).toContain('Step 3 cannot run');
      expect(await summary.textContent()).toContain(`${kept.length} rows × 4 columns`);
      expect(await previewRows()).toEqual(shown);
      expect(await byTestId('clean-apply').isDisabled()).toBe(true);
      expect(await byTestId('clean-apply-why').textContent()).toBe('Fix step 3 first: the preview could not run it.');
      await panelScreenshot('clean-03-error');

      // Fixed again: the preview is current, and the recipe exports as the JSON the CLI takes.
      await step(2).getByTestId('clean-where').fill('age >= 40');
      await expect.poll(() => byTestId('clean-preview-status').textContent(), { timeout: 10_000 }).toContain('Up to date');
      const [download] = await Promise.all([p.waitForEvent('download'), byTestId('clean-export').click()]);
      expect(download.suggestedFilename()).toBe('people@1-recipe.json');
      expect(JSON.parse(readFileSync((await download.path())!, 'utf8'))).toEqual({
        steps: [
          { op: 'drop', columns: ['junk'] },
          { op: 'impute', column: 'income', method: 'median' },
          { op: 'filter', where: 'age >= 40' },
        ],
      });

      // A broken file is refused, naming the field; the recipe being edited stays.
      await byTestId('clean-load-input').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"steps":[{"op":"clip","column":"age","lower":0.9,"upper":0.1}]}') });
      await expect.poll(() => byTestId('clean-load-error').textContent()).toBe('broken.json: Not a recipe: steps[0].lower (step 1): the lower quantile must be below the upper.');
      expect(await p.locator('[data-testid="clean-step"]').count()).toBe(3);

      // Apply: progress, then v2 with the kept rows is selected and remembers v1.
      await byTestId('clean-apply').click();
      await expect.poll(() => byTestId('version-ref').textContent(), { timeout: 30_000 }).toBe('people@2');
      expect(await byTestId('clean-outcome').textContent()).toContain(`Wrote people@2: ${kept.length} rows, made from people@1 by the recipe.`);
      expect(await byTestId('clean-origin').textContent()).toContain('written from people@1 by a recipe of 3 steps: Drop columns, Fill missing values, Filter rows.');
      expect(await p.getByTestId('version-item').count()).toBe(2);
      const v2 = p.locator('[data-testid="version-item"][data-version="2"]');
      expect(await v2.getAttribute('aria-current')).toBe('true');
      expect(await v2.textContent()).toMatch(new RegExp(`${kept.length} rows.*derived from v1`));
      expect(await byTestId('clean-empty').isVisible()).toBe(true);
      await screenshot(p, 'clean-04-applied');

      // The new version holds what the recipe promised, checked through the CLI.
      const shownV2 = JSON.parse(mlcycle(['data', 'show', 'people@2', '--project', path.join(e2e.root, 'people-project'), '--json'], { env: { MLCYCLE_HOME: path.join(e2e.root, 'cli-home') } }).stdout) as {
        version: { rows: number; columns: { name: string }[] };
      };
      expect(shownV2.version.rows).toBe(kept.length);
      expect(shownV2.version.columns.map((c) => c.name)).toEqual(['id', 'age', 'income', 'city']);

      // Back on v1, after a look at another tab, the recipe is still there with its preview (dark theme).
      await p.locator('[data-testid="version-item"][data-version="1"]').click();
      await expect.poll(() => byTestId('version-ref').textContent()).toBe('people@1');
      await byTestId('data-tab-table').click();
      await byTestId('data-tab-clean').click();
      expect(await p.locator('[data-testid="clean-step"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-op')))).toEqual(['drop', 'impute', 'filter']);
      expect(await summary.textContent()).toContain(`${kept.length} rows × 4 columns`);
      await byTestId('theme-toggle').click();
      await panelScreenshot('clean-05-dark-recipe');
      expect(e2e.session!.errors).toEqual([]);
    },
    TIMEOUT,
  );
});
