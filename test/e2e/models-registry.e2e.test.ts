import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './harness';
import { writeChurn } from './train-data';
import { WorkspaceTest } from './workspace-test';

/**
 * The Models workspace end to end, from a finished run to a promoted, approved version: a logistic
 * run trained with the CLI is registered from Train's run detail; its version shows parity passed
 * and the gates; a promotion is refused naming the approvals gate; the user adds themself as a
 * reviewer in People, approves with a comment and promotes (the champion badge appears); the
 * package is exported to a .mlpkg file and a small CSV is scored from the page.
 */

const TIMEOUT = 240_000;
/** Who the host says the user is; approvals look this name up in the project's people. */
const ME = 'Dana Reviewer';

const previousUser = process.env.MLCYCLE_USER;

const e2e = new WorkspaceTest();
const { byTestId, fullScreenshot } = e2e;
const cli = (args: string[]) => e2e.cli(args).stdout;

const openTab = (tab: string) => byTestId(`version-tab-${tab}`).click();
const gateState = (gate: string) => byTestId(`gate-${gate}`).getAttribute('data-state');

/** 40 rows of the training columns (no label) and one whose x1 is not a number. */
function writeToScore(source: string, file: string): void {
  const lines = readFileSync(source, 'utf8').trim().split('\n').slice(0, 41);
  const rows = lines.map((l) => l.split(',').slice(0, 7).join(','));
  writeFileSync(file, `${[...rows, '9999,oops,0.5,1.0,pro,0.2,11.0'].join('\n')}\n`);
}

