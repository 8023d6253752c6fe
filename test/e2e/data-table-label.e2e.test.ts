import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlcycle } from '../helpers/cli';
import { screenshot } from './harness';
import { workspaceSuite } from './workspace-test';

/**
 * Labelling from the table: rows are selected with the mouse (click, Shift+click over rows that
 * are not drawn at the same time, Ctrl+click) and the keyboard, their target set with "Set
 * target…" (keeping or replacing labels already there), and the pending labels saved as v2. The
 * CLI then checks v2 apart from the UI: exactly the chosen rows changed, and its lineage counts
 * the labels and names who added them.
 */

const TIMEOUT = 180_000;
const LABELLER = 'grace.labeller';
const ROWS = 1_200;
/** Row positions (from 0) whose kind is empty in the CSV; rows 500+ lie in other pages of the table. */
const EMPTY = [2, 3, 4, 9, 15, 600, 700, 1100, 1150];
const KIND = 3;

/** The kind written for a row: cat, cat, dog, bird by position, or empty. */
const written = (i: number): string | null => (EMPTY.includes(i) ? null : ['cat', 'cat', 'dog', 'bird'][i % 4]!);

const savedUser = process.env.MLCYCLE_USER;

const e2e = workspaceSuite('table-label', TIMEOUT, ({ root }) => {
  const lines = ['id,weight,colour,kind'];
  for (let i = 0; i < ROWS; i++) lines.push(`${i},${(2 + (i % 17) * 0.5).toFixed(1)},${['red', 'green', 'blue'][i % 3]},${written(i) ?? ''}`);
  writeFileSync(path.join(root, 'pets.csv'), `${lines.join('\n')}\n`);
  writeFileSync(path.join(root, 'plain.csv'), 'a,b\n1,x\n2,y\n3,z\n');
  // The host's engine records who labelled: it reads MLCYCLE_USER from the environment it is given.
  process.env.MLCYCLE_USER = LABELLER;
});
const { page, byTestId } = e2e;
const text = async (id: string) => (await byTestId(id).first().innerText()).replace(/\s+/g, ' ').trim();
const row = (index: number) => page().locator(`[data-testid="table-row"][data-row-index="${index}"][data-loaded="true"]`);
/** Positions of the rows drawn with aria-selected (only rows in view are in the DOM). */
const selectedInView = () => page().locator('[data-testid="table-row"][aria-selected="true"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-row-index'))));
const pendingInView = () => page().locator('[data-testid="table-row"][data-pending="true"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-row-index'))));
const cli = (args: string[], project = true) => {
  const result = mlcycle(project ? [...args, '--project', path.join(e2e.root, 'proj')] : args, { env: { MLCYCLE_HOME: e2e.host!.home, MLCYCLE_USER: LABELLER } });
  if (result.status !== 0) throw new Error(`mlcycle ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
};

/** Puts `index` at the top of the table with "Go to row" (numbers from 1) and waits for its values. */
async function goTo(index: number): Promise<void> {
  await byTestId('table-go-to-row').fill(String(index + 1));
  await byTestId('table-go-to-row').press('Enter');
  await row(index).waitFor({ timeout: 10_000 });
}

/** Opens "Set target…", picks or types a value, and submits; returns the dialog's note on existing labels. */
async function setTarget(value: { class: string } | { typed: string }): Promise<string> {
  await byTestId('table-set-target').click();
  await byTestId('set-target-dialog').waitFor();
  await expect.poll(() => byTestId('set-target-existing').count(), { timeout: 15_000 }).toBe(1);
  const note = await text('set-target-existing');
  if ('class' in value) await page().locator('[data-testid="set-target-class"]', { hasText: value.class }).click();
  else await byTestId('set-target-value').fill(value.typed);
  await byTestId('set-target-apply').click();
  return note;
}

describe('Data workspace: labelling rows selected in the table (headless host, Chromium)', () => {
  beforeAll(() => {
    cli(['init', path.join(e2e.root, 'proj')], false);
    cli(['data', 'import', path.join(e2e.root, 'pets.csv'), '--target', 'kind']);
    cli(['data', 'import', path.join(e2e.root, 'plain.csv')]);
  }, TIMEOUT);

  afterAll(() => {
    if (savedUser === undefined) delete process.env.MLCYCLE_USER;
    else process.env.MLCYCLE_USER = savedUser;
  });

  it(
    'selects rows with click, Shift+click and Ctrl+click, sets their target, and saves exactly those rows as v2',
    async () => {
      const p = await e2e.openApp();
      await byTestId('open-dir-input').fill(path.join(e2e.root, 'proj'));
      await byTestId('open-project').click();
      await byTestId('nav-data').click();
      // The table's full height for the row positions below: the guide's hint is dismissed, as a user who knows the way would.
      await byTestId('guide-hint-dismiss').click();
      await p.locator('[data-testid="dataset-item"]', { hasText: 'pets' }).click();
      await expect.poll(() => text('version-ref'), { timeout: 10_000 }).toBe('pets@1');
      await row(0).waitFor({ timeout: 10_000 });
      // The target column is marked in the header and tinted in every row.
      expect(await p.locator('.head-target').innerText()).toMatch(/^kind/);
      expect(await row(1).locator('[role="cell"]').nth(KIND).getAttribute('class')).toContain('cell-target');

      // Keyboard: arrows move without selecting, Shift+arrows extend, Ctrl+A takes every row, Escape clears.
      await byTestId('data-table').focus();
      await p.keyboard.press('ArrowDown');
      await p.keyboard.press('Shift+ArrowDown');
      await p.keyboard.press('Shift+ArrowDown');
      expect(await selectedInView()).toEqual([0, 1, 2]);
      await p.keyboard.press('ArrowDown');
      await p.keyboard.press('ArrowDown');
      await p.keyboard.press('Space');
      expect(await selectedInView()).toEqual([0, 1, 2, 4]);
      expect(await text('table-selection-count')).toBe('4 rows selected (1–3, 5)');
      await p.keyboard.press('Control+a');
      expect(await text('table-selection-count')).toBe('1,200 rows selected (1–1,200)');
      await p.keyboard.press('Escape');
      expect(await selectedInView()).toEqual([]);
      expect(await text('table-selection-count')).toMatch(/^Click a row to select it/);

      // Round 1: click 3, Shift+click 5, Ctrl+click 7 and 10 (row 7, position 6, is a dog already).
      await row(2).click();
      await row(4).click({ modifiers: ['Shift'] });
      await row(6).click({ modifiers: ['Control'] });
      await row(9).click({ modifiers: ['Control'] });
      expect(await selectedInView()).toEqual([2, 3, 4, 6, 9]);
      expect(await text('table-selection-count')).toBe('5 rows selected (3–5, 7, 10)');
      expect(await row(3).getAttribute('aria-selected')).toBe('true');
      expect(await row(5).getAttribute('aria-selected')).toBe('false');
      await screenshot(p, 'table-label-01-selection');

      expect(await setTarget({ class: 'bird' })).toBe('1 of the 5 rows already has a value in kind (7).');
      await byTestId('set-target-confirm').waitFor();
      expect((await p.locator('#set-target-confirm-text').innerText()).trim()).toBe('1 of the 5 rows already has a value in kind. Setting it replaces its value with “bird” in the new version; this version keeps it.');
      await screenshot(p, 'table-label-02-confirm');
      await byTestId('set-target-only-empty').click();
      await byTestId('set-target-dialog').waitFor({ state: 'detached' });
      expect(await text('table-selection-note')).toBe('4 rows set to “bird” — pending until you save.');
      expect(await pendingInView()).toEqual([2, 3, 4, 9]);
      expect(await row(2).locator('[role="cell"]').nth(KIND).innerText()).toMatch(/^bird/);
      expect(await text('label-pending-count')).toBe('4 labels pending — not saved yet.');

      // Round 2: far apart, never drawn together: click 1,101, then Shift+click 601 (positions 1100 and 600).
      await goTo(1100);
      await row(1100).click();
      await goTo(595);
      await row(600).click({ modifiers: ['Shift'] });
      expect(await text('table-selection-count')).toBe('501 rows selected (601–1,101)');
      // 600–1100 hold three empty kinds (600, 700, 1100): the other 498 are counted as labelled.
      expect(await setTarget({ class: 'dog' })).toBe('498 of the 501 rows already have a value in kind (602–700, 702–1,100).');
      await byTestId('set-target-only-empty').click();
      await byTestId('set-target-dialog').waitFor({ state: 'detached' });
      expect(await text('label-pending-count')).toBe('7 labels pending — not saved yet.');

      // Round 3: replace a label on purpose: row 1 (a cat) and row 16 (empty), typed, then Enter opens the form.
      await goTo(0);
      await row(0).click();
      await goTo(10);
      await row(15).click({ modifiers: ['Control'] });
      await p.keyboard.press('Enter');
      await byTestId('set-target-dialog').waitFor();
      await expect.poll(() => text('set-target-existing'), { timeout: 15_000 }).toBe('1 of the 2 rows already has a value in kind (1).');
      await p.keyboard.type('dog');
      await screenshot(p, 'table-label-03-form');
      await p.keyboard.press('Enter');
      expect(await text('set-target-confirm')).toMatch(/^1 of the 2 rows already has a value in kind\./);
      await byTestId('set-target-replace').click();
      await byTestId('set-target-dialog').waitFor({ state: 'detached' });
      expect(await text('label-pending-count')).toBe('9 labels pending — not saved yet.');
      expect(await pendingInView()).toContain(15);
      await goTo(0);
      expect((await pendingInView()).filter((r) => r < 10)).toEqual([0, 2, 3, 4, 9]);
      await screenshot(p, 'table-label-04-pending');
      await byTestId('theme-toggle').click();
      await expect.poll(() => p.locator('html').getAttribute('data-theme')).toBe('dark');
      await screenshot(p, 'table-label-04-pending-dark');
      await byTestId('theme-toggle').click();

      // Save: the same job as the Label tab's; v2 is shown, in the table, with the labels in it.
      await byTestId('label-save').click();
      await expect.poll(() => text('version-ref'), { timeout: 30_000 }).toBe('pets@2');
      await row(2).waitFor({ timeout: 10_000 });
      expect(await row(2).locator('[role="cell"]').nth(KIND).innerText()).toBe('bird');
      expect(await row(0).locator('[role="cell"]').nth(KIND).innerText()).toBe('dog');
      expect(await pendingInView()).toEqual([]);
      expect(await byTestId('table-pending').count()).toBe(0);
      await screenshot(p, 'table-label-05-saved');

      // Apart from the UI: exactly the chosen rows changed, v1 is as written, and the lineage counts 9 by the labeller.
      const expected = Array.from({ length: ROWS }, (_, i) => written(i));
      for (const r of [2, 3, 4, 9]) expected[r] = 'bird';
      for (const r of [600, 700, 1100, 0, 15]) expected[r] = 'dog';
      const show = (ref: string) => JSON.parse(cli(['data', 'show', ref, '--json', '--rows', String(ROWS)])) as { rows: unknown[][]; version: { source: Record<string, unknown> } };
      const v1 = show('pets@1');
      const v2 = show('pets@2');
      expect(v1.rows.map((r) => r[KIND])).toEqual(Array.from({ length: ROWS }, (_, i) => written(i)));
      expect(v2.rows.map((r) => r[KIND])).toEqual(expected);
      expect(v2.rows.map((r) => r.slice(0, KIND))).toEqual(v1.rows.map((r) => r.slice(0, KIND)));
      expect(v2.version.source).toMatchObject({ kind: 'labels', parent: 'pets@1', labels: 9, by: LABELLER });

      expect(e2e.session!.errors, `the page logged errors:\n${e2e.session!.errors.join('\n')}`).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'says how to choose a target when the version has none, and takes only numbers for a number target',
    async () => {
      const p = page();
      await p.locator('[data-testid="dataset-item"]', { hasText: 'plain' }).click();
      await expect.poll(() => text('version-ref'), { timeout: 10_000 }).toBe('plain@1');
      await row(1).click();
      expect(await text('table-selection-count')).toBe('1 row selected (2)');
      expect(await text('table-no-target')).toMatch(/^No target chosen: pick the column to label first\./);
      expect(await byTestId('table-set-target').count()).toBe(0);
      await screenshot(p, 'table-label-06-no-target');
      await byTestId('table-choose-target').click();
      await byTestId('label-no-target').waitFor();

      // Chosen there (a number column), back in the table the selection is still there and takes only numbers.
      await byTestId('label-target-select').selectOption('a');
      await byTestId('label-target-set').click();
      await expect.poll(() => text('version-target')).toBe('target: a');
      await byTestId('data-tab-table').click();
      expect(await text('table-selection-count')).toBe('1 row selected (2)');
      await byTestId('table-set-target').click();
      await byTestId('set-target-dialog').waitFor();
      expect(await byTestId('set-target-classes').count()).toBe(0);
      await byTestId('set-target-value').fill('two');
      await byTestId('set-target-apply').click();
      expect(await p.locator('#set-target-error').innerText()).toBe('"two" is not a whole number (the target is an integer column).');
      expect(await byTestId('set-target-value').getAttribute('aria-invalid')).toBe('true');
      await screenshot(p, 'table-label-07-number-error');
      await byTestId('set-target-value').fill('20');
      await byTestId('set-target-apply').click();
      // Row 2 holds a = 2 already: confirmed, then pending.
      expect(await text('set-target-existing')).toBe('This row already has a value in a.');
      await byTestId('set-target-replace').click();
      expect(await text('label-pending-count')).toBe('1 label pending — not saved yet.');
      expect(await row(1).locator('[role="cell"]').first().innerText()).toMatch(/^20/);

      expect(e2e.session!.errors, `the page logged errors:\n${e2e.session!.errors.join('\n')}`).toEqual([]);
    },
    TIMEOUT,
  );
});
