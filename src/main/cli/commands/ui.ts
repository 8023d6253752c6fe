import type { Command } from 'commander';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { typedClient } from '../../../shared/client';
import { createEngine } from '../../engine/engine';
import { inProcessBridge } from '../../engine/in-process';
import { DB_FILE } from '../../engine/store/database';
import { startHeadlessHost } from '../../host/headless';
import { stopSignal, UsageError, type CliIo, type RunCommand } from '../output';

/** The built renderer sits beside the built CLI (out/main/cli.js → out/renderer). */
function rendererDir(env: NodeJS.ProcessEnv): string {
  return env.MLCYCLE_RENDERER_DIR ?? fileURLToPath(new URL('../renderer', import.meta.url));
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError(`--port must be a whole number from 0 to 65535, got "${value}"`);
  return port;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

export function registerUi(program: Command, io: CliIo, run: RunCommand): void {
  program
    .command('ui')
    .description('Serve the workspace to a browser (headless host): the UI plus a token-protected WebSocket bridge')
    .option('--project <dir>', 'project to open (default: the current folder, if it is a project)')
    .option('--host <address>', 'address to listen on; use 0.0.0.0 to serve a remote GPU box', '127.0.0.1')
    .option('--port <n>', 'port to listen on; 0 picks a free one', '7311')
    .option('--json', 'print {url, host, port} as one JSON line when ready')
    .action((opts: { project?: string; host: string; port: string; json?: boolean }) =>
      run(async () => {
        const port = parsePort(opts.port);
        const engine = createEngine({ host: 'headless' });
        const client = typedClient(inProcessBridge(engine));
        const projectDir = path.resolve(io.cwd, opts.project ?? '.');
        if (opts.project !== undefined || fs.existsSync(path.join(projectDir, DB_FILE))) {
          await client.call('project.open', { dir: projectDir });
        }
        const host = await startHeadlessHost({ engine, host: opts.host, port, rendererDir: rendererDir(io.env) });
        if (opts.json) io.out(`${JSON.stringify({ url: host.url, host: host.host, port: host.port })}\n`);
        else {
          io.out(`MLCycle workspace: ${host.url}\n`);
          io.out('Open it in a browser. Press Ctrl+C to stop.\n');
        }
        if (!LOOPBACK.has(opts.host)) {
          io.err(`Warning: listening on ${opts.host}. Anyone on the network who has the URL with its token can use this workspace; prefer an SSH tunnel to 127.0.0.1.\n`);
        }
        // First Ctrl+C/SIGTERM: finish in-flight work and close the project cleanly.
        await stopSignal();
        await host.close();
        await engine.dispose();
      }, opts.json),
    );
}
