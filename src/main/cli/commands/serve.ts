import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { defaultHomeDir } from '../../engine/home';
import { trustedKeys } from '../../engine/signing/keys';
import { adminRoutes } from '../../serve/admin';
import { InferencePool } from '../../serve/inference-pool';
import { ModelSet } from '../../serve/model-set';
import { PackageStore } from '../../serve/package-store';
import { PredictionLog, predictionRecord } from '../../serve/prediction-log';
import { loadServedModel, PackageRejected, type ExecutionProvider } from '../../serve/served-model';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_REQUEST_TIMEOUT_MS, startModelServer } from '../../serve/server';
import { stopSignal, UsageError, type CliIo, type RunCommand } from '../output';
import { parsePort } from './ui';

interface ServeFlags {
  host: string;
  port: string;
  tokenFile?: string;
  tlsCert?: string;
  tlsKey?: string;
  provider: string;
  strictCategories?: boolean;
  threads: string;
  maxBodyMb: string;
  timeoutMs: string;
  store?: string;
  logDir?: string;
  logSample: string;
  logMaxMb: string;
  json?: boolean;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

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
    .argument('[package...]', 'package folders or .mlpkg files (several versions of one model: the last is active)')
    .option('--host <address>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--port <n>', 'port to listen on; 0 picks a free one', '8080')
    .option('--token-file <file>', 'a file holding the admin token (admin API and prediction log need it)')
    .option('--tls-cert <file>', 'PEM certificate: serve HTTPS (with --tls-key)')
    .option('--tls-key <file>', 'PEM private key for --tls-cert')
    .option('--provider <name>', 'execution provider: cpu, or cuda where onnxruntime-node’s CUDA libraries are installed (falls back to cpu, logged)', 'cpu')
    .option('--threads <n>', 'inference threads beside the one answering HTTP (onnxruntime-node scores on the calling thread); auto: one per core but one, none on 2 cores or fewer', 'auto')
    .option('--strict-categories', 'refuse (400) categories the model never saw instead of scoring them as "other"')
    .option('--max-body-mb <n>', 'largest request body accepted, in MB', String(DEFAULT_MAX_BODY_BYTES / 1024 / 1024))
    .option('--timeout-ms <n>', 'answer 504 when a request takes longer than this', String(DEFAULT_REQUEST_TIMEOUT_MS))
    .option('--store <dir>', 'keep uploaded packages and the active versions here (admin API), and serve them again after a restart')
    .option('--log-dir <dir>', 'log every request’s inputs, outputs and latency here (rotating NDJSON), read back at GET /v2/logs/predictions with the token')
    .option('--log-sample <share>', 'share of requests logged, from 0 to 1', '1')
    .option('--log-max-mb <n>', 'the prediction log keeps at most this many MB, deleting the oldest segments', '256')
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
        if (packages.length === 0 && !opts.store) throw new UsageError('name the packages to serve, or a --store to serve (and receive) uploaded ones');
        const sample = Number(opts.logSample);
        if (!(sample > 0 && sample <= 1)) throw new UsageError(`--log-sample is a share above 0 and at most 1, got "${opts.logSample}"`);
        const token = opts.tokenFile ? fs.readFileSync(path.resolve(io.cwd, opts.tokenFile), 'utf8').trim() : null;
        if (opts.tokenFile && !token) throw new UsageError(`${opts.tokenFile} is empty: put the admin token in it`);
        const threads = opts.threads === 'auto' ? (os.availableParallelism() > 2 ? os.availableParallelism() - 1 : 0) : Number(opts.threads);
        if (!Number.isInteger(threads) || threads < 0 || threads > 256) throw new UsageError(`--threads is auto or a whole number from 0 to 256, got "${opts.threads}"`);
        const pool = InferencePool.start(threads);
        if (threads > 0 && !pool) log('the inference worker file was not found beside the server; scoring on the main thread');
        // The inference threads keep the process alive: they are ended on every way out.
        try {
          const models = new ModelSet();
          const store = opts.store ? new PackageStore(path.resolve(io.cwd, opts.store), trusted, opts.provider as ExecutionProvider, log, pool) : null;
          await store?.loadAll(models);
          for (const p of packages) {
            const location = path.resolve(io.cwd, p);
            try {
              models.add(await loadServedModel(location, trusted, opts.provider as ExecutionProvider, log, pool), true);
            } catch (error) {
              if (error instanceof PackageRejected) throw new Error(error.message);
              throw error;
            }
          }
          const tls = opts.tlsCert ? { cert: fs.readFileSync(path.resolve(io.cwd, opts.tlsCert)), key: fs.readFileSync(path.resolve(io.cwd, opts.tlsKey!)) } : undefined;
          const predictions = opts.logDir ? new PredictionLog({ dir: path.resolve(io.cwd, opts.logDir), sampleRate: sample, maxBytes: positive(opts.logMaxMb, '--log-max-mb') * 1024 * 1024 }) : null;
          const server = await startModelServer({
            models,
            host: opts.host,
            port,
            tls,
            maxBodyBytes,
            requestTimeoutMs,
            strictCategories: opts.strictCategories,
            log,
            extraRoutes: adminRoutes({ token, models, store, log: predictions, audit: (line) => log(`admin: ${line}`) }),
            onPrediction: predictions ? (p) => predictions.append(predictionRecord(p)) : undefined,
          }).catch((error: NodeJS.ErrnoException) => {
            if (error.code === 'EADDRINUSE') throw new Error(`Port ${port} is already in use on ${opts.host}: stop what uses it, or pass --port N (0 picks a free port).`);
            throw error;
          });
          if (!token && !LOOPBACK.has(opts.host)) log(`warning: listening on ${opts.host} without --token-file: anyone who reaches it can score; the admin API is off`);
          const loaded = models.all().map((m) => ({ name: m.name, version: m.version, provider: m.provider, active: models.state(m.name).active === m.version }));
          if (opts.json) io.out(`${JSON.stringify({ url: server.url, port: server.port, threads: pool?.size ?? 0, models: loaded })}\n`);
          else {
            io.out(`Serving ${loaded.filter((m) => m.active).map((m) => `${m.name} v${m.version}`).join(', ') || 'no models yet (upload one to /v2/admin/packages)'} at ${server.url} (${loaded[0]?.provider ?? opts.provider})\n`);
            for (const name of models.names()) io.out(`  POST ${server.url}/v2/models/${name}/infer\n`);
            io.out(`  GET  ${server.url}/metrics · ${pool ? `${pool.size} inference threads` : 'scoring on the main thread'} · Ctrl+C stops after the requests in flight\n`);
          }
          await stopSignal();
          log('stopping: finishing the requests in flight');
          await server.close();
          predictions?.close();
        } finally {
          await pool?.close();
        }
      }, opts.json),
    );
}
