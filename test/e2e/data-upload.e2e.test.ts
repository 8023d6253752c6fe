import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { screenshot } from './harness';
import { workspaceSuite } from './workspace-test';

/**
 * In a browser the page cannot name files on the host, so the import dialog uploads them: chosen
 * with the file picker or dropped on the dialog, with progress, then imported like any path.
 */
const TIMEOUT = 120_000;
const e2e = workspaceSuite('upload', TIMEOUT, ({ root }) => {
  const lines = ['sepal,petal,species'];
  for (let i = 0; i < 3000; i++) lines.push(`${(i % 50) / 10},${(i % 30) / 10},${['setosa', 'versicolor', 'virginica'][i % 3]}`);
  writeFileSync(path.join(root, 'flowers.csv'), `${lines.join('\n')}\n`);
});
const { byTestId } = e2e;

describe('Import by upload (headless host, Chromium)', () => {
  it(
    'uploads a chosen file and imports it; a dropped file sets the source kind from its name',
    async () => {
      const p = await e2e.openApp();
      await byTestId('project-dir-input').fill(path.join(e2e.root, 'project'));
      await byTestId('create-project').click();
      await byTestId('nav-data').click();
      await byTestId('data-import-open').first().click();
      await byTestId('import-dialog').waitFor({ state: 'visible' });
      expect(await byTestId('import-drop').textContent()).toMatch(/uploaded to the machine running MLCycle/);

      // Dropping a file: a Parquet name switches the source kind (the bytes are not Parquet; not imported).
      // (a string, because the DOM types are not part of the Node test build)
      await p.evaluate(`(() => {
        const transfer = new DataTransfer();
        transfer.items.add(new File(['not really parquet'], 'events.parquet'));
        document.querySelector('[data-testid="import-drop"]').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      })()`);
      await expect.poll(() => byTestId('import-drop').textContent(), { timeout: 10_000 }).toMatch(/Uploaded events\.parquet \(18 bytes\)/);
      expect(await byTestId('import-kind').inputValue()).toBe('parquet');
      expect(await byTestId('import-path').inputValue()).toMatch(/events\.parquet$/);

      // Choosing the CSV with the picker: uploaded, path and name filled in, kind back to CSV.
      await byTestId('import-file-input').setInputFiles(path.join(e2e.root, 'flowers.csv'));
      await expect.poll(() => byTestId('upload-done').textContent(), { timeout: 10_000 }).toMatch(/Uploaded flowers\.csv/);
      expect(await byTestId('import-kind').inputValue()).toBe('csv');
      // the name follows the file while the user has not typed one
      expect(await byTestId('import-name').inputValue()).toBe('flowers');
      await screenshot(p, 'data-upload-01-uploaded');
      await byTestId('import-submit').click();
      await expect.poll(() => byTestId('import-outcome').textContent(), { timeout: 60_000 }).toMatch(/Imported 3,000 rows as flowers@1/);
      expect(await byTestId('dataset-item').textContent()).toMatch(/flowers.*3,000 × 3/);
      await screenshot(p, 'data-upload-02-imported');
      expect(e2e.session!.errors).toEqual([]);
    },
    TIMEOUT,
  );
});
