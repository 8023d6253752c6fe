import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './harness';
import { writeChurn } from './train-data';
import { WorkspaceTest } from './workspace-test';

/**
 * The Deploy workspace end to end, against a real local model server that the engine starts: two
 * logistic runs registered with the CLI as churn v1 and v2; in the UI a local target (port 0) is
 * added and tested, v1 deployed (progress, step log, live with its timeline), requests sent to its
 * URL from the test move the traffic numbers and charts, a rollback with nothing before it is
 * refused in words, v2 is deployed and rolled back to v1, and the target undeployed (its server
 * stops). A server target with an address where nothing listens fails its test with a clear
 * message; a Kubernetes target shows its manifests view.
 */

const TIMEOUT = 300_000;

const e2e = new WorkspaceTest();
const { byTestId, fullScreenshot, localServerPid } = e2e;
const cli = (args: string[]) => e2e.cli(args).stdout;

interface Reply {
  status: number;
  body: unknown;
}

/** Plain node http, as any client of the served model would call it. */
function call(url: string, method: 'GET' | 'POST', body?: object): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = body ? JSON.stringify(body) : undefined;
    const req = http.request(url, { method, headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload) } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : null }));
    });
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** An inference request for `rows` rows of the churn CSV, built from the served model's own metadata. */
async function inferRequest(inferUrl: string, rows: number): Promise<object> {
  const meta = await call(inferUrl.replace(/\/infer$/, ''), 'GET');
  expect(meta.status).toBe(200);
  const inputs = (meta.body as { inputs: Array<{ name: string; datatype: string }> }).inputs;
  const [header, ...lines] = readFileSync(path.join(e2e.root, 'churn.csv'), 'utf8').trim().split('\n');
  const columns = header!.split(',');
  const sample = lines.slice(0, rows).map((l) => l.split(','));
  return {
    inputs: inputs.map((i) => {
      const at = columns.indexOf(i.name);
      const data = sample.map((r) => (i.datatype === 'BYTES' ? r[at]! : Number(r[at])));
      return { name: i.name, datatype: i.datatype, shape: [rows, 1], data };
    }),
  };
}

/** Picks a model version in the deploy dialog and deploys it; resolves with the dialog's final status. */
async function deployVersion(version: string): Promise<string | null> {
  await byTestId('deploy-dialog').waitFor();
  await byTestId('deploy-model').selectOption('churn');
  await expect.poll(() => byTestId('deploy-version').locator('option').count(), { timeout: 10_000 }).toBeGreaterThan(1);
  await byTestId('deploy-version').selectOption(version);
  await byTestId('deploy-submit').click();
  await byTestId('deploy-result').waitFor({ timeout: 90_000 });
  return byTestId('deploy-result').getAttribute('data-status');
}

