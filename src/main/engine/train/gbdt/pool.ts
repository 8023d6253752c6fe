import type { Worker } from 'node:worker_threads';
import { MlcycleError } from '../../../../shared/contract/errors';
import type { TaskKind } from '../learner';
import { binFeature, type Binned } from './binning';
import { histogramLength } from './histogram';
import { execute, GRADIENTS, HIST, LEAVES, type Memory, PAIR, PARTITION, PREPARE, TASK_WIDTH, type Thread, threadOn, TRANSPOSE } from './kernels';
import { objectiveFor } from './objective';
import { type FromWorker, startWorkers, type ToWorker, type WorkerSetup } from './threads';
import { sharedMemory } from './wasm';

/**
 * Work is cut into pieces whose bounds depend on row counts only, never on the number of threads,
 * and pieces are combined in a fixed order: one thread or eight give bit-identical sums, hence
 * identical models. A node's histogram is summed in chunks of this many rows; the loss in blocks.
 */
export const CHUNK_ROWS = 65_536;
const MAX_CHUNKS = 8;
export const chunksFor = (rows: number) => Math.max(1, Math.min(MAX_CHUNKS, Math.floor(rows / CHUNK_ROWS)));
/** Nodes partitioned per round trip (their results share one small array). */
const PARTITIONS_AT_ONCE = 4096;

/** A node split into two leaves whose rows were left unpartitioned (order[start … end)). */
export interface LeafPair {
  start: number;
  end: number;
  feature: number;
  bin: number;
  defaultLeft: boolean;
  left: number;
  right: number;
}

const shared = <T extends ArrayBufferView>(make: (buffer: SharedArrayBuffer) => T, bytes: number) => make(new SharedArrayBuffer(Math.max(8, bytes)));
const align = (bytes: number) => Math.ceil(bytes / 64) * 64;
const MAX_THREADS = 64;

/** The shared WebAssembly memory's layout: order, gradients, bins row- and column-major, partition scratch, scores, a scratch histogram per thread. */
function wasmLayout(rows: number, features: number, stride: number, outputs: number, threads: number) {
  const order = 0;
  const gh = align(order + 4 * rows);
  const byRow = align(gh + 16 * rows);
  const byColumn = align(byRow + stride * rows);
  const scratch = align(byColumn + features * rows);
  const scores = align(scratch + 4 * rows);
  const histograms = align(scores + 8 * outputs * rows);
  const end = histograms + threads * 8 * histogramLength(stride);
  if (end > 2 ** 32) throw new MlcycleError('INVALID_ARGUMENT', `${rows} rows × ${features} features need ${(end / 2 ** 30).toFixed(1)} GiB for trees; at most 4 GiB fit one model. Sample the rows or drop features.`, { field: 'features' });
  return { at: { order, gh, byRow, byColumn, scratch, scores, histograms }, pages: Math.ceil(end / 65_536) };
}

/**
 * The calling thread plus `threads − 1` workers over shared memory: histograms, partitions, the
 * loss and gradients, leaf updates. Also owns the arena of histogram slots.
 */
export class Pool {
  readonly memory: Memory;
  readonly length: number;
  private capacity = 16;
  private next = 0;
  private readonly free: number[] = [];
  private readonly sync = shared((b) => new Int32Array(b), 4 * (MAX_THREADS + 1));
  private readonly waits: Array<{ resolve: (reply: FromWorker) => void; reject: (error: Error) => void } | null> = [];
  private workers: Worker[] = [];
  private readonly main: Thread;

