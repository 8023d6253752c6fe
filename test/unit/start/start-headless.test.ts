import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * Really runs `node scripts/start.js --port 0` where Electron cannot start, and checks that it
 * falls back to the headless workspace: the URL is printed and serves the app. Electron is made
 * unavailable the same way on every machine (ELECTRON_OVERRIDE_DIST_PATH → an empty folder), so
 * this never opens a window even where Electron is installed. Needs the build (npm test builds).
 */
const root = path.resolve(import.meta.dirname, '..', '..', '..');
const built = fs.existsSync(path.join(root, 'out', 'main', 'cli.js')) && fs.existsSync(path.join(root, 'out', 'renderer', 'index.html'));

let child: ChildProcess | null = null;
const temps: string[] = [];

function temp(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

async function killTree(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  try {
    process.kill(-proc.pid!, 'SIGTERM'); // the whole group: start.js and `mlcycle ui`
  } catch {
    proc.kill('SIGTERM');
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-proc.pid!, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }, 5000);
  await exited;
  clearTimeout(timer);
}

afterEach(async () => {
  if (child) await killTree(child);
  child = null;
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(process.platform === 'win32' || !built)('npm start without Electron', () => {
  it('falls back to the headless workspace and prints a URL that serves the app', async () => {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      MLCYCLE_HOME: temp('mlcycle-start-home-'),
      ELECTRON_OVERRIDE_DIST_PATH: temp('mlcycle-no-electron-'),
      DISPLAY: ':0', // pretend a display exists, so the Electron path is really tried
      MLCYCLE_SKIP_BUILD: '1',
    };
    delete env.MLCYCLE_HEADLESS;
    child = spawn(process.execPath, [path.join(root, 'scripts', 'start.js'), '--port', '0'], {
      cwd: temp('mlcycle-start-cwd-'),
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL within 30 s; output so far:\n${output}`)), 30_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /MLCycle workspace: (\S+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child!.stdout!.on('data', onData);
      child!.stderr!.on('data', onData);
      child!.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`start.js exited (${code}) before printing a URL:\n${output}`));
      });
    });

    expect(output).toMatch(/MLCycle: Electron is unavailable: .*; starting the headless workspace instead/);
    expect(new URL(url).hostname).toBe('127.0.0.1');
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/<html/i);

    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    process.kill(-child.pid!, 'SIGTERM');
    await expect(exited).resolves.toBe(0);
  }, 60_000);
});