describe('Deploy workspace: local target, deploy, traffic, rollback, undeploy (headless host, Chromium)', () => {
  beforeAll(async () => {
    e2e.initProject('deploy');
    const churn = path.join(e2e.root, 'churn.csv');
    writeChurn(churn);
    cli(['data', 'import', churn, '--target', 'churned']);
    // Two versions, so a rollback has somewhere to go; the id column is no feature of a served model.
    cli(['train', '--dataset', 'churn', '--model', 'logistic', '--exclude', 'id', '--name', 'churn-a']);
    cli(['train', '--dataset', 'churn', '--model', 'logistic', '--exclude', 'id', '--exclude', 'noise', '--name', 'churn-b']);
    cli(['registry', 'register', 'churn-a', '--model', 'churn']);
    cli(['registry', 'register', 'churn-b', '--model', 'churn']);
    cli(['registry', 'alias', 'churn', 'staging', '1']);
    // The CLI signed the packages with its own key; the host's servers trust it as a colleague's.
    await e2e.open({ trustCliKey: true });
  }, TIMEOUT);

  afterAll(() => e2e.close({ localTargets: ['laptop'] }), TIMEOUT);

  it('adds and tests a local target, deploys, watches traffic, rolls back and undeploys', { timeout: TIMEOUT }, async () => {
    const p = await e2e.openApp();

    // No targets yet: the page says what a target is.
    await byTestId('nav-deploy').click();
    await byTestId('deploy-empty').waitFor({ timeout: 10_000 });
    await screenshot(p, 'deploy-01-empty');

    // Add a local target on any free port (Enter saves); its page opens.
    await byTestId('deploy-empty-add').click();
    await byTestId('target-dialog').waitFor();
    await byTestId('target-name').fill('laptop');
    await byTestId('target-port').fill('0');
    await screenshot(p, 'deploy-02-add-local');
    await byTestId('target-port').press('Enter');
    await expect.poll(() => byTestId('target-dialog').count()).toBe(0);
    await expect.poll(() => byTestId('target-title').textContent(), { timeout: 10_000 }).toBe('laptop');
    expect(await byTestId('target-where').textContent()).toBe('this machine, any free port');
    // Nothing runs yet: the status says so in words.
    await expect.poll(() => byTestId('live-reachable').getAttribute('data-reachable'), { timeout: 10_000 }).toBe('false');

    // Test connection starts the local server and checks its admin token.
    await byTestId('target-page').getByTestId('target-test').click();
    await expect.poll(() => byTestId('target-test-result').getAttribute('data-ok'), { timeout: 60_000 }).toBe('true');
    expect(await byTestId('target-check-reachable').getAttribute('data-ok')).toBe('true');
    expect(await byTestId('target-check-admin-token').textContent()).toContain('the admin API accepts the token');
    await screenshot(p, 'deploy-03-tested');

    // Deploy churn v1: the dialog follows the job and ends with the step timeline.
    await byTestId('target-deploy').click();
    await byTestId('deploy-dialog').waitFor();
    expect(await byTestId('deploy-target').inputValue()).toBe('laptop');
    await byTestId('deploy-model').selectOption('churn');
    await expect.poll(() => byTestId('deploy-version').inputValue(), { timeout: 10_000 }).toBe('2');
    await byTestId('deploy-version').selectOption('staging');
    await screenshot(p, 'deploy-04-deploy-dialog');
    await byTestId('deploy-submit').click();
    await byTestId('deploy-result').waitFor({ timeout: 90_000 });
    await screenshot(p, 'deploy-05-deployed');
    expect(await byTestId('deploy-result').getAttribute('data-status'), (await byTestId('deploy-result').textContent()) ?? '').toBe('live');
    const steps = await byTestId('deploy-result-events').locator('li').evaluateAll((els) => els.map((e) => `${e.getAttribute('data-step')}:${e.getAttribute('data-outcome')}`));
    expect(steps).toEqual(['connect:ok', 'push:ok', 'activate:ok', 'smoke-test:ok', 'live:ok']);
    await byTestId('deploy-open-target').click();

    // Live: status, steps, the URL and a curl example with the model's inputs.
    await expect.poll(() => byTestId('live-status').getAttribute('data-status'), { timeout: 10_000 }).toBe('live');
    expect(await byTestId('live-summary').textContent()).toContain('churn v1');
    expect(await byTestId('live-events').locator('li').count()).toBe(5);
    const url = (await byTestId('live-url').textContent())!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2\/models\/churn\/infer$/);
    await expect.poll(() => byTestId('live-curl').textContent(), { timeout: 10_000 }).toContain('{"name":"x1","shape":[1],"datatype":"FP64","data":[0]}');
    expect(await byTestId('live-curl').textContent()).toContain(url);

    // Requests from outside move the counter and draw the charts.
    await byTestId('traffic-requests').waitFor({ timeout: 10_000 });
    await expect.poll(async () => Number((await byTestId('traffic-requests').textContent())!.replace(/,/g, '')), { timeout: 15_000 }).not.toBeNaN();
    const before = Number((await byTestId('traffic-requests').textContent())!.replace(/,/g, ''));
    const body = await inferRequest(url, 5);
    for (let i = 0; i < 12; i++) {
      const reply = await call(url, 'POST', body);
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    }
    await expect.poll(async () => Number((await byTestId('traffic-requests').textContent())!.replace(/,/g, '')), { timeout: 15_000 }).toBeGreaterThanOrEqual(before + 12);
    await byTestId('traffic-rate-chart').scrollIntoViewIfNeeded();
    await byTestId('traffic-rate-chart').and(p.locator('[data-drawn="true"]')).waitFor({ timeout: 15_000 });
    await byTestId('traffic-latency-chart').and(p.locator('[data-drawn="true"]')).waitFor({ timeout: 15_000 });
    expect(await byTestId('traffic-p99').textContent()).toMatch(/ms$/);
    await fullScreenshot('deploy-06-live-traffic');

    // A rollback with nothing deployed before is refused, in words; Cancel (Escape) keeps v1 live.
    await byTestId('live-rollback').click();
    await byTestId('confirm-rollback-confirm').click();
    await expect.poll(() => byTestId('confirm-rollback-error').textContent(), { timeout: 10_000 }).toContain('nothing to roll back to');
    await screenshot(p, 'deploy-07-rollback-refused');
    await p.keyboard.press('Escape');
    await expect.poll(() => byTestId('confirm-rollback').count()).toBe(0);

    // v2 replaces v1; rolling back brings v1 back and the history tells the story, newest first.
    await byTestId('live-deploy').click();
    expect(await deployVersion('2')).toBe('live');
    await byTestId('deploy-open-target').click();
    await expect.poll(() => byTestId('live-summary').textContent(), { timeout: 10_000 }).toContain('churn v2');
    await byTestId('live-rollback').click();
    await byTestId('confirm-rollback-confirm').click();
    await expect.poll(() => byTestId('confirm-rollback').count(), { timeout: 10_000 }).toBe(0);
    await expect.poll(() => byTestId('live-summary').textContent(), { timeout: 10_000 }).toContain('churn v1');
    expect((await call(url, 'POST', body)).status).toBe(200);
    await byTestId('target-tab-history').click();
    await expect.poll(() => byTestId('history-item').evaluateAll((els) => els.map((e) => `v${e.getAttribute('data-version')}:${e.getAttribute('data-status')}`)), { timeout: 10_000 }).toEqual(['v2:rolled_back', 'v1:live']);
    expect(await byTestId('history-item').first().getByTestId('history-events').locator('[data-step="rollback"]').count()).toBe(1);
    await fullScreenshot('deploy-08-history');

    // The same page in the dark theme.
    await byTestId('target-tab-live').click();
    await byTestId('theme-toggle').click();
    await expect.poll(() => p.locator('html').getAttribute('data-theme')).toBe('dark');
    // Charts draw once they scroll near the viewport.
    await byTestId('traffic-rate-chart').scrollIntoViewIfNeeded();
    await byTestId('traffic-rate-chart').and(p.locator('[data-drawn="true"]')).waitFor({ timeout: 15_000 });
    await fullScreenshot('deploy-09-live-dark');
    await byTestId('theme-toggle').click();

    // Undeploy: confirmed, the deployment ends and the server stops answering.
    const pid = localServerPid('laptop');
    expect(pid).not.toBeNull();
    await byTestId('live-undeploy').click();
    await byTestId('confirm-undeploy').waitFor();
    await byTestId('confirm-undeploy-confirm').click();
    await expect.poll(() => byTestId('live-status').getAttribute('data-status'), { timeout: 20_000 }).toBe('undeployed');
    await expect(call(url, 'POST', body)).rejects.toThrow(/ECONNREFUSED/);
    expect(localServerPid('laptop')).toBeNull();
    await expect.poll(() => byTestId('live-reachable').getAttribute('data-reachable'), { timeout: 10_000 }).toBe('false');
    await screenshot(p, 'deploy-10-undeployed');

    // A remote server target: a URL that is no URL is refused beside its field.
    await byTestId('deploy-add-target').click();
    await byTestId('target-name').fill('remote');
    await byTestId('target-kind').selectOption('server');
    await byTestId('target-url').fill('models.example');
    await byTestId('target-token').fill('not-the-real-token');
    await byTestId('target-token').press('Enter');
    await byTestId('target-dialog').getByTestId('field-error').first().waitFor({ timeout: 10_000 });
    expect(await byTestId('target-dialog').getByTestId('field-error').first().textContent()).toMatch(/URL/);
    await screenshot(p, 'deploy-11-server-form-error');
    // Where nothing listens: saved, but its test fails saying so.
    await byTestId('target-url').fill('http://127.0.0.1:9');
    await byTestId('target-save').click();
    await expect.poll(() => byTestId('target-title').textContent(), { timeout: 10_000 }).toBe('remote');
    expect(await byTestId('target-page').textContent()).toContain('token set');
    expect(await byTestId('target-page').textContent()).not.toContain('not-the-real-token');
    await byTestId('target-page').getByTestId('target-test').click();
    await expect.poll(() => byTestId('target-test-result').getAttribute('data-ok'), { timeout: 40_000 }).toBe('false');
    expect(await byTestId('target-check-reachable').textContent()).toMatch(/http:\/\/127\.0\.0\.1:9 cannot be reached \(.*ECONNREFUSED.*\): nothing listens there: start `mlcycle serve`/);
    expect(await byTestId('target-check-hint').textContent()).toContain('Nothing answers at that address');
    await screenshot(p, 'deploy-12-server-test-failed');

    // A Kubernetes target: no deploy through the API yet, its manifests view renders (or says why not).
    await byTestId('deploy-add-target').click();
    await byTestId('target-name').fill('cluster');
    await byTestId('target-kind').selectOption('kubernetes');
    await byTestId('target-context').fill('prod');
    await byTestId('target-namespace').fill('ml-serving');
    await byTestId('target-package-url').fill('https://artifacts.example.com/{model}-{version}.mlpkg');
    await byTestId('target-kserve').check();
    await byTestId('target-storage-uri').fill('s3://models/churn');
    await screenshot(p, 'deploy-13-add-kubernetes');
    await byTestId('target-save').click();
    await expect.poll(() => byTestId('target-title').textContent(), { timeout: 10_000 }).toBe('cluster');
    await byTestId('render-version').fill('2');
    await byTestId('render-version').press('Enter');
    await byTestId('render-yaml').or(byTestId('render-error')).waitFor({ timeout: 20_000 });
    await fullScreenshot('deploy-14-manifests');

    // All targets: kind, where, what each serves, the last test of each.
    await byTestId('deploy-crumb-all').click();
    await expect.poll(() => byTestId('target-row').count()).toBe(3);
    const row = (name: string) => byTestId('targets-list').locator(`[data-target="${name}"]`);
    expect(await row('laptop').getByTestId('target-last-test').textContent()).toContain('ok');
    expect(await row('remote').getByTestId('target-last-test').textContent()).toContain('failed');
    expect(await row('laptop').getByTestId('target-serves').textContent()).toContain('churn v1');
    await screenshot(p, 'deploy-15-targets');

    expect(e2e.session!.errors).toEqual([]);
  });
});
