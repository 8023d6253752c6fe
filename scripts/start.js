#!/usr/bin/env node
// `npm start`: builds out/ if needed, then launches the desktop app where Electron can start, and
// otherwise the headless workspace (`mlcycle ui`, which prints "MLCycle workspace: <url>").
// Extra arguments go to the app: `npm start -- --port 0`. `--headless` (or MLCYCLE_HEADLESS=1)
// skips Electron; MLCYCLE_SKIP_BUILD=1 skips the build check.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronSqlite, resolveElectron } from './electron-native.js';
import {
  BUILD_OUTPUTS,
  buildNeeded,
  classifyElectronExit,
  electronArgs,
  headlessArgs,
  headlessReason,
} from './launch-plan.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rootRequire = createRequire(path.join(root, 'package.json'));
const argv = process.argv.slice(2);
const say = (line) => console.log(`MLCycle: ${line}`);

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

function newestMtime(dir) {
  let newest = null;
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else newest = Math.max(newest ?? 0, mtime(full) ?? 0);
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return newest;
}

function ensureBuilt() {
  if (process.env.MLCYCLE_SKIP_BUILD === '1') return;
  const outputs = BUILD_OUTPUTS.map((f) => mtime(path.join(root, f)));
  const sources = Math.max(newestMtime(path.join(root, 'src')) ?? 0, mtime(path.join(root, 'electron.vite.config.ts')) ?? 0);
  const need = buildNeeded(outputs, sources || null);
  if (!need) return;
  say(need === 'missing' ? 'building the app (first run)...' : 'sources changed; rebuilding...');
  const bin = path.join(path.dirname(rootRequire.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`MLCycle: the build failed (electron-vite build exited with ${result.status ?? result.error?.message}).`);
    process.exit(1);
  }
}

// Children run in their own process group (POSIX), so a Ctrl+C or a `kill` of the group reaches
// them exactly once, through us: a signal delivered twice would defeat their graceful shutdown.
const ownGroup = process.platform !== 'win32';

function forwardSignals(child) {
  const forward = (signal) => () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward(signal));
  process.on('exit', () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  });
}

function runHeadless(reason) {
  say(`${reason}; starting the headless workspace instead (open the URL below in a browser).`);
  const cli = path.join(root, 'bin', 'mlcycle.js');
  const child = spawn(process.execPath, [cli, ...headlessArgs(argv)], { cwd: process.cwd(), stdio: 'inherit', env: process.env, detached: ownGroup });
  forwardSignals(child);
  child.on('error', (error) => {
    console.error(`MLCycle: could not start the headless workspace: ${error.message}`);
    process.exit(1);
  });
  child.on('exit', (code, signal) => process.exit(code ?? classifyElectronExit({ code, signal, elapsedMs: Infinity }).code));
}

function runElectron(electron, binding) {
  const env = { ...process.env, MLCYCLE_SQLITE_BINDING: binding };
  delete env.ELECTRON_RUN_AS_NODE;
  const started = Date.now();
  const child = spawn(electron.path, electronArgs(root, argv), { cwd: root, stdio: 'inherit', env, detached: ownGroup });
  forwardSignals(child);
  let settled = false;
  child.on('error', (error) => {
    if (settled) return;
    settled = true;
    runHeadless(`Electron could not be started (${error.message})`);
  });
  child.on('exit', (code, signal) => {
    if (settled) return;
    settled = true;
    const decision = classifyElectronExit({ code, signal, elapsedMs: Date.now() - started });
    if (decision.action === 'fallback') runHeadless(decision.reason);
    else process.exit(decision.code);
  });
}

function main() {
  ensureBuilt();
  const early = headlessReason({ platform: process.platform, env: process.env, argv });
  if (early) return runHeadless(early);
  const electron = resolveElectron(root, say);
  if (!electron.ok) return runHeadless(`Electron is unavailable: ${electron.reason}`);
  let binding;
  try {
    binding = ensureElectronSqlite({ root, electronVersion: electron.version, log: say });
  } catch (error) {
    console.error(`MLCycle: ${error.message}`);
    return runHeadless(`the Electron build of better-sqlite3 is unavailable (details above)`);
  }
  runElectron(electron, binding);
}

main();