  private constructor(rows: number, features: number, outputs: number, objective: { kind: TaskKind; classes: number } | null, threads: number) {
    const n = rows;
    const stride = Math.max(4, Math.ceil(features / 4) * 4);
    this.length = histogramLength(stride);
    const { at, pages } = wasmLayout(n, features, stride, outputs, threads);
    const wasm = sharedMemory(pages);
    const buffer = wasm.buffer as SharedArrayBuffer;
    const withLoss = objective !== null;
    this.memory = {
      rows: n,
      features,
      stride,
      wasm,
      at,
      byColumn: new Uint8Array(buffer, at.byColumn, n * features),
      byRow: new Uint8Array(buffer, at.byRow, stride * n),
      gh: new Float64Array(buffer, at.gh, 2 * n),
      order: new Uint32Array(buffer, at.order, n),
      scratch: new Uint32Array(buffer, at.scratch, n),
      outputs,
      scores: new Float64Array(buffer, at.scores, n * outputs),
      prob: shared((b) => new Float64Array(b), withLoss ? 8 * n * outputs : 8),
      y: shared((b) => new Float64Array(b), withLoss ? 8 * n : 8),
      results: shared((b) => new Float64Array(b), 8 * Math.max(PARTITIONS_AT_ONCE, Math.ceil(n / CHUNK_ROWS) + 1)),
      arena: shared((b) => new Float64Array(b), 8 * this.length * this.capacity),
    };
    this.main = threadOn(this.memory, 0, objective ? objectiveFor(objective) : null);
  }

  /** Threads in use, the calling one included. */
  get threads(): number {
    return this.workers.length + 1;
  }

  /** Histogram slots' memory; replaced when the arena grows, so read it again after slot(). */
  get arena(): Float64Array {
    return this.memory.arena;
  }

  /** `objective` null: no loss on the threads (the forest), only trees. Falls back to one thread if workers cannot start. */
  static async create(rows: number, features: number, outputs: number, objective: { kind: TaskKind; classes: number } | null, threads: number, log: (message: string) => void): Promise<Pool> {
    threads = Math.max(1, Math.min(MAX_THREADS, threads));
    const pool = new Pool(rows, features, outputs, objective, threads);
    const m = pool.memory;
    const buffer = (a: ArrayBufferView) => a.buffer as SharedArrayBuffer;
    const buffers: WorkerSetup['buffers'] = {
      prob: buffer(m.prob),
      y: buffer(m.y),
      results: buffer(m.results),
      arena: buffer(m.arena),
      sync: buffer(pool.sync),
    };
    pool.workers = await startWorkers(threads - 1, (index) => ({ index, rows, features, stride: m.stride, outputs, objective, wasm: m.wasm, at: m.at, buffers }), log);
    pool.workers.forEach((worker, index) => {
      pool.waits.push(null);
      worker.on('message', (reply: FromWorker) => pool.settle(index, reply, null));
      worker.on('error', (error) => pool.settle(index, {}, error));
      worker.on('exit', (code) => pool.settle(index, {}, new Error(`a training worker stopped (exit code ${code})`)));
    });
    return pool;
  }

  private settle(index: number, reply: FromWorker, error: Error | null): void {
    const wait = this.waits[index];
    this.waits[index] = null;
    if (error) wait?.reject(error);
    else wait?.resolve(reply);
  }

  /**
   * Sends each worker its message (none where null), runs `here` on this thread meanwhile, and
   * waits for the replies. The Atomics order our writes before the workers' reads, and theirs before ours.
   */
  private async dispatch(messages: Array<ToWorker | null>, here: () => void, transfer: (message: ToWorker) => ArrayBuffer[] = () => []): Promise<Array<FromWorker | null>> {
    Atomics.add(this.sync, 0, 1);
    const replies = this.workers.map((worker, index) => {
      const message = messages[index];
      if (!message) return null;
      const reply = new Promise<FromWorker>((resolve, reject) => (this.waits[index] = { resolve, reject }));
      worker.postMessage(message, transfer(message));
      return reply;
    });
    try {
      here();
    } finally {
      // Even when this thread's share failed, wait for the workers: none may still be writing when we return.
      await Promise.allSettled(replies);
    }
    const answers = await Promise.all(replies);
    for (let index = 1; index <= this.workers.length; index++) Atomics.load(this.sync, index);
    return answers;
  }

