import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './harness';
import { sendTraffic } from './monitor-traffic';
import { writeChurn } from './train-data';
import { WorkspaceTest } from './workspace-test';

/**
 * The Monitor workspace end to end, against a real local model server: churn v1 (logistic) is
 * registered with the CLI and deployed in the UI; an alert rule is added in the UI; 2,400 served rows
 * go straight to the server, x3 moved out of its training range from the halfway request on. Pull now
 * collects them: the heatmap shows x3 drifted only after the shift and highlights it, the histogram
 * overlays reference and served x3, the rule's alert is listed (and noticed) and acknowledged. Labels
 * from a file (the world's rule changed, so v1 decays) show in Performance; Retrain trains, compares,
 * promotes and redeploys the challenger, and the outcome says so in words.
 */

const TIMEOUT = 480_000;
const REQUESTS = 12;
/** Windows of a few hundred rows: the default distance tests judge a hundred rows too noisily to test a shift. */
const PER_REQUEST = 200;
/** The deploy's smoke test scores 20 test rows through the server; they are logged too. */
const SMOKE_ROWS = 20;

const e2e = new WorkspaceTest();

/** A webhook receiver on loopback: what each POST brought. */
const hook = { url: '', received: [] as Array<{ path: string; contentType: string; body: unknown }>, server: http.createServer() };
hook.server.on('request', (req, res) => {
  let text = '';
  req.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  req.on('end', () => {
    hook.received.push({ path: req.url ?? '', contentType: String(req.headers['content-type'] ?? '').split(';')[0]!, body: JSON.parse(text) });
    res.end();
  });
});
const { byTestId, dismissNotices } = e2e;
const cli = (args: string[]) => e2e.cli(args).stdout;
const fullScreenshot = (name: string) => e2e.fullScreenshot(name, { maxHeight: 3200 });

const attr = (id: string, name: string) => byTestId(id).getAttribute(name);

