import type * as TfModule from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Which TensorFlow.js backend trains the MLP: the native TensorFlow bindings when the user
 * installed them (tfjs-node-gpu with a CUDA GPU, else tfjs-node), else WebAssembly, else plain
 * JavaScript. The first that loads wins; what was tried and why it failed is kept for the run.
 */
export type Tf = typeof TfModule;

export interface BackendChoice {
  /** tfjs-node-gpu, tfjs-node, wasm or cpu. */
  name: 'tfjs-node-gpu' | 'tfjs-node' | 'wasm' | 'cpu';
  device: 'gpu' | 'cpu';
  /** Candidates that failed before this one, with the reason. */
  skipped: Array<{ name: string; reason: string }>;
}

export interface Candidate {
  name: BackendChoice['name'];
  device: BackendChoice['device'];
  /** Loads the backend and returns the tf namespace it registered; throws if unavailable. */
  load(): Promise<Tf>;
}

const nodeRequire = createRequire(import.meta.url);

/** The default order. Each loader is tiny so the policy (order, fallback, reasons) can be tested apart from it. */
export function defaultCandidates(): Candidate[] {
  return [
    { name: 'tfjs-node-gpu', device: 'gpu', load: async () => requireNative('@tensorflow/tfjs-node-gpu') },
    { name: 'tfjs-node', device: 'cpu', load: async () => requireNative('@tensorflow/tfjs-node') },
    {
      name: 'wasm',
      device: 'cpu',
      load: async () => {
        const tf = (await import('@tensorflow/tfjs')) as Tf;
        const wasm = await import('@tensorflow/tfjs-backend-wasm');
        // In Node the .wasm binaries are read from the package's dist folder.
        wasm.setWasmPaths(`${path.dirname(nodeRequire.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}${path.sep}`);
        if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not initialise');
        return tf;
      },
    },
    {
      name: 'cpu',
      device: 'cpu',
      load: async () => {
        const tf = (await import('@tensorflow/tfjs')) as Tf;
        await tf.setBackend('cpu');
        return tf;
      },
    },
  ];
}

function requireNative(name: string): Tf {
  const tf = nodeRequire(name) as Tf;
  if (tf.getBackend() !== 'tensorflow') throw new Error(`${name} loaded but its backend is ${tf.getBackend()}`);
  return tf;
}

/** Tries the candidates in order; the first that loads is used. Only when all fail is it an error. */
export async function selectBackend(candidates: Candidate[] = defaultCandidates()): Promise<{ tf: Tf; choice: BackendChoice }> {
  const skipped: BackendChoice['skipped'] = [];
  for (const c of candidates) {
    try {
      const tf = await c.load();
      await tf.ready();
      return { tf, choice: { name: c.name, device: c.device, skipped } };
    } catch (error) {
      skipped.push({ name: c.name, reason: ((error as Error).message ?? String(error)).split('\n')[0]! });
    }
  }
  throw new Error(`No TensorFlow.js backend could start: ${skipped.map((s) => `${s.name} (${s.reason})`).join('; ')}`);
}

let selected: Promise<{ tf: Tf; choice: BackendChoice }> | null = null;

/** Selected once per worker thread. */
export function backend(): Promise<{ tf: Tf; choice: BackendChoice }> {
  selected ??= selectBackend();
  return selected;
}

export function describeBackend(choice: BackendChoice): string {
  return `TensorFlow.js ${choice.name} (${choice.device.toUpperCase()})`;
}
