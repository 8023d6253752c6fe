import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { mlcycle, type CliResult } from '../helpers/cli';
import { launchBrowser, screenshot, startHost, tempDir, type BrowserSession, type Host } from './harness';

/**
 * What a workspace test holds from beforeAll to afterAll: a temp root with a project made by the
 * CLI (which keeps its own MLCYCLE_HOME there, as a colleague's machine would), the headless host
 * opened on that project, and Chromium. The helpers are arrow properties, so a test file can take
 * them out (`const { page, byTestId } = e2e`) and call them as plain functions.
 */
export class WorkspaceTest {
  root = '';
  project = '';
  host: Host | undefined;
  session: BrowserSession | undefined;

  /** MLCYCLE_HOME of the CLI user: its own key, not the host's. */
  get cliHome(): string {
    return path.join(this.root, 'cli-home');
  }

  readonly page = (): Page => this.session!.page;
  readonly byTestId = (id: string) => this.page().getByTestId(id);

  /** A fresh temp root and `mlcycle init <root>/<name>`, run as the CLI user. */
  initProject(prefix: string, name = 'shop'): void {
    this.root = tempDir(prefix);
    this.project = path.join(this.root, name);
    const init = mlcycle(['init', this.project], { env: { MLCYCLE_HOME: this.cliHome } });
    expect(init.status, init.stderr).toBe(0);
  }

  /** `mlcycle <args> --project <project>` as the CLI user; expects exit 0 (stderr is the message if not). */
  readonly cli = (args: string[]): CliResult => {
    const result = mlcycle([...args, '--project', this.project], { env: { MLCYCLE_HOME: this.cliHome } });
    expect(result.status, result.stderr).toBe(0);
    return result;
  };

  /**
   * Starts the host on the project, then the browser. `trustCliKey`: the CLI signed its packages
   * with its own key; the host's servers then trust it as a colleague's.
   */
  async open(options: { trustCliKey?: boolean } = {}): Promise<void> {
    this.host = await startHost({ project: this.project });
    if (options.trustCliKey) {
      const keys = mlcycle(['keys', 'show', '--json'], { env: { MLCYCLE_HOME: this.cliHome } });
      const { publicKey } = (JSON.parse(keys.stdout) as { own: { publicKey: string } }).own;
      const trust = mlcycle(['keys', 'trust', 'cli', publicKey], { env: { MLCYCLE_HOME: this.host.home } });
      expect(trust.status, trust.stderr).toBe(0);
    }
    this.session = await launchBrowser();
  }

  /** Opens the host's URL in the page and waits until the app says it is ready; returns the page. */
  async openApp(): Promise<Page> {
    const page = this.page();
    await page.goto(this.host!.url);
    await page.locator('[data-app-state="ready"]').waitFor({ timeout: 20_000 });
    return page;
  }

  /** The local target's server process, as the engine recorded it (null once stopped). */
  readonly localServerPid = (target: string): number | null => {
    const file = path.join(this.project, 'deploy', target, 'server.json');
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { pid: number }).pid : null;
  };

  /**
   * Closes the browser and stops the host, then removes the root. A local server outlives the host
   * by design (detached): those of `localTargets` the test left running are ended first.
   */
  async close(options: { localTargets?: string[] } = {}): Promise<void> {
    await this.session?.close();
    for (const target of options.localTargets ?? []) {
      const pid = this.project ? this.localServerPid(target) : null;
      if (!pid) continue;
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await this.host?.stop();
    if (this.root) rmSync(this.root, { recursive: true, force: true });
  }

  /**
   * The whole page: the window made as tall as the content (up to `maxHeight`) for the picture,
   * then put back. The pointer goes out of the way, so no button shows its hover colour.
   */
  readonly fullScreenshot = async (name: string, options: { maxHeight?: number; settleMs?: number } = {}): Promise<void> => {
    const page = this.page();
    const height = await page.evaluate<number>("document.getElementById('main').scrollHeight");
    await page.setViewportSize({ width: 1280, height: Math.min(options.maxHeight ?? 3000, Math.max(800, height + 56)) });
    await page.mouse.move(1, 799);
    if (options.settleMs) await page.waitForTimeout(options.settleMs);
    await screenshot(page, name);
    await page.setViewportSize({ width: 1280, height: 800 });
  };

  /**
   * From the Deploy workspace's target page: the deploy dialog for `model` (checking the version it
   * offers first), the deployment expected live, then on to that target in Monitor.
   */
  readonly deployInDialog = async (model: string, offeredVersion: string): Promise<void> => {
    await this.byTestId('target-open').click();
    await this.byTestId('target-deploy').click();
    await this.byTestId('deploy-dialog').waitFor();
    await this.byTestId('deploy-model').selectOption(model);
    await expect.poll(() => this.byTestId('deploy-version').inputValue(), { timeout: 10_000 }).toBe(offeredVersion);
    await this.byTestId('deploy-submit').click();
    await this.byTestId('deploy-result').waitFor({ timeout: 120_000 });
    expect(await this.byTestId('deploy-result').getAttribute('data-status'), (await this.byTestId('deploy-result').textContent()) ?? '').toBe('live');
    await this.byTestId('deploy-open-target').click();
  };

  /** Alert notices stay until dismissed (they sit over the page's lower left): dismisses them as a user would. */
  readonly dismissNotices = async (): Promise<void> => {
    const dismiss = this.page().locator('.notice').getByRole('button', { name: 'Dismiss' });
    while ((await dismiss.count()) > 0) await dismiss.first().click();
  };

  /** Waits until a chart has been drawn, scrolled into view first (charts draw when they come near it). */
  readonly drawn = async (testId: string, timeout = 20_000): Promise<void> => {
    await this.byTestId(testId).scrollIntoViewIfNeeded();
    await this.byTestId(testId).locator('.main-svg').first().waitFor({ timeout });
  };
}

/**
 * A WorkspaceTest whose hooks this registers (call it at the top of a test file): before the tests a
 * fresh temp root, then `prepare` (write files, run the CLI) which returns the project the host
 * opens, or nothing for the start page; then the host and Chromium. After them all is stopped
 * (with the local servers of `closing.localTargets`) and the root removed.
 */
export function workspaceSuite(prefix: string, timeout: number, prepare?: (e2e: WorkspaceTest) => string | void, closing: { localTargets?: string[] } = {}): WorkspaceTest {
  const e2e = new WorkspaceTest();
  beforeAll(async () => {
    e2e.root = tempDir(prefix);
    const project = prepare?.(e2e);
    if (project) e2e.project = project;
    e2e.host = await startHost(project ? { project } : {});
    e2e.session = await launchBrowser();
  }, timeout);
  afterAll(() => e2e.close(closing), timeout);
  return e2e;
}
