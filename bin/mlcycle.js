#!/usr/bin/env node
// The `mlcycle` command. It runs the built CLI (out/main/cli.js), which `npm install` produces
// through the package's "prepare" script and `npm run build` refreshes.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  process.stderr.write(
    `mlcycle: the build is missing (${fileURLToPath(cli)}).\nRun "npm run build" in ${fileURLToPath(new URL('..', import.meta.url))} first.\n`,
  );
  process.exit(1);
}
await import(cli.href);
