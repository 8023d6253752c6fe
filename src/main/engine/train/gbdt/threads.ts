import fs from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { TaskKind } from '../learner';
import type { Memory } from './kernels';
import type { WasmMemory } from './wasm';

/** What a worker is started with: the shared buffers behind Memory, and the loss to compute. */
export interface WorkerSetup {
  /** Thread index (the main thread is 0). */
  index: number;
  rows: number;
  features: number;
  stride: number;
  outputs: number;
  objective: { kind: TaskKind; classes: number } | null;
  wasm: WasmMemory;
  at: Memory['at'];
  buffers: Record<'prob' | 'y' | 'results' | 'arena' | 'sync', SharedArrayBuffer>;
}

export type ToWorker =
  | { type: 'arena'; arena: SharedArrayBuffer }
  | { type: 'run'; tasks: number[] }
  /** Bin these features (columns are copies, transferred) into byColumn; reply with their cuts. */
  | { type: 'bin'; features: number[]; columns: Float64Array[]; sample: Uint32Array | null; maxBins: number };

export interface FromWorker {
  cuts?: Float64Array[];
}

/**
 * The worker's entry: in a build, gbdt-worker.js beside the bundle (electron-vite lists it as an
 * input, like job-worker); from source (tests, the bench), worker.ts through tsx.
 */
export function workerEntry(): URL | null {
  return entryOf(new URL('./gbdt-worker.js', import.meta.url), new URL('./worker.ts', import.meta.url));
}

/** A worker's built file if it exists beside the bundle, else its source (run through tsx), else null. */
export function entryOf(built: URL, source: URL): URL | null {
  if (fs.existsSync(fileURLToPath(built))) return built;
  return fs.existsSync(fileURLToPath(source)) ? source : null;
}

export function spawn(entry: URL, setup: unknown): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, { workerData: setup });
  // As in jobs/spawn-worker.ts: Node 20 does not apply `--import tsx` to a worker's entry, so register tsx first.
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: setup });
}

/** Starts the workers and waits until each has said it is ready; on any failure, ends them all and returns none. */
export async function startWorkers(count: number, setup: (index: number) => WorkerSetup, log: (message: string) => void): Promise<Worker[]> {
  const entry = count > 0 ? workerEntry() : null;
  if (count > 0 && !entry) log('worker file not found beside the engine; training on one thread');
  if (!entry) return [];
  const workers = Array.from({ length: count }, (_, w) => spawn(entry, setup(w + 1)));
  try {
    await Promise.all(workers.map((w) => new Promise<void>((resolve, reject) => w.once('message', () => resolve()).once('error', reject))));
    return workers;
  } catch (error) {
    await Promise.all(workers.map((w) => w.terminate()));
    log(`workers failed to start (${(error as Error).message}); training on one thread`);
    return [];
  }
}
