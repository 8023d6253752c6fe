import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Plumbing for the end-to-end tests: the headless host (`mlcycle ui`) on a fresh data folder, and
 * the system Chromium with a throwaway profile. Whatever starts something here also stops it.
 */

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');
const CHROMIUM = process.env.MLCYCLE_CHROMIUM ?? '/usr/bin/chromium';
const HOST_START_TIMEOUT_MS = 30_000;

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), `mlcycle-e2e-${prefix}-`));
}

export interface Host {
  url: string;
  port: number;
  /** MLCYCLE_HOME of this host (recent projects, settings). */
  home: string;
  /** Everything the host wrote to stderr so far, for failure messages. */
  stderr(): string;
  stop(): Promise<void>;
}

/** Starts `node bin/mlcycle.js ui --port 0 --json` with a fresh MLCYCLE_HOME; resolves once it printed its URL. */
export async function startHost(options: { project?: string } = {}): Promise<Host> {
  const bin = path.join(REPO_ROOT, 'bin', 'mlcycle.js');
  const build = process.env.MLCYCLE_BUILD_DIR ?? path.join(REPO_ROOT, 'out');
  if (!existsSync(path.join(build, 'renderer', 'index.html'))) {
    throw new Error('out/renderer is missing: run `npx electron-vite build` (npm test does) before the e2e tests.');
  }
  const home = tempDir('home');
  const cwd = tempDir('cwd');
  const args = [bin, 'ui', '--port', '0', '--json'];
  if (options.project) args.push('--project', options.project);
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, MLCYCLE_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));

  const ready = await new Promise<{ url: string; port: number }>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => fail(new Error(`mlcycle ui did not print its URL within ${HOST_START_TIMEOUT_MS} ms`)), HOST_START_TIMEOUT_MS);
    function fail(error: Error) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\nstdout: ${stdout}\nstderr: ${stderr}`));
    }
    child.once('exit', (code, signal) => fail(new Error(`mlcycle ui exited early (code ${code}, signal ${signal})`)));
    child.once('error', (error) => fail(error));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const line = stdout.split('\n').find((l) => l.trim().startsWith('{'));
      if (!line || !stdout.includes('\n')) return;
      try {
        const parsed = JSON.parse(line) as { url: string; port: number };
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(parsed);
      } catch (error) {
        fail(new Error(`mlcycle ui printed a line that is not JSON: ${line} (${(error as Error).message})`));
      }
    });
  });

  return {
    ...ready,
    home,
    stderr: () => stderr,
    stop: async () => {
      await stopProcess(child);
      rmSync(home, { recursive: true, force: true });
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}

/** SIGTERM, then SIGKILL if the process has not exited after a grace period. */
async function stopProcess(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export interface BrowserSession {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

/** The system Chromium, headless, with a fresh temporary profile and a 1280×800 light-scheme page. */
export async function launchBrowser(): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: 'light', reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return {
    browser,
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      await browser.close();
    },
  };
}

/** Saves a full-window screenshot as test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