describe('Monitor workspace: pull, drift, alerts, labels and retrain (headless host, Chromium)', () => {
  beforeAll(async () => {
    e2e.initProject('monitor');
    const churn = path.join(e2e.root, 'churn.csv');
    writeChurn(churn);
    // A primary metric to promote on, and no approval needed: the retrain loop can go all the way.
    cli(['objective', 'set', '--task', 'binary', '--target', 'churned', '--metric', 'roc_auc', '--threshold', '0.7']);
    cli(['policy', 'set', '--set', 'promotion.approvals.required=0']);
    cli(['data', 'import', churn, '--target', 'churned']);
    cli(['train', '--dataset', 'churn', '--model', 'logistic', '--exclude', 'id', '--name', 'churn-a']);
    cli(['registry', 'register', 'churn-a', '--model', 'churn']);
    cli(['targets', 'add', 'laptop', '--kind', 'local', '--port', '0']);
    // The CLI signed v1 with its own key; the host's servers trust it as a colleague's.
    await e2e.open({ trustCliKey: true });
    await new Promise<void>((resolve) => hook.server.listen(0, '127.0.0.1', resolve));
    hook.url = `http://127.0.0.1:${(hook.server.address() as AddressInfo).port}`;
  }, TIMEOUT);

  afterAll(async () => {
    hook.server.close();
    await e2e.close({ localTargets: ['laptop'] });
  }, TIMEOUT);

  it('pulls shifted traffic, shows the drift and its alert, takes labels and retrains', { timeout: TIMEOUT }, async () => {
    const p = await e2e.openApp();

    // Deploy churn v1 to the local target, as the Deploy workspace does.
    await byTestId('nav-deploy').click();
    await e2e.deployInDialog('churn', '1');
    const url = (await byTestId('live-url').textContent())!;

    // Monitor lists the deployment; nothing was pulled yet.
    await byTestId('nav-monitor').click();
    await byTestId('monitor-targets').waitFor({ timeout: 10_000 });
    const row = p.locator('[data-testid="monitor-target-row"][data-target="laptop"]');
    expect(await row.textContent()).toContain('churn v1');
    expect(await row.getByTestId('monitor-target-rows').textContent()).toBe('0');
    await screenshot(p, 'monitor-01-targets');

    // A rule that fires when a tenth of the features drift: a bad threshold is explained first.
    await row.getByTestId('monitor-target-open').click();
    await byTestId('monitor-tab-alerts').click();
    await byTestId('monitor-alerts-none').waitFor({ timeout: 10_000 });
    expect(await p.locator('[data-testid="monitor-rule"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')))).toEqual(['default-drift', 'default-performance', 'default-errors']);
    await byTestId('monitor-rule-add').click();
    await byTestId('monitor-rule-threshold').fill('1.5');
    await byTestId('monitor-rule-threshold').press('Enter');
    await expect.poll(() => byTestId('monitor-rule-form').textContent()).toContain('drift.share is a share: give a threshold between 0 and 1');
    await screenshot(p, 'monitor-02-rule-refused');
    await byTestId('monitor-rule-threshold').fill('0.1');
    await byTestId('monitor-rule-threshold').press('Enter');
    await expect.poll(() => byTestId('monitor-rule-form').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => p.locator('[data-testid="monitor-rule"]').count()).toBe(4);

    // Alerts also go to a webhook: a receiver on loopback, its URL saved in the form.
    await byTestId('monitor-webhook-url').fill(`${hook.url}/mlcycle`);
    await byTestId('monitor-webhook-save').click();
    await expect.poll(() => byTestId('monitor-webhook').textContent(), { timeout: 10_000 }).toContain(`Alerts are POSTed to ${hook.url}/mlcycle.`);

    // Traffic: 12 requests of 200 rows, x3 moved up from the 7th request on.
    const labelsFile = path.join(e2e.root, 'labels.csv');
    const sent = await sendTraffic(url, labelsFile, { requests: REQUESTS, perRequest: PER_REQUEST, shiftFrom: REQUESTS / 2, seed: 11 });
    expect(sent.statuses.every((s) => s === 200), JSON.stringify(sent.statuses)).toBe(true);

    // Back in the list, Pull all now: every request (the smoke test's one too) is collected, and the
    // rule raises its alert, pushed to every window as a notice in words.
    await byTestId('monitor-crumb-all').click();
    await byTestId('monitor-pull-all').click();
    const outcome = p.locator('[data-testid="monitor-pull-outcome"][data-target="laptop"]');
    await expect.poll(() => outcome.textContent(), { timeout: 60_000 }).toContain(`${REQUESTS + 1} new requests (${(REQUESTS * PER_REQUEST + SMOKE_ROWS).toLocaleString('en')} rows)`);
    expect(await outcome.textContent()).toContain('1 new alert');
    await expect.poll(() => row.getByTestId('monitor-target-rows').textContent(), { timeout: 10_000 }).toBe((REQUESTS * PER_REQUEST + SMOKE_ROWS).toLocaleString('en'));
    await expect.poll(() => p.locator('.notice').first().textContent(), { timeout: 10_000 }).toMatch(/Alert on laptop: Dataset drift: 1 of 6 features drifted: x3/);
    expect(await row.getByTestId('monitor-alert-count').textContent()).toBe('1 open');
    // The webhook got the same alert once, as JSON, on the path saved.
    await expect.poll(() => hook.received.length, { timeout: 10_000 }).toBe(1);
    expect(hook.received[0]).toMatchObject({ path: '/mlcycle', contentType: 'application/json', body: { event: 'mlcycle.alert', alert: { target: 'laptop', signal: 'drift.share', status: 'open' }, project: { name: expect.any(String) } } });
    expect((hook.received[0]!.body as { alert: { message: string } }).alert.message).toMatch(/features drifted: x3/);
    await screenshot(p, 'monitor-03-pulled');

    // The open-alert badge leads to the target's alerts.
    await row.getByTestId('monitor-alert-count').click();
    const alert = p.locator('[data-testid="monitor-alert"]');
    await expect.poll(() => alert.count(), { timeout: 10_000 }).toBe(1);
    expect(await alert.getAttribute('data-status')).toBe('open');
    expect(await byTestId('monitor-tab-alerts').getAttribute('aria-selected')).toBe('true');
    expect(await byTestId('monitor-tab-alerts').textContent()).toBe('Alerts1');
    expect(await byTestId('monitor-rows').textContent()).toBe((REQUESTS * PER_REQUEST + SMOKE_ROWS).toLocaleString('en'));
    await screenshot(p, 'monitor-04-alert');
    await dismissNotices();

    // Drift, windows chosen automatically: a burst of seconds is cut into slices of at least 500 rows
    // in arrival order — 2,420 rows make 4 of 605, the shift (after row 1,220) falling early in the
    // third. x3 drifted, only after the shift, is highlighted and chosen first.
    // From the alert to its evidence in one click; a drift alert also offers retraining.
    expect(await alert.getByTestId('monitor-alert-retrain').textContent()).toBe('Retrain…');
    await alert.getByTestId('monitor-alert-show').click();
    expect(await byTestId('monitor-tab-drift').getAttribute('aria-selected')).toBe('true');
    await byTestId('monitor-heatmap').waitFor({ timeout: 60_000 });
    const rowOf = (feature: string) => p.locator(`[data-testid="monitor-heatmap-row"][data-feature="${feature}"]`);
    const states = (feature: string) => rowOf(feature).getByTestId('monitor-cell').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    const highlighted = () => p.locator('[data-testid="monitor-heatmap-row"][data-drifted="true"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-feature')));
    const auto = await states('x3');
    expect(auto).toEqual(['stable', 'stable', 'drifted', 'drifted']);
    expect(await highlighted()).toContain('x3');
    expect(await byTestId('monitor-drifted-features').textContent()).toMatch(/^Drifted: x3 \(2 of 4 windows\)/);
    await expect.poll(() => attr('monitor-histogram', 'data-feature'), { timeout: 10_000 }).toBe('x3');
    await byTestId('monitor-histogram-chart').and(p.locator('[data-drawn="true"]')).waitFor({ timeout: 20_000 });
    await fullScreenshot('monitor-05-drift');

    // Windows of 800 rows: the smoke test's 20 rows and 1,200 unshifted ones fill the first and 420
    // of the second, whose other 380 are shifted; the third is all shifted; the 2,420th row ends a
    // last window of 20, too few to judge (the policy asks for 100). Only x3 drifted now.
    await byTestId('monitor-window-mode').selectOption('rows');
    await byTestId('monitor-window-size').fill('800');
    await byTestId('monitor-window-size').press('Enter');
    await expect.poll(() => states('x3'), { timeout: 60_000 }).toEqual(['stable', 'drifted', 'drifted', 'unjudged']);
    for (const other of ['x1', 'x2', 'plan', 'noise', 'spend']) expect(await states(other), other).toEqual(['stable', 'stable', 'stable', 'unjudged']);
    expect(await highlighted()).toEqual(['x3']);
    expect(await byTestId('monitor-drifted-features').textContent()).toBe('Drifted: x3 (2 of 4 windows)');
    const lastCell = rowOf('x3').getByTestId('monitor-cell').last();
    expect(await lastCell.getAttribute('title')).toBe('x3, window 4 (20 rows): not judged — 20 rows is too few to judge (the policy asks for 100)');
    // Each window's share of drifted features: x3 alone of 6 is 1/6 ≈ 17%; the last window has none to judge.
    expect(await p.getByTestId('monitor-window-share').allTextContents()).toEqual(['0%', '17%', '17%', '–']);
    await byTestId('theme-toggle').click();
    await fullScreenshot('monitor-06-dark-drift');
    await byTestId('theme-toggle').click();

    // A cell chooses that feature in that window; arrow keys and Enter move the choice.
    await lastCell.click();
    await expect.poll(() => byTestId('monitor-histogram').textContent()).toContain('Window 4 (20 rows, served at ');
    await lastCell.press('ArrowLeft');
    await p.keyboard.press('Enter');
    await expect.poll(() => byTestId('monitor-histogram').textContent()).toContain('Window 3 (800 rows, served ');
    await byTestId('monitor-histogram-chart').and(p.locator('[data-drawn="true"]')).waitFor({ timeout: 20_000 });
    // The bars are that slice's rows alone, not whole requests at its edges: at most its 800.
    const servedInWindow = Number(/against (\d+) served rows/.exec((await byTestId('monitor-histogram-chart').locator('[role="img"]').getAttribute('aria-label')) ?? '')?.[1]);
    expect(servedInWindow).toBeGreaterThan(700);
    expect(servedInWindow).toBeLessThanOrEqual(800);
    await fullScreenshot('monitor-07-window-histogram');

    // The report downloads as one self-contained HTML file.
    const download = p.waitForEvent('download', { timeout: 60_000 });
    await byTestId('monitor-report').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^monitor-laptop-\d{4}-\d{2}-\d{2}\.html$/);
    const html = readFileSync((await file.path())!, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('churn v1 on laptop');

    // Acknowledge the alert with a comment.
    await byTestId('monitor-tab-alerts').click();
    await alert.getByTestId('monitor-alert-ack').click();
    await byTestId('monitor-alert-comment').fill('x3 moved after the pricing change; retraining');
    await byTestId('monitor-alert-comment').press('Enter');
    await expect.poll(() => alert.getAttribute('data-status'), { timeout: 10_000 }).toBe('acknowledged');
    expect(await alert.getByTestId('monitor-alert-acked').textContent()).toContain('“x3 moved after the pricing change; retraining”');
    await fullScreenshot('monitor-08-acknowledged');

    // Labels: every served row of the 12 requests matches a collected prediction.
    await byTestId('monitor-tab-performance').click();
    await byTestId('monitor-labels-path').fill(labelsFile);
    await byTestId('monitor-labels-row').fill('row');
    await byTestId('monitor-labels-add').click();
    const total = (REQUESTS * PER_REQUEST).toLocaleString('en');
    await expect.poll(() => byTestId('monitor-labels-result').textContent(), { timeout: 30_000 }).toContain(`${total} labels read: ${total} added or changed, ${total} matching a collected prediction.`);
    // The world's rule flipped, so v1's ROC AUC on the labeled windows falls far below its test value.
    await byTestId('monitor-performance-chart').and(p.locator('[data-drawn="true"]')).waitFor({ timeout: 30_000 });
    expect(await byTestId('monitor-performance-summary').textContent()).toMatch(/^roc_auc on 2,400 labeled rows against 0\.\d+ on the test split\. \d+ windows? fell 5% or more below it\.$/);
    await fullScreenshot('monitor-09-performance');

    // More traffic, then a second pull reads the metrics again: health has a window with requests.
    const late = await sendTraffic(url, path.join(e2e.root, 'late-labels.csv'), { requests: 5, perRequest: 20, shiftFrom: 0, seed: 12, idPrefix: 'late' });
    expect(late.statuses).toEqual([200, 200, 200, 200, 200]);
    await byTestId('monitor-pull').click();
    await expect.poll(() => outcome.textContent(), { timeout: 60_000 }).toContain('5 new requests (100 rows)');
    // The labels made v1's decay visible: the default performance rule raised its alert on this pull.
    await expect.poll(() => p.locator('.notice').first().textContent(), { timeout: 10_000 }).toContain('Alert on laptop: Performance drop: roc_auc');
    await dismissNotices();
    await byTestId('monitor-tab-health').click();
    await byTestId('monitor-health').waitFor({ timeout: 10_000 });
    await byTestId('monitor-latency-chart').and(p.locator('[data-drawn="true"]')).waitFor({ timeout: 20_000 });
    await byTestId('monitor-resources-table').waitFor({ timeout: 10_000 });
    expect(await byTestId('monitor-resources-table').textContent()).toContain('server:laptop');
    await fullScreenshot('monitor-10-health');

    // Retrain on the labels alone: the challenger learns the new rule, wins, is promoted and redeployed.
    await byTestId('monitor-tab-retrain').click();
    await p.getByLabel('Include the champion’s original training data').uncheck();
    await byTestId('monitor-retrain-start').click();
    await byTestId('monitor-retrain-progress').waitFor({ timeout: 30_000 });
    await screenshot(p, 'monitor-11-retrain-running');
    await byTestId('monitor-retrain-outcome').waitFor({ timeout: 300_000 });
    expect(await attr('monitor-retrain-outcome', 'data-outcome'), (await byTestId('monitor-retrain-outcome').textContent()) ?? '').toBe('redeployed');
    expect(await byTestId('monitor-retrain-comparison').textContent()).toMatch(/roc_auc: champion 0\.\d+, challenger 0\.\d+ — the challenger wins \(higher is better\)\.$/);
    const steps = await byTestId('monitor-retrain-steps').locator('li').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-step')}:${e.getAttribute('data-outcome')}`));
    expect(steps).toEqual(['data:ok', 'train:ok', 'register:ok', 'compare:ok', 'promote:ok', 'deploy:ok']);
    // The target now serves the challenger.
    await expect.poll(() => p.locator('.monitor-target-page .badge.mono').first().textContent(), { timeout: 20_000 }).toBe('churn v2');
    await fullScreenshot('monitor-12-retrained');
    expect(e2e.session!.errors).toEqual([]);
  });
});