describe('Models workspace: register, gate, approve, promote, export, score (headless host, Chromium)', () => {
  beforeAll(async () => {
    // The host (and the CLI) work as ME; the host's identity is what approvals look up.
    process.env.MLCYCLE_USER = ME;
    e2e.initProject('models');
    const churn = path.join(e2e.root, 'churn.csv');
    writeChurn(churn);
    writeToScore(churn, path.join(e2e.root, 'new-customers.csv'));
    cli(['data', 'import', churn, '--target', 'churned']);
    // A reachable primary metric: the gate needs one, and a linear rule is learnt almost perfectly.
    cli(['objective', 'set', '--problem', 'Find customers about to churn', '--task', 'binary', '--target', 'churned', '--metric', 'roc_auc', '--threshold', '0.85']);
    cli(['train', '--dataset', 'churn', '--model', 'logistic', '--name', 'churn-logistic']);
    await e2e.open();
  }, TIMEOUT);

  afterAll(async () => {
    await e2e.close();
    if (previousUser === undefined) delete process.env.MLCYCLE_USER;
    else process.env.MLCYCLE_USER = previousUser;
  }, TIMEOUT);

  it('takes a finished run to an approved champion, then exports and scores it', { timeout: TIMEOUT }, async () => {
    const p = await e2e.openApp();

    // Nothing registered yet: the Models page says where versions come from.
    await byTestId('nav-models').click();
    await byTestId('models-empty').waitFor({ timeout: 10_000 });
    await screenshot(p, 'models-01-empty');

    // Train → the finished run → Register… (Escape closes the dialog; Enter submits it).
    await byTestId('nav-train').click();
    await p.getByRole('button', { name: 'churn-logistic', exact: true }).click();
    await expect.poll(() => byTestId('train-detail-status').textContent(), { timeout: 10_000 }).toBe('Succeeded');
    await byTestId('train-register').click();
    await byTestId('register-dialog').waitFor();
    await p.keyboard.press('Escape');
    await expect.poll(() => byTestId('register-dialog').count()).toBe(0);
    await byTestId('train-register').click();
    await byTestId('register-name').fill('churn');
    await byTestId('register-description').fill('Logistic baseline on the churn rule.');
    await byTestId('register-tags').fill('baseline, q3');
    await screenshot(p, 'models-02-register-dialog');
    await byTestId('register-tags').press('Enter');
    await byTestId('register-done').waitFor({ timeout: 60_000 });
    expect(await byTestId('register-done').textContent()).toMatch(/Registered churn v1: parity passed on \d+ test rows/);
    await screenshot(p, 'models-03-registered');
    // Behind the dialog, the run's page now names the version made from it.
    await expect.poll(() => byTestId('train-registered-as').textContent(), { timeout: 10_000 }).toMatch(/Registered as churn v1/);
    await byTestId('register-open').click();

    // The version: parity passed, metrics, lineage from the dataset to the version.
    await expect.poll(() => byTestId('version-title').textContent(), { timeout: 10_000 }).toBe('churn v1');
    expect(await byTestId('version-page').getByTestId('parity-badge').first().textContent()).toContain('Parity passed');
    expect(await byTestId('version-description').textContent()).toBe('Logistic baseline on the churn rule.');
    expect(Number(await byTestId('version-metrics').locator('[data-metric="roc_auc"] dd').textContent())).toBeGreaterThan(0.9);
    for (const kind of ['dataset', 'split', 'run', 'package', 'version']) expect(await byTestId(`lineage-node-${kind}`).count()).toBe(1);
    await byTestId('lineage-node-run').hover();
    await expect.poll(() => byTestId('lineage-detail').textContent()).toContain('churn-logistic — logistic (binary)');
    await byTestId('lineage-node-dataset').focus();
    await expect.poll(() => byTestId('lineage-detail').textContent()).toMatch(/churn@1 — 3,000 rows/);
    await fullScreenshot('models-04-version-overview');

    // Parity report and the model card (Markdown drawn as a document, tables included).
    await openTab('parity');
    const checked = Number((await byTestId('parity-numbers').locator('[data-metric="rows"] dd').textContent())!.replace(/,/g, ''));
    expect(checked).toBeGreaterThan(500);
    expect(await byTestId('parity-numbers').locator('[data-metric="label-mismatches"] dd').textContent()).toBe('0');
    expect(await byTestId('parity-worst').locator('tbody tr').count()).toBeGreaterThan(0);
    await fullScreenshot('models-05-parity');
    await openTab('card');
    await expect.poll(() => byTestId('markdown').locator('h3').first().textContent()).toBe('Model card: churn-logistic');
    expect(await byTestId('markdown').locator('table').count()).toBeGreaterThan(0);
    await fullScreenshot('models-06-model-card');

    // Gates: all pass but approvals; a promotion is refused, naming the approvals gate.
    await openTab('governance');
    expect(await gateState('primary_metric')).toBe('pass');
    expect(await gateState('parity')).toBe('pass');
    expect(await gateState('approvals')).toBe('fail');
    expect(await byTestId('gate-approvals').textContent()).toContain('Needs 1 approval from a reviewer; has 0');
    await byTestId('approval-not-person').waitFor();
    await byTestId('promote-button').click();
    await byTestId('promote-refused').waitFor();
    expect(await byTestId('promote-refused').textContent()).toContain('Promotion refused by one gate');
    expect(await byTestId('promote-failed-approvals').textContent()).toContain('Approvals: Needs 1 approval from a reviewer');
    await fullScreenshot('models-07-promotion-refused');

    // The user adds themself as a reviewer (Governance → People), then comes back to approve.
    await byTestId('approval-not-person').getByRole('button', { name: 'Open People' }).click();
    await byTestId('person-name').fill(ME);
    await byTestId('person-role').selectOption('reviewer');
    await byTestId('person-save').click();
    await expect.poll(() => p.getByText(ME, { exact: true }).count()).toBeGreaterThan(0);
    await byTestId('nav-models').click();
    await byTestId('approve-form').waitFor({ timeout: 10_000 });
    await byTestId('approve-comment').fill('Parity and AUC checked; fit for the churn campaign.');
    await byTestId('approve-comment').press('Control+Enter');
    await byTestId('approval').waitFor({ timeout: 10_000 });
    expect(await byTestId('approval').textContent()).toMatch(new RegExp(`${ME}, reviewer.*Parity and AUC checked`));
    await expect.poll(() => gateState('approvals')).toBe('pass');
    await expect.poll(() => byTestId('promote-refused').count()).toBe(0);

    // Promotion goes through: the champion badge on the version.
    await byTestId('promote-button').click();
    await byTestId('promote-is-champion').waitFor({ timeout: 10_000 });
    await expect.poll(() => byTestId('version-page').locator('header [data-testid="alias-champion"]').count()).toBe(1);
    // Another alias beside it, set and removed.
    await byTestId('alias-name').fill('challenger');
    await byTestId('alias-name').press('Enter');
    await expect.poll(() => byTestId('version-page').locator('header [data-testid="alias-challenger"]').count()).toBe(1);
    await fullScreenshot('models-08-champion');
    await byTestId('alias-remove-challenger').click();
    await expect.poll(() => byTestId('version-page').locator('header [data-testid="alias-challenger"]').count()).toBe(0);

    // Export the signed package to a .mlpkg file.
    await openTab('use');
    const pkg = path.join(e2e.root, 'churn-v1.mlpkg');
    await byTestId('export-out').fill(pkg);
    await byTestId('export-out').press('Enter');
    await byTestId('export-done').waitFor({ timeout: 10_000 });
    expect(existsSync(pkg)).toBe(true);
    expect(statSync(pkg).size).toBeGreaterThan(1000);

    // Score a small CSV: 40 rows scored, the one with a non-number rejected and named.
    const input = path.join(e2e.root, 'new-customers.csv');
    await byTestId('score-input').fill(input);
    expect(await byTestId('score-out').inputValue()).toBe(path.join(e2e.root, 'new-customers.scored.csv'));
    await byTestId('score-id').fill('id');
    await byTestId('score-button').click();
    await byTestId('score-done').waitFor({ timeout: 30_000 });
    expect(await byTestId('score-scored').textContent()).toBe('40');
    expect(await byTestId('score-invalid').textContent()).toBe('1');
    expect(await byTestId('score-rejects').textContent()).toContain('not a number in x1');
    const scored = readFileSync(path.join(e2e.root, 'new-customers.scored.csv'), 'utf8').trim().split('\n');
    expect(scored[0]).toMatch(/^id,row,label,/);
    expect(scored).toHaveLength(42);
    await fullScreenshot('models-09-export-score');

    // Up to the model's versions and the registry list: the champion and the approval show there too.
    await byTestId('models-crumb-model').click();
    const row = byTestId('models-version-row').first();
    await expect.poll(() => row.getByTestId('alias-champion').count()).toBe(1);
    expect(await row.locator('td').nth(6).textContent()).toBe('1');
    // The model's own description and tags (the version's were given at registration).
    await byTestId('describe-model-edit').click();
    await byTestId('describe-model-text').fill('Who is about to cancel, for the retention campaign.');
    await byTestId('describe-model-tags').fill('churn, retention');
    await byTestId('describe-model-tags').press('Enter');
    await expect.poll(() => byTestId('models-model').textContent()).toContain('Who is about to cancel');
    await fullScreenshot('models-10-versions');
    await byTestId('models-crumb-all').click();
    const model = byTestId('models-row').first();
    await expect.poll(() => model.getAttribute('data-model')).toBe('churn');
    expect(await model.getByTestId('alias-champion').textContent()).toContain('champion → v1');
    expect(await model.textContent()).toContain('retention');
    await fullScreenshot('models-11-registry');

    // The dark theme, on the lineage graph and on the busiest section.
    await byTestId('models-open').first().click();
    await byTestId('models-version-open').first().click();
    await byTestId('theme-toggle').click();
    await byTestId('lineage-node-package').focus();
    await fullScreenshot('models-12-overview-dark');
    await openTab('governance');
    await fullScreenshot('models-13-governance-dark');
    await byTestId('theme-toggle').click();

    expect(e2e.session!.errors).toEqual([]);
  });
});
