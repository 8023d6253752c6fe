import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerInput } from './protocol';

/**
 * Locates the worker entry. In a build, electron-vite emits it as job-worker.js next to the bundle
 * that contains this code; when running from source (tests, the bench), it is the .ts file, loaded
 * through tsx.
 */
export function workerEntry(): URL {
  const built = new URL('./job-worker.js', import.meta.url);
  if (fs.existsSync(fileURLToPath(built))) return built;
  return new URL('./worker-entry.ts', import.meta.url);
}

export function spawnTaskWorker(input: WorkerInput): Worker {
  const entry = workerEntry();
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: input });
  // Node 20 does not apply `--import tsx` to a worker's own entry, so register tsx first, then load it.
  // require.resolve finds the CommonJS build; its ESM twin sits beside it and is the one that registers hooks.
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: input });
}
