#!/usr/bin/env node
// The `mlcycle` command. It runs the built CLI (out/main/cli.js), which `npm install` produces
// through the package's "prepare" script and `npm run build` refreshes.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// MLCYCLE_BUILD_DIR points at another electron-vite output folder (a private build, for working on
// a change while the shared out/ stays as it is); the CLI finds its renderer beside it.
const cli = process.env.MLCYCLE_BUILD_DIR
  ? pathToFileURL(path.resolve(process.env.MLCYCLE_BUILD_DIR, 'main', 'cli.js'))
  : new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write(
    `mlcycle: the build is missing (${fileURLToPath(cli)}).\nRun "npm run build" in ${fileURLToPath(new URL('..', import.meta.url))} first.\n`,
  );
  process.exit(1);
}
await import(cli.href);
