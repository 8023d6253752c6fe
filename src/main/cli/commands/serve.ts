import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { defaultHomeDir } from '../../engine/home';
import { trustedKeys } from '../../engine/signing/keys';
import { ModelSet } from '../../serve/model-set';
import { loadServedModel, PackageRejected, type ExecutionProvider } from '../../serve/served-model';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_REQUEST_TIMEOUT_MS, startModelServer } from '../../serve/server';
import { UsageError, type CliIo, type RunCommand } from '../output';
import { parsePort } from './ui';

interface ServeFlags {
  host: string;
  port: string;
  tokenFile?: string;
  tlsCert?: string;
  tlsKey?: string;
  provider: string;
  strictCategories?: boolean;
  maxBodyMb: string;
  timeoutMs: string;
  json?: boolean;
}

function positive(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a number above 0, got "${value}"`);
  return n;
}

/** `mlcycle serve <package...>`: the model server on onnxruntime-node (Open Inference Protocol v2, MLflow /invocations, /metrics). */
export function registerServe(program: Command, io: CliIo, run: RunCommand): void {
  program
    .command('serve')
    .description('Serve model packages over the Open Inference Protocol v2 (REST) and MLflow /invocations, with Prometheus /metrics; each package is verified against your trusted keys first')
    .argument('<package...>', 'package folders or .mlpkg files (several versions of one model: the last is active)')
    .option('--host <address>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--port <n>', 'port to listen on; 0 picks a free one', '8080')
    .option('--token-file <file>', 'a file holding the admin token (admin API and prediction log need it)')
    .option('--tls-cert <file>', 'PEM certificate: serve HTTPS (with --tls-key)')
    .option('--tls-key <file>', 'PEM private key for --tls-cert')
    .option('--provider <name>', 'execution provider: cpu, or cuda where onnxruntime-node’s CUDA libraries are installed (falls back to cpu, logged)', 'cpu')
    .option('--strict-categories', 'refuse (400) categories the model never saw instead of scoring them as "other"')
    .option('--max-body-mb <n>', 'largest request body accepted, in MB', String(DEFAULT_MAX_BODY_BYTES / 1024 / 1024))
    .option('--timeout-ms <n>', 'answer 504 when a request takes longer than this', String(DEFAULT_REQUEST_TIMEOUT_MS))
    .option('--json', 'print {url, port, models: [{name, version, provider}]} as one JSON line when ready')
    .action((packages: string[], opts: ServeFlags) =>
      run(async () => {
        const port = parsePort(opts.port);
        if (opts.provider !== 'cpu' && opts.provider !== 'cuda') throw new UsageError(`--provider is cpu or cuda, got "${opts.provider}"`);
        if (Boolean(opts.tlsCert) !== Boolean(opts.tlsKey)) throw new UsageError('--tls-cert and --tls-key go together');
        const maxBodyBytes = Math.round(positive(opts.maxBodyMb, '--max-body-mb') * 1024 * 1024);
        const requestTimeoutMs = Math.round(positive(opts.timeoutMs, '--timeout-ms'));
        const log = (line: string) => io.err(`${new Date().toISOString()} ${line}\n`);
        const trusted = trustedKeys(io.env.MLCYCLE_HOME ?? defaultHomeDir());
        const models = new ModelSet();
        for (const p of packages) {
          const location = path.resolve(io.cwd, p);
          try {
            models.add(await loadServedModel(location, trusted, opts.provider as ExecutionProvider, log), true);
          } catch (error) {
            if (error instanceof PackageRejected) throw new Error(error.message);
            throw error;
          }
        }
        const tls = opts.tlsCert ? { cert: fs.readFileSync(path.resolve(io.cwd, opts.tlsCert)), key: fs.readFileSync(path.resolve(io.cwd, opts.tlsKey!)) } : undefined;
        const server = await startModelServer({ models, host: opts.host, port, tls, maxBodyBytes, requestTimeoutMs, strictCategories: opts.strictCategories, log });
        const loaded = models.all().map((m) => ({ name: m.name, version: m.version, provider: m.provider, active: models.state(m.name).active === m.version }));
        if (opts.json) io.out(`${JSON.stringify({ url: server.url, port: server.port, models: loaded })}\n`);
        else {
          io.out(`Serving ${loaded.filter((m) => m.active).map((m) => `${m.name} v${m.version}`).join(', ')} at ${server.url} (${loaded[0]?.provider ?? 'cpu'})\n`);
          for (const name of models.names()) io.out(`  POST ${server.url}/v2/models/${name}/infer\n`);
          io.out(`  GET  ${server.url}/metrics · Ctrl+C stops after the requests in flight\n`);
        }
        await new Promise<void>((resolve) => {
          let stopping = false;
          const stop = () => {
            if (stopping) process.exit(130);
            stopping = true;
            resolve();
          };
          process.on('SIGINT', stop);
          process.on('SIGTERM', stop);
        });
        log('stopping: finishing the requests in flight');
        await server.close();
      }, opts.json),
    );
}
