import type { Worker } from 'node:worker_threads';
import ort from 'onnxruntime-node';
import { entryOf, spawn } from '../engine/train/gbdt/threads';

/** A tensor as it crosses threads: plain data, rebuilt as an ort.Tensor on the other side. */
export interface PlainTensor {
  type: 'float32' | 'string' | 'int64' | 'float64' | 'int32' | 'bool';
  data: Float32Array | Float64Array | BigInt64Array | Int32Array | Uint8Array | string[];
  dims: number[];
}

export type ToInferenceWorker =
  | { type: 'load'; id: number; key: string; bytes: Uint8Array }
  | { type: 'release'; id: number; key: string }
  | { type: 'run'; id: number; key: string; feeds: Record<string, PlainTensor> };

interface Reply {
  id: number;
  ok: boolean;
  error?: string;
  outputs?: Record<string, PlainTensor>;
}

interface Thread {
  worker: Worker;
  busy: number;
  pending: Map<number, { resolve: (r: Reply) => void; reject: (e: Error) => void }>;
}

/**
 * Inference threads for the model server. Every thread loads every model; a request goes to the
 * thread with the fewest requests in flight. The main thread keeps HTTP, parsing and validation.
 */
export class InferencePool {
  private readonly threads: Thread[];
  private nextId = 1;

  private constructor(threads: Thread[]) {
    this.threads = threads;
  }

  /** null when the worker file cannot be found (then the server scores on its main thread). */
  static start(size: number): InferencePool | null {
    const entry = entryOf(new URL('./inference-worker.js', import.meta.url), new URL('./inference-worker.ts', import.meta.url));
    if (!entry || size < 1) return null;
    const threads = Array.from({ length: size }, () => {
      const thread: Thread = { worker: spawn(entry, null), busy: 0, pending: new Map() };
      thread.worker.on('message', (reply: Reply) => {
        const waiting = thread.pending.get(reply.id);
        thread.pending.delete(reply.id);
        waiting?.resolve(reply);
      });
      thread.worker.on('error', (error) => {
        for (const w of thread.pending.values()) w.reject(error);
        thread.pending.clear();
      });
      return thread;
    });
    return new InferencePool(threads);
  }

  get size(): number {
    return this.threads.length;
  }

  private send(thread: Thread, message: ToInferenceWorker, transfer: ArrayBuffer[] = []): Promise<Reply> {
    return new Promise((resolve, reject) => {
      thread.pending.set(message.id, { resolve, reject });
      thread.worker.postMessage(message, transfer);
    }).then((reply) => {
      const r = reply as Reply;
      if (!r.ok) throw new Error(r.error);
      return r;
    });
  }

  async load(key: string, bytes: Uint8Array): Promise<void> {
    await Promise.all(this.threads.map((t) => this.send(t, { type: 'load', id: this.nextId++, key, bytes })));
  }

  async release(key: string): Promise<void> {
    await Promise.all(this.threads.map((t) => this.send(t, { type: 'release', id: this.nextId++, key }).catch(() => undefined)));
  }

  /** Runs the model on the least busy thread. Inputs are copied (the prediction log still reads them); outputs come back without a copy. */
  async run(key: string, feeds: Record<string, ort.Tensor>): Promise<Record<string, ort.Tensor>> {
    const thread = this.threads.reduce((a, b) => (b.busy < a.busy ? b : a));
    const plain = Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, { type: t.type, data: t.data, dims: t.dims.map(Number) } as PlainTensor]));
    thread.busy++;
    try {
      const reply = await this.send(thread, { type: 'run', id: this.nextId++, key, feeds: plain });
      return Object.fromEntries(Object.entries(reply.outputs!).map(([name, t]) => [name, new ort.Tensor(t.type as never, t.data as never, t.dims)]));
    } finally {
      thread.busy--;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.worker.terminate()));
  }
}