  /**
   * Bins the features on all threads (each feature wholly on one, so the cuts never depend on the
   * thread count), then lays the bins out row-major for the histogram kernel.
   */
  async bin(columns: Float64Array[], maxBins: number, sample: Uint32Array | null): Promise<Binned> {
    const { rows, features, byColumn } = this.memory;
    const owner = (f: number) => f % this.threads;
    const cuts: Float64Array[] = new Array(features);
    const messages = this.workers.map((_w, index): ToWorker => {
      const mine = Array.from({ length: features }, (_, f) => f).filter((f) => owner(f) === index + 1);
      return { type: 'bin', features: mine, columns: mine.map((f) => columns[f]!.slice(0, rows)), sample, maxBins };
    });
    const replies = await this.dispatch(
      messages.map((m) => (m.type === 'bin' && m.features.length ? m : null)),
      () => {
        for (let f = 0; f < features; f += this.threads) cuts[f] = binFeature(columns[f]!, sample, maxBins, byColumn.subarray(f * rows, (f + 1) * rows));
      },
      (m) => (m.type === 'bin' ? m.columns.map((c) => c.buffer as ArrayBuffer) : []),
    );
    replies.forEach((reply, index) => {
      const message = messages[index]!;
      if (message.type === 'bin') message.features.forEach((f, k) => (cuts[f] = reply!.cuts![k]!));
    });
    const tasks: number[] = [];
    for (let from = 0; from < rows; from += CHUNK_ROWS) tasks.push(TRANSPOSE, from, Math.min(rows, from + CHUNK_ROWS), 0, 0, 0, 0);
    await this.run(tasks);
    return { rows, features, cuts, byColumn };
  }

  slot(): number {
    const reused = this.free.pop();
    if (reused !== undefined) return reused;
    if (this.next === this.capacity) {
      this.capacity *= 2;
      const grown = shared((b) => new Float64Array(b), 8 * this.length * this.capacity);
      grown.set(this.memory.arena);
      this.memory.arena = grown;
      for (const worker of this.workers) worker.postMessage({ type: 'arena', arena: grown.buffer as SharedArrayBuffer } satisfies ToWorker);
    }
    return this.next++;
  }

  release(slot: number): void {
    this.free.push(slot);
  }

  offset(slot: number): number {
    return slot * this.length;
  }

  /** Spreads tasks over the threads, largest first to the least loaded (rows + a fixed cost each); which thread runs a task never changes its result. */
  async run(tasks: number[]): Promise<void> {
    const count = tasks.length / TASK_WIDTH;
    if (this.workers.length === 0 || count <= 1) return execute(this.memory, this.main, tasks);
    const lists: number[][] = Array.from({ length: this.threads }, () => []);
    const load = new Float64Array(this.threads);
    const bySize = Array.from({ length: count }, (_, i) => i).sort((a, b) => tasks[b * TASK_WIDTH + 2]! - tasks[b * TASK_WIDTH + 1]! - (tasks[a * TASK_WIDTH + 2]! - tasks[a * TASK_WIDTH + 1]!) || a - b);
    for (const i of bySize) {
      let t = 0;
      for (let k = 1; k < load.length; k++) if (load[k]! < load[t]!) t = k;
      for (let w = 0; w < TASK_WIDTH; w++) lists[t]!.push(tasks[i * TASK_WIDTH + w]!);
      load[t]! += tasks[i * TASK_WIDTH + 2]! - tasks[i * TASK_WIDTH + 1]! + 1000;
    }
    await this.dispatch(
      lists.slice(1).map((list) => (list.length ? { type: 'run', tasks: list } : null)),
      () => execute(this.memory, this.main, lists[0]!),
    );
  }

  /** Fills each node's slot with the histogram of order[start..end), in fixed chunks added in order. */
  async histograms(nodes: ReadonlyArray<{ start: number; end: number; slot: number }>): Promise<void> {
    const tasks: number[] = [];
    const merges: Array<{ target: number; parts: number[] }> = [];
    for (const node of nodes) {
      const rows = node.end - node.start;
      const chunks = chunksFor(rows);
      const parts: number[] = [];
      for (let k = 0; k < chunks; k++) {
        const slot = k === 0 ? node.slot : this.slot();
        if (k > 0) parts.push(slot);
        tasks.push(HIST, node.start + Math.floor((k * rows) / chunks), node.start + Math.floor(((k + 1) * rows) / chunks), slot, 0, 0, 0);
      }
      if (parts.length) merges.push({ target: node.slot, parts });
    }
    for (let t = 0; t < tasks.length; t += TASK_WIDTH) tasks[t + 3] = this.offset(tasks[t + 3]!);
    await this.run(tasks);
    const arena = this.memory.arena;
    for (const { target, parts } of merges) {
      const to = this.offset(target);
      for (const part of parts) {
        const from = this.offset(part);
        for (let i = 0; i < this.length; i++) arena[to + i]! += arena[from + i]!;
        this.release(part);
      }
    }
  }

