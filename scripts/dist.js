#!/usr/bin/env node
// `npm run dist`: build out/, package it with electron-builder (build/electron-builder.yml), then
// put back the Node-ABI native binaries. electron-builder rebuilds native dependencies for
// Electron *in place* in node_modules (npmRebuild), which would otherwise leave better-sqlite3
// unloadable for the tests and the `mlcycle` CLI that run on plain Node.
// Extra arguments go to electron-builder: `npm run dist -- --linux AppImage`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rootRequire = createRequire(path.join(root, 'package.json'));
const NODE_ABI_BINARIES = ['node_modules/better-sqlite3/build/Release/better_sqlite3.node'];

function bin(pkg, relative) {
  return path.join(path.dirname(rootRequire.resolve(`${pkg}/package.json`)), relative);
}

function run(script, args) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
  return result.status ?? 1;
}

const backupDir = path.join(root, '.cache', 'dist-node-abi');
const saved = [];
fs.rmSync(backupDir, { recursive: true, force: true });
for (const file of NODE_ABI_BINARIES) {
  const from = path.join(root, file);
  if (!fs.existsSync(from)) continue;
  const to = path.join(backupDir, file);
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
  saved.push([to, from]);
}

let status = run(bin('electron-vite', 'bin/electron-vite.js'), ['build']);
try {
  if (status === 0) {
    status = run(bin('electron-builder', 'cli.js'), ['--config', path.join('build', 'electron-builder.yml'), ...process.argv.slice(2)]);
  }
} finally {
  for (const [backup, original] of saved) fs.copyFileSync(backup, original);
  fs.rmSync(backupDir, { recursive: true, force: true });
  if (saved.length) console.log('MLCycle: restored the Node build of better-sqlite3 for tests and the CLI.');
}
process.exit(status);
