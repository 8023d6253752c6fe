import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MlcycleError } from '../../../shared/contract/errors';
import { ServerClient } from './server-client';

/** Where a local target keeps its server's files, inside the project (so they move with it). */
export const localTargetDir = (projectDir: string, target: string) => path.join(projectDir, 'deploy', target);

interface Running {
  pid: number;
  port: number;
  url: string;
}

/** The CLI to start: the built cli.js beside this bundle, or bin/mlcycle.js when running from source (tests). */
function cliEntry(): string {
  const built = fileURLToPath(new URL('./cli.js', import.meta.url));
  if (fs.existsSync(built)) return built;
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../bin/mlcycle.js');
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

function readRunning(dir: string): Running | null {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'server.json'), 'utf8')) as Running;
  } catch {
    return null;
  }
}

/** The token local servers use, made once per target and kept owner-only. */
function tokenOf(dir: string): { file: string; token: string } {
  const file = path.join(dir, 'admin.token');
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600 });
  return { file, token: fs.readFileSync(file, 'utf8').trim() };
}

/**
 * Starts the target's `mlcycle serve` on loopback as its own process (detached, so it outlives a
 * UI reload or the CLI command that started it), or finds the one already running. Its store,
 * prediction log and admin token live in the project's deploy/<target>/ folder.
 */
export async function ensureLocalServer(projectDir: string, target: string, port: number, homeDir: string): Promise<{ url: string; token: string; started: boolean }> {
  const dir = localTargetDir(projectDir, target);
  fs.mkdirSync(dir, { recursive: true });
  const { file, token } = tokenOf(dir);
  const running = readRunning(dir);
  if (running && alive(running.pid)) {
    try {
      await new ServerClient({ url: running.url, token }).live();
      return { url: running.url, token, started: false };
    } catch {
      // a stale record: start afresh
    }
  }
  const out = fs.openSync(path.join(dir, 'server.log'), 'a');
  const child = spawn(
    process.execPath,
    [cliEntry(), 'serve', '--store', path.join(dir, 'store'), '--token-file', file, '--log-dir', path.join(dir, 'predictions'), '--host', '127.0.0.1', '--port', String(port), '--json'],
    { detached: true, stdio: ['ignore', 'pipe', out], env: { ...process.env, MLCYCLE_HOME: homeDir, ELECTRON_RUN_AS_NODE: '1' } },
  );
  const busyError = () =>
    new MlcycleError('CONFLICT', `Port ${port} is in use on this machine: stop what uses it, or choose another port for target ${target} (mlcycle targets add ${target} --kind local --port 0 --replace picks a free one; or Edit… on the target in Deploy).`, { field: 'port' });
  const ready = await new Promise<Running>((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new MlcycleError('INTERNAL', `The local server did not start within 30 s; see ${path.join(dir, 'server.log')}.`)), 30_000);
    // `serve --json` prints one line {url, port} when it listens, or {"error": …} (several lines) when it cannot start.
    child.stdout!.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const line = text.split('\n')[0]!;
      const parsed = parseJson(line) ?? parseJson(text);
      if (!parsed) return;
      clearTimeout(timer);
      if (typeof parsed.url === 'string' && typeof parsed.port === 'number') resolve({ pid: child.pid!, port: parsed.port, url: parsed.url });
      else {
        const message = (parsed.error as { message?: string } | undefined)?.message ?? line;
        reject(/in use/i.test(message) ? busyError() : new MlcycleError('INTERNAL', `The local server could not start: ${message}`));
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      const log = fs.readFileSync(path.join(dir, 'server.log'), 'utf8').trim().split('\n').slice(-3).join(' ');
      reject(/EADDRINUSE|in use/.test(log + text) ? busyError() : new MlcycleError('INTERNAL', `The local server exited (code ${code}): ${log || text.trim()}`, { field: 'port' }));
    });
  });
  child.stdout!.destroy();
  // Started: its exit later (an undeploy) is no start failure, and its folder may be gone by then.
  child.removeAllListeners('exit');
  child.unref();
  fs.closeSync(out);
  fs.writeFileSync(path.join(dir, 'server.json'), JSON.stringify(ready));
  return { url: ready.url, token, started: true };
}

function parseJson(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Stops the target's local server (finishing its requests in flight); true when one was running. */
export async function stopLocalServer(projectDir: string, target: string): Promise<boolean> {
  const dir = localTargetDir(projectDir, target);
  const running = readRunning(dir);
  fs.rmSync(path.join(dir, 'server.json'), { force: true });
  if (!running || !alive(running.pid)) return false;
  process.kill(running.pid, 'SIGTERM');
  for (let i = 0; i < 100 && alive(running.pid); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  if (alive(running.pid)) process.kill(running.pid, 'SIGKILL');
  return true;
}

/** The running local server of a target, if any. */
export function localServer(projectDir: string, target: string): { url: string; token: string } | null {
  const dir = localTargetDir(projectDir, target);
  const running = readRunning(dir);
  if (!running || !alive(running.pid)) return null;
  return { url: running.url, token: tokenOf(dir).token };
}

/** Every local server of a project: stopped when the desktop app quits. */
export async function stopAllLocalServers(projectDir: string): Promise<void> {
  const root = path.join(projectDir, 'deploy');
  if (!fs.existsSync(root)) return;
  for (const target of fs.readdirSync(root)) await stopLocalServer(projectDir, target);
}
