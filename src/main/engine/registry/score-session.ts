import { createRequire } from 'node:module';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Signature } from './package-docs';

/**
 * onnxruntime-node's session.run holds the calling thread for the whole batch (it is synchronous
 * behind a setImmediate), so the session lives in a worker thread of its own: the task's thread
 * reads the next batch from DuckDB and writes the last one's scores while this one is scored.
 */

/** One batch for the graph: numbers as float32 (NaN where missing), categories as codes. */
export interface ScoreInputs {
  rows: number;
  /** Per input: float32 values, or for a category input 1-based positions in its categories (0: see `other`). */
  columns: Array<Float32Array | Uint16Array>;
  /** Per category input: the text of rows whose value is not one of its categories (null when none). */
  other: Array<Map<number, string> | null>;
}

export interface ScoreOutputs {
  /** Row-major scores: k per row (class probabilities, or one prediction). */
  scores: Float32Array;
  /** Per row, the predicted class as a position in the signature's classes (classifiers only). */
  labels: Int32Array | null;
  /** The graph's label text, only when one is not among the signature's classes. */
  labelTexts: string[] | null;
  /** Seconds session.run took. */
  runSeconds: number;
}

interface Setup {
  ortPath: string;
  model: Uint8Array;
  options: Record<string, unknown>;
  inputs: Array<{ name: string; categories: string[] | null }>;
  classes: string[] | null;
}

/** Runs in the worker (plain CommonJS, so no build entry is needed): one session, batches in order. */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ort = require(workerData.ortPath);
const { inputs, classes } = workerData;
const classIndex = new Map((classes || []).map((c, i) => [c, i]));
let queue = Promise.resolve();
const score = async (session, { id, rows, columns, other }) => {
  const feeds = {};
  inputs.forEach((input, j) => {
    if (!input.categories) {
      feeds[input.name] = new ort.Tensor('float32', columns[j], [rows, 1]);
      return;
    }
    const codes = columns[j];
    const texts = new Array(rows);
    for (let i = 0; i < rows; i++) texts[i] = codes[i] ? input.categories[codes[i] - 1] : (other[j] && other[j].get(i)) || '';
    feeds[input.name] = new ort.Tensor('string', texts, [rows, 1]);
  });
  const started = performance.now();
  const out = await session.run(feeds);
  const runSeconds = (performance.now() - started) / 1000;
  const scores = (classes ? out.probabilities : out.variable).data.slice();
  let labels = null;
  let labelTexts = null;
  if (classes) {
    const texts = out.label.data;
    labels = new Int32Array(rows);
    for (let i = 0; i < rows; i++) {
      const c = classIndex.get(texts[i]);
      labels[i] = c === undefined ? -1 : c;
      if (c === undefined) labelTexts = texts;
    }
  }
  parentPort.postMessage({ id, scores, labels, labelTexts, runSeconds }, [scores.buffer, ...(labels ? [labels.buffer] : [])]);
};
ort.InferenceSession.create(workerData.model, workerData.options).then(
  (session) => {
    // Batches queue in order. Closing skips those not started and releases the session after the
    // one running: a worker terminated inside session.run aborts the whole process.
    let closing = false;
    parentPort.on('message', (message) => {
      if (message.close) {
        closing = true;
        queue = queue.then(() => session.release()).finally(() => parentPort.close());
        return;
      }
      queue = queue.then(() => (closing ? undefined : score(session, message))).catch((e) => parentPort.postMessage({ id: message.id, error: String((e && e.message) || e) }));
    });
    parentPort.postMessage({ ready: true });
  },
  (e) => parentPort.postMessage({ id: -1, error: String((e && e.message) || e) }),
);
`;

/** onnxruntime's threads for scoring: one per core. */
export const SCORE_THREADS = Math.max(1, os.availableParallelism());

/**
 * The session's options. Its threads do not spin while they wait for work: a spinning thread
 * holds a core that the reader (DuckDB, this process's other thread) needs.
 */
export const scoreSessionOptions = (threads: number) => ({ intraOpNumThreads: threads, extra: { session: { intra_op: { allow_spinning: '0' } } } });

export class ScoreSession {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (o: ScoreOutputs) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private failure: Error | null = null;
  private readonly exited: Promise<unknown>;
  readonly ready: Promise<void>;

  constructor(model: Uint8Array, signature: Signature, threads: number) {
    const setup: Setup = {
      ortPath: createRequire(import.meta.url).resolve('onnxruntime-node'),
      model,
      options: scoreSessionOptions(threads),
      inputs: signature.inputs.map((i) => ({ name: i.name, categories: i.datatype === 'FP32' ? null : (i.categories ?? []) })),
      classes: signature.classes ?? null,
    };
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: setup });
    // Not events.once: that rejects on 'error', which fail() already reports.
    this.exited = new Promise((resolve) => this.worker.once('exit', resolve));
    this.ready = new Promise((resolve, reject) => {
      this.worker.on('message', (m: { ready?: true; id: number; error?: string } & ScoreOutputs) => {
        if (m.ready) return resolve();
        if (m.error !== undefined) return this.fail(new Error(`onnxruntime: ${m.error}`), reject);
        const waiting = this.pending.get(m.id);
        this.pending.delete(m.id);
        waiting?.resolve({ scores: m.scores, labels: m.labels, labelTexts: m.labelTexts, runSeconds: m.runSeconds });
      });
      this.worker.on('error', (e) => this.fail(e, reject));
      this.worker.on('exit', (code) => this.fail(new Error(`the scoring thread stopped (exit code ${code})`), reject));
    });
  }

  /** Queues a batch; its typed arrays move to the worker, so the caller must not reuse them. */
  score(batch: ScoreInputs): Promise<ScoreOutputs> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...batch }, batch.columns.map((c) => c.buffer as ArrayBuffer));
    });
  }

  /** Lets the batch being scored finish, drops the rest, releases the session, and waits for the thread to end. */
  async close(): Promise<void> {
    this.failure ??= new Error('the scoring session was closed');
    this.worker.postMessage({ close: true });
    await this.exited;
  }

  private fail(error: Error, rejectReady: (e: Error) => void): void {
    this.failure ??= error;
    rejectReady(error);
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
