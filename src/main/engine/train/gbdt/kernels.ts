import { buildHistogram, type HistogramThread } from './histogram';
import type { Objective } from './objective';
import { histogramKernel, type WasmMemory } from './wasm';

/**
 * The memory every thread sees (shared): the binned rows, and per tree the row order, gradients
 * and scores. The main thread and the workers run the same kernels on it, each on the rows or
 * nodes it is handed; no kernel's result depends on which thread ran it.
 */
export interface Memory {
  rows: number;
  features: number;
  /** Features padded to a multiple of 4: the row-major bins' row length. */
  stride: number;
  /** One shared WebAssembly memory holds order, gh, byRow, byColumn, scratch and each thread's scratch histogram. */
  wasm: WasmMemory;
  /** Byte offsets into `wasm`. */
  at: { order: number; gh: number; byRow: number; byColumn: number; scratch: number; scores: number; histograms: number };
  byColumn: Uint8Array;
  byRow: Uint8Array;
  /** (g, h) interleaved by row id. */
  gh: Float64Array;
  /** The tree's rows, grouped by node, ascending within a node. */
  order: Uint32Array;
  /** Partition scratch, indexed like order (so nodes partitioned at once never share cells). */
  scratch: Uint32Array;
  /** Score columns: classes for softmax, else 1. */
  outputs: number;
  /** rows × outputs, row-major. */
  scores: Float64Array;
  prob: Float64Array;
  y: Float64Array;
  /** Per-task results: loss sums, partition points. */
  results: Float64Array;
  arena: Float64Array;
}

/** Tasks travel as flat number lists, TASK_WIDTH numbers each: [kind, a, b, c, d, e, f]. */
export const TASK_WIDTH = 7;
export const HIST = 0; // a..b rows of order → histogram at arena offset c
export const PARTITION = 1; // a..b rows, feature c, d = bin·2 + defaultLeft → results[e] = first right row
export const PREPARE = 2; // rows a..b: scores → prob, results[c] = loss sum; gradients of output d when d ≥ 0
export const GRADIENTS = 3; // rows a..b: gradients of output d
export const LEAVES = 4; // rows order[a..b) get c added to score column d
export const PAIR = 5; // rows order[a..b) split by feature c, d = bin·2 + defaultLeft: add results[e] (left) or results[e + 1] to column f
export const TRANSPOSE = 6; // rows a..b: copy their bins from byColumn to byRow

/**
 * Stable partition of order[start … end): left rows first, both halves still ascending, in the
 * WebAssembly kernel (2–3× faster than the same loop in JavaScript). Branch-free, as the direction
 * is data and a branch would be mispredicted half the time: each row is written to both sides and
 * only one side's cursor moves, by left = 1 − ((limit − ((bin + shift) & 255)) >>> 31), i.e.
 * bin + shift ≤ limit = split bin + shift. With missing values going left (shift 1), bins are
 * shifted by one so the missing bin (255) wraps to 0 and compares as smallest.
 */
function partition(m: Memory, thread: Thread, start: number, end: number, feature: number, bin: number, defaultLeft: boolean): number {
  const shift = defaultLeft ? 1 : 0;
  return thread.kernel.partition(m.at.order, start, end, m.at.byColumn + feature * m.rows, shift, bin + shift, m.at.scratch);
}

/**
 * A split whose children are both leaves: instead of partitioning its rows and then adding each
 * leaf's value, one pass (in the WebAssembly kernel) adds the left or right value to each row's score.
 */
function pair(m: Memory, thread: Thread, start: number, end: number, feature: number, split: number, values: number, column: number): void {
  const shift = split & 1;
  const { at, rows, outputs, results } = m;
  thread.kernel.pair(at.order, start, end, at.byColumn + feature * rows, shift, (split >> 1) + shift, at.scores + 8 * column, 8 * outputs, results[values]!, results[values + 1]!);
}

function transpose(m: Memory, start: number, end: number): void {
  const { byColumn, byRow, rows, stride } = m;
  for (let f = 0; f < m.features; f++) {
    const offset = f * rows;
    for (let r = start, p = start * stride + f; r < end; r++, p += stride) byRow[p] = byColumn[offset + r]!;
  }
}

/** What one thread runs tasks with. */
export interface Thread extends HistogramThread {
  objective: Objective | null;
}

/** Thread `index` (0: the main thread)'s kernels, bound to its own scratch histogram. */
export function threadOn(m: Memory, index: number, objective: Objective | null): Thread {
  const length = m.stride * 512;
  const scratchAt = m.at.histograms + index * 8 * length;
  return { kernel: histogramKernel(m.wasm), scratch: new Float64Array(m.wasm.buffer, scratchAt, length), scratchAt, objective };
}

export function execute(m: Memory, thread: Thread, tasks: ArrayLike<number>): void {
  const objective = thread.objective;
  for (let t = 0; t < tasks.length; t += TASK_WIDTH) {
    const kind = tasks[t]!;
    // a … b is always a row range: the pool balances threads by it.
    const a = tasks[t + 1]!;
    const b = tasks[t + 2]!;
    const c = tasks[t + 3]!;
    const d = tasks[t + 4]!;
    if (kind === HIST) buildHistogram(m, thread, a, b, m.arena, c);
    else if (kind === PARTITION) m.results[tasks[t + 5]!] = partition(m, thread, a, b, c, d >> 1, (d & 1) === 1);
    else if (kind === PREPARE) {
      m.results[c] = objective!.prepare(m.scores, m.y, a, b, m.prob);
      if (d >= 0) objective!.gradients(m.prob, m.y, a, b, d, m.gh);
    } else if (kind === GRADIENTS) objective!.gradients(m.prob, m.y, a, b, d, m.gh);
    else if (kind === LEAVES) {
      const { order, scores, outputs } = m;
      for (let i = a; i < b; i++) scores[order[i]! * outputs + d]! += c;
    } else if (kind === PAIR) pair(m, thread, a, b, c, d, tasks[t + 5]!, tasks[t + 6]!);
    else if (kind === TRANSPOSE) transpose(m, a, b);
  }
}
