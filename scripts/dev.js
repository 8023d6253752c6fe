#!/usr/bin/env node
// Development with hot reload: `electron-vite dev`, plus what plain `electron-vite dev` lacks, the
// Electron-ABI better-sqlite3 binary for the engine process (MLCYCLE_SQLITE_BINDING). Without
// Electron (no binary, no display) use `npm start -- --headless` or `mlcycle ui` instead.
// Extra arguments go to electron-vite: `npm run dev -- --inspect`.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronSqlite, resolveElectron } from './electron-native.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const say = (line) => console.log(`MLCycle: ${line}`);

const electron = resolveElectron(root, say);
if (!electron.ok) {
  console.error(`MLCycle: Electron is unavailable: ${electron.reason}. For the browser workspace run "npm start -- --headless".`);
  process.exit(1);
}
let binding;
try {
  binding = ensureElectronSqlite({ root, electronVersion: electron.version, log: say });
} catch (error) {
  console.error(`MLCycle: ${error.message}`);
  process.exit(1);
}
const rootRequire = createRequire(path.join(root, 'package.json'));
const bin = path.join(path.dirname(rootRequire.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const env = { ...process.env, MLCYCLE_SQLITE_BINDING: binding, ELECTRON_EXEC_PATH: electron.path };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(process.execPath, [bin, 'dev', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