  /**
   * Partitions each node's rows by its split; returns where each node's right rows start. A big
   * node is partitioned in chunks (on all threads), whose left and right parts are then gathered
   * in chunk order: the same stable result as one pass.
   */
  async partition(nodes: ReadonlyArray<{ start: number; end: number; feature: number; bin: number; defaultLeft: boolean }>): Promise<number[]> {
    const { order, scratch, results } = this.memory;
    const mids: number[] = [];
    let first = 0;
    while (first < nodes.length) {
      const tasks: number[] = [];
      const pieces: Array<Array<{ start: number; end: number; result: number }>> = [];
      for (; first < nodes.length && tasks.length / TASK_WIDTH + MAX_CHUNKS <= PARTITIONS_AT_ONCE; first++) {
        const n = nodes[first]!;
        const rows = n.end - n.start;
        const chunks = chunksFor(rows);
        const node: Array<{ start: number; end: number; result: number }> = [];
        for (let k = 0; k < chunks; k++) {
          const piece = { start: n.start + Math.floor((k * rows) / chunks), end: n.start + Math.floor(((k + 1) * rows) / chunks), result: tasks.length / TASK_WIDTH };
          tasks.push(PARTITION, piece.start, piece.end, n.feature, n.bin * 2 + (n.defaultLeft ? 1 : 0), piece.result, 0);
          node.push(piece);
        }
        pieces.push(node);
      }
      await this.run(tasks);
      for (const node of pieces) {
        if (node.length === 1) {
          mids.push(results[node[0]!.result]!);
          continue;
        }
        // Lefts move down in place (never past unread rows); rights wait in scratch, then follow.
        const start = node[0]!.start;
        let left = start;
        let right = start;
        for (const piece of node) {
          const mid = results[piece.result]!;
          order.copyWithin(left, piece.start, mid);
          left += mid - piece.start;
          scratch.set(order.subarray(mid, piece.end), right);
          right += piece.end - mid;
        }
        order.set(scratch.subarray(start, right), left);
        mids.push(left);
      }
    }
    return mids;
  }

  /** Scores → probabilities and the mean loss over all rows (block sums added in order); also the gradients of output k when k ≥ 0. */
  async prepare(k: number): Promise<number> {
    const n = this.memory.rows;
    const tasks: number[] = [];
    for (let from = 0, block = 0; from < n; from += CHUNK_ROWS, block++) tasks.push(PREPARE, from, Math.min(n, from + CHUNK_ROWS), block, k, 0, 0);
    await this.run(tasks);
    let loss = 0;
    for (let block = 0; block < tasks.length / TASK_WIDTH; block++) loss += this.memory.results[block]!;
    return loss / n;
  }

  async gradients(k: number): Promise<void> {
    const n = this.memory.rows;
    const tasks: number[] = [];
    for (let from = 0; from < n; from += CHUNK_ROWS) tasks.push(GRADIENTS, from, Math.min(n, from + CHUNK_ROWS), 0, k, 0, 0);
    await this.run(tasks);
  }

  /** Adds the tree's leaf values to score column k: each leaf's rows, and each split into two leaves that was not partitioned. */
  async addLeaves(leaves: ReadonlyArray<{ start: number; end: number; value: number }>, pairs: ReadonlyArray<LeafPair>, k: number): Promise<void> {
    for (let first = 0; first < Math.max(leaves.length, pairs.length); first += PARTITIONS_AT_ONCE / 2) {
      const tasks: number[] = [];
      for (const leaf of leaves.slice(first, first + PARTITIONS_AT_ONCE / 2)) if (leaf.end > leaf.start) tasks.push(LEAVES, leaf.start, leaf.end, leaf.value, k, 0, 0);
      pairs.slice(first, first + PARTITIONS_AT_ONCE / 2).forEach((p, i) => {
        this.memory.results[2 * i] = p.left;
        this.memory.results[2 * i + 1] = p.right;
        tasks.push(PAIR, p.start, p.end, p.feature, p.bin * 2 + (p.defaultLeft ? 1 : 0), 2 * i, k);
      });
      await this.run(tasks);
    }
  }

  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
