import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlcycle } from '../helpers/cli';
import { screenshot } from './harness';
import { workspaceSuite } from './workspace-test';

/**
 * Labelling and splitting in the Data workspace: a dataset imported with the CLI has ten rows
 * whose target is empty; they are labelled with the keyboard (and two through "label chosen
 * rows"), saved as v2 with its lineage; then v2 is split, stratified by the target, and the
 * counts shown are the ones the engine's rule gives for the class sizes we wrote.
 */

const TIMEOUT = 120_000;
const LABELLER = 'ada.labeller';
/** Row positions (from 0) whose species is left empty in the CSV. */
const EMPTY = [3, 17, 42, 58, 77, 101, 123, 150, 176, 199];
/** Species of the 190 labelled rows; alpha is the most frequent, so it is class 1, beta 2, gamma 3. */
const WRITTEN = { alpha: 96, beta: 58, gamma: 36 };

const savedUser = process.env.MLCYCLE_USER;

const e2e = workspaceSuite('label-split', TIMEOUT, ({ root }) => {
  writeToy(path.join(root, 'toy.csv'));
  writeFlats(path.join(root, 'flats.csv'));
  // The host's engine records who labelled: it reads MLCYCLE_USER from the environment it is given.
  process.env.MLCYCLE_USER = LABELLER;
});
const { page, byTestId } = e2e;
/** An attribute of the element that has the keyboard focus. */
const focused = (attribute: string) => page().evaluate<string | null>(`document.activeElement?.getAttribute('${attribute}') ?? null`);
const text = async (id: string) => (await byTestId(id).first().innerText()).replace(/\s+/g, ' ').trim();
/** The real CLI on the test's project, with the host's MLCYCLE_HOME (so it is in the host's recent list). */
const cli = (args: string[], project = true) => {
  const result = mlcycle(project ? [...args, '--project', path.join(e2e.root, 'proj')] : args, { env: { MLCYCLE_HOME: e2e.host!.home, MLCYCLE_USER: LABELLER } });
  if (result.status !== 0) throw new Error(`mlcycle ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout;
};

/** 60 flats, every other one without a price yet: a numeric target whose queue needs two pages. */
function writeFlats(file: string): void {
  const lines = ['flat,rooms,area,price'];
  for (let i = 0; i < 60; i++) lines.push(`f${i},${1 + (i % 4)},${40 + i},${i % 2 ? '' : 1000 + i * 10}`);
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/** 200 measurements of three species, ten of them not yet identified. */
function writeToy(file: string): void {
  const species = Object.entries(WRITTEN).flatMap(([name, n]) => Array<string>(n).fill(name));
  const lines = ['id,length,width,site,day,species'];
  let next = 0;
  for (let i = 0; i < 200; i++) {
    // 7 and 190 share no factor, so stepping by 7 visits every written label once, well mixed.
    const label = EMPTY.includes(i) ? '' : species[(next++ * 7) % species.length];
    lines.push(`${i},${((i % 13) + 0.5).toFixed(1)},${(i * 7) % 11},site${i % 6},2024-01-${String((i % 28) + 1).padStart(2, '0')},${label}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/**
 * The engine's stratified rule (split-task.ts): inside each class of n rows, ordered by a seeded
 * hash, the k-th row (from 0) goes to train while k/n < r1, to validation while k/n < r1 + r2,
 * else to test. So the counts depend only on the class sizes, not on the seed.
 */
function stratifiedCounts(classSizes: number[], ratios: [number, number, number]) {
  const counts = { train: 0, validation: 0, test: 0 };
  for (const n of classSizes) {
    for (let k = 0; k < n; k++) {
      const share = k / n;
      counts[share < ratios[0] ? 'train' : share < ratios[0] + ratios[1] ? 'validation' : 'test']++;
    }
  }
  return counts;
}

describe('Data workspace: Label and Split tabs (headless host, Chromium)', () => {
  beforeAll(() => {
    cli(['init', path.join(e2e.root, 'proj')], false);
    cli(['data', 'import', path.join(e2e.root, 'toy.csv'), '--target', 'species']);
    cli(['data', 'import', path.join(e2e.root, 'flats.csv'), '--target', 'price']);
  }, TIMEOUT);

  afterAll(() => {
    if (savedUser === undefined) delete process.env.MLCYCLE_USER;
    else process.env.MLCYCLE_USER = savedUser;
  });

  it(
    'labels the queue with the keyboard into v2, then makes the same stratified split twice',
    async () => {
      const p = await e2e.openApp();
      await byTestId('open-dir-input').fill(path.join(e2e.root, 'proj'));
      await byTestId('open-project').click();
      await byTestId('nav-data').click();
      await p.locator('[data-testid="dataset-item"]', { hasText: 'toy' }).click();
      await expect.poll(() => text('version-ref'), { timeout: 10_000 }).toBe('toy@1');

      // The queue: the ten rows with an empty target, the classes by frequency with their digits.
      await byTestId('data-tab-label').click();
      await expect.poll(() => text('label-queue-count'), { timeout: 10_000 }).toBe('10 rows have an empty species');
      expect(await p.locator('[data-testid="label-queue-row"]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-row'))))).toEqual(EMPTY);
      await expect.poll(() => text('label-classes')).toMatch(/1 alpha 2 beta 3 gamma/);

      // Two rows through "label chosen rows", by the numbers the Table tab shows (from 1).
      await byTestId('label-rows-spec').fill('177, 200');
      await byTestId('label-rows-value').fill('gamma');
      await byTestId('label-rows-add').click();
      expect(await text('label-rows-added')).toMatch(/2 rows \(177, 200\) set to “gamma”/);
      expect(await text('label-pending-count')).toBe('2 labels pending — not saved yet.');

      // The rest with the keyboard: a digit picks a class and moves on; a typed label and Enter too.
      const input = (row: number) => p.locator(`[data-testid="label-input"][data-row="${row}"]`);
      expect(await input(176).inputValue()).toBe('gamma');
      await input(3).focus();
      for (const key of ['1', '1']) await p.keyboard.press(key);
      await p.keyboard.type('alpha');
      await p.keyboard.press('Enter');
      for (const key of ['1', '1', '2']) await p.keyboard.press(key);
      expect(await focused('data-row')).toBe('123');
      await screenshot(p, 'label-01-queue');
      await p.keyboard.type('beta');
      await p.keyboard.press('Enter');
      await p.keyboard.press('2');
      // Rows 176 and 199 already say gamma: Enter passes them, and after the last row comes Save.
      await p.keyboard.press('Enter');
      await p.keyboard.press('Enter');
      expect(await focused('data-testid')).toBe('label-save');
      const typed = await Promise.all(EMPTY.map((row) => input(row).inputValue()));
      expect(typed).toEqual(['alpha', 'alpha', 'alpha', 'alpha', 'alpha', 'beta', 'beta', 'beta', 'gamma', 'gamma']);
      expect(await text('label-pending-count')).toBe('10 labels pending — not saved yet.');
      expect(await text('label-save')).toBe('Save 10 labels');

      // Save: a job writes v2, which is then shown with what labelling added and who did it.
      await p.keyboard.press('Enter');
      await expect.poll(() => text('version-ref'), { timeout: 30_000 }).toBe('toy@2');
      await expect.poll(() => text('label-outcome'), { timeout: 10_000 }).toMatch(new RegExp(`toy@2 was made by labelling toy@1: 10 labels added to species by ${LABELLER.replace('.', '\\.')},`));
      await expect.poll(() => text('label-queue-count')).toBe('No rows with an empty species — every row is labelled.');
      expect(await p.getByTestId('version-item').count()).toBe(2);
      await screenshot(p, 'label-02-saved');

      // Checked apart from the UI: v2 has no empty species, each label where it was typed, v1 unchanged.
      expect((JSON.parse(cli(['data', 'label', 'toy@2', '--json'])) as { page: { total: number } }).page.total).toBe(0);
      expect((JSON.parse(cli(['data', 'label', 'toy@1', '--json'])) as { page: { total: number } }).page.total).toBe(10);
      const v2 = JSON.parse(cli(['data', 'show', 'toy@2', '--json', '--rows', '200'])) as { rows: unknown[][]; version: { source: { labels: number; by: string } } };
      expect(EMPTY.map((row) => v2.rows[row]![5])).toEqual(typed);
      expect(v2.version.source).toMatchObject({ labels: 10, by: LABELLER });

      // Split: stratified by the target, 0.6/0.2/0.2, seed 7.
      await byTestId('data-tab-split').click();
      await byTestId('split-strategy-stratified').check();
      expect(await byTestId('split-column').inputValue()).toBe('species');
      await byTestId('split-ratio-train').fill('0.6');
      await byTestId('split-ratio-validation').fill('0.2');
      await byTestId('split-ratio-test').fill('0.2');
      await byTestId('split-seed').fill('7');
      expect(await byTestId('split-create').isEnabled()).toBe(true);
      await screenshot(p, 'split-01-form');

      // Classes in v2: the written ones plus the labels (5 alpha, 3 beta, 2 gamma) → 101, 61, 38.
      const expected = stratifiedCounts([WRITTEN.alpha + 5, WRITTEN.beta + 3, WRITTEN.gamma + 2], [0.6, 0.2, 0.2]);
      expect(expected).toEqual({ train: 121, validation: 40, test: 39 });
      const shown = async (index: number) => {
        const item = p.getByTestId('split-item').nth(index);
        const read = async (set: string) => Number(((await item.getByTestId(`split-count-${set}`).textContent()) ?? '').replace(/,/g, ''));
        return { train: await read('train'), validation: await read('validation'), test: await read('test') };
      };
      await byTestId('split-create').click();
      await expect.poll(() => p.getByTestId('split-item').count(), { timeout: 30_000 }).toBe(1);
      expect(await shown(0)).toEqual(expected);
      expect(await text('split-ratios')).toBe('60% / 20% / 20%');
      expect(await text('split-seed-badge')).toBe('seed 7');
      expect(await text('split-outcome')).toMatch(/train 121, validation 40, test 39 rows/);
      await screenshot(p, 'split-02-created');
      await byTestId('theme-toggle').click();
      await expect.poll(() => p.locator('html').getAttribute('data-theme')).toBe('dark');
      await screenshot(p, 'split-05-dark');
      await byTestId('theme-toggle').click();

      // The same seed and data again: the same counts, and the same assignment file (said in the list).
      await byTestId('split-create').click();
      await expect.poll(() => p.getByTestId('split-item').count(), { timeout: 30_000 }).toBe(2);
      expect(await shown(0)).toEqual(expected);
      expect(await shown(1)).toEqual(expected);
      expect(await p.getByTestId('split-item').first().getByTestId('split-twin').count()).toBe(1);

      // Shares that do not make 1: said in words, and nothing can be created.
      await byTestId('split-ratio-validation').fill('0.3');
      await expect.poll(() => text('split-ratio-error')).toBe('The shares add up to 1.1, not 1. Change them so train + validation + test = 1 (e.g. 0.6, 0.2, 0.2).');
      expect(await byTestId('split-create').isDisabled()).toBe(true);
      await screenshot(p, 'split-03-error');

      // An engine refusal in words: stratified with no target (chosen away in the Schema tab).
      await byTestId('split-ratio-validation').fill('0.2');
      await byTestId('data-tab-schema').click();
      await byTestId('schema-target-none').check();
      await expect.poll(() => text('version-target')).toBe('no target chosen');
      await byTestId('data-tab-split').click();
      expect(await byTestId('split-column').inputValue()).toBe('');
      await byTestId('split-create').click();
      // The engine names the column field: its message stands under that field.
      const columnError = byTestId('split-form').getByTestId('field-error');
      await expect.poll(async () => (await columnError.count()) && (await columnError.innerText()), { timeout: 10_000 }).toBe('⚠ A stratified split needs a column to stratify by (or choose a target)');
      expect(await byTestId('split-column').getAttribute('aria-invalid')).toBe('true');
      expect(await p.getByTestId('split-item').count()).toBe(2);
      await screenshot(p, 'split-04-engine-error');

      // Without a target, the Label tab says so and offers to choose one.
      await byTestId('data-tab-label').click();
      await byTestId('label-no-target').waitFor();
      await screenshot(p, 'label-04-no-target');
      await byTestId('label-target-select').selectOption('species');
      await byTestId('label-target-set').click();
      await expect.poll(() => text('version-target')).toBe('target: species');

      expect(e2e.session!.errors, `the page logged errors:\n${e2e.session!.errors.join('\n')}`).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'takes only numbers for a numeric target, and Enter carries on onto the next page of the queue',
    async () => {
      const p = page();
      await p.locator('[data-testid="dataset-item"]', { hasText: 'flats' }).click();
      await expect.poll(() => text('version-ref'), { timeout: 10_000 }).toBe('flats@1');
      await byTestId('data-tab-label').click();
      await expect.poll(() => text('label-queue-count'), { timeout: 10_000 }).toBe('30 rows have an empty price');
      expect(await text('label-queue-position')).toBe('rows 1–25 of 30 in the queue');
      // A price is a quantity (whole numbers here): no classes, so digits are typed as they are.
      expect(await byTestId('label-classes').count()).toBe(0);

      // Odd rows (from 0) have no price: the queue holds rows 1, 3, …, 59. Type a price for each.
      await p.locator('[data-testid="label-input"]').first().focus();
      await p.keyboard.type('cheap');
      await p.keyboard.press('Enter');
      for (let i = 1; i < 25; i++) {
        await p.keyboard.type(String(1000 + (2 * i + 1) * 10));
        await p.keyboard.press('Enter');
      }
      // Enter on the last row of the page opened the next one, on its first row.
      await expect.poll(() => text('label-queue-position')).toBe('rows 26–30 of 30 in the queue');
      await expect.poll(() => focused('data-row')).toBe('51');
      for (let i = 25; i < 30; i++) {
        await p.keyboard.type(String(1000 + (2 * i + 1) * 10));
        await p.keyboard.press('Enter');
      }
      expect(await text('label-pending-count')).toBe('30 labels pending — not saved yet.');
      // "cheap" is not a price: Save waits until it is fixed, and says where; the focus stays put.
      expect(await byTestId('label-save').isDisabled()).toBe(true);
      expect(await focused('data-row')).toBe('59');
      expect(await byTestId('label-save-bar').innerText()).toContain('Fix the labels of row 2 first: "cheap" is not a whole number (the target is an integer column).');
      await screenshot(p, 'label-03-numeric');
      await p.getByRole('button', { name: 'Previous' }).click();
      await expect.poll(() => text('label-queue-position')).toBe('rows 1–25 of 30 in the queue');
      await p.locator('[data-testid="label-input"][data-row="1"]').fill('1010');
      expect(await byTestId('label-save').isEnabled()).toBe(true);
      expect(await text('label-save')).toBe('Save 30 labels');

      expect(e2e.session!.errors, `the page logged errors:\n${e2e.session!.errors.join('\n')}`).toEqual([]);
    },
    TIMEOUT,
  );
});
