/**
 * The two hottest loops as a small WebAssembly module, assembled here byte by byte (no toolchain,
 * no native code: every Node and Electron runs it). The histogram loop loads a row's (g, h) as one
 * 128-bit value and, per feature, adds it to the bin's (Σg, Σh) with one f64x2.add: half the time
 * of the best JavaScript loop (bounds checks and two scalar read-modify-writes per update), and the
 * same sums bit for bit (each lane is an ordinary IEEE double addition, rows in the same order).
 * The partition loop is the JavaScript one without bounds checks: 2–3× faster.
 *
 * Exports, all addresses being byte offsets into the imported shared memory:
 *   hist(order, start, end, byRow, stride, gh, hist): for i in start … end − 1, r = u32 order[i],
 *     (g, h) = f64×2 at gh + 16r; for each feature f < stride (a multiple of 4),
 *     b = u8 at byRow + r·stride + f, and f64×2 at hist + 4096f + 16b += (g, h).
 *   touch(order, start, end, byRow, stride, gh) → i32: loads each row's first and last bin byte
 *     and its g, and returns a sum of them so no compiler may drop the loads (see histogram.ts).
 *   partition(order, start, end, column, shift, limit, scratch) → mid: the stable partition of
 *     kernels.ts, with u8 bins at column + row and u32 scratch indexed like order.
 *   pair(order, start, end, column, shift, limit, scores, rowBytes, left, right): for each row r of
 *     order[start … end), f64 at scores + r·rowBytes += (goes left ? left : right).
 */

const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n) byte |= 0x80;
    out.push(byte);
  } while (n);
  return out;
};
const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(byte & 0x40)) || (n === -1 && byte & 0x40)) return [...out, byte];
    out.push(byte | 0x80);
  }
};
const name = (s: string) => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];
const section = (id: number, bytes: number[]) => [id, ...uleb(bytes.length), ...bytes];
const vector = (items: number[][]) => [...uleb(items.length), ...items.flat()];

const I32 = 0x7f;
const F64 = 0x7c;
const V128 = 0x7b;
const get = (i: number) => [0x20, ...uleb(i)];
const set = (i: number) => [0x21, ...uleb(i)];
const tee = (i: number) => [0x22, ...uleb(i)];
const i32 = (n: number) => [0x41, ...sleb(n)];
const ADD = [0x6a];
const SUB = [0x6b];
const AND = [0x71];
const SHR_U = [0x76];
const MUL = [0x6c];
const SHL = [0x74];
const LT_U = [0x49];
const GE_U = [0x4f];
const load32 = [0x28, 2, 0];
const load8 = (offset: number) => [0x2d, 0, ...uleb(offset)];
const store32 = [0x36, 2, 0];
const F64_LOAD = [0x2b, 3, 0];
const F64_STORE = [0x39, 3, 0];
const F64_ADD = [0xa0];
const SELECT = [0x1b];
const MEMORY_COPY = [0xfc, 10, 0, 0];
const v128load = (offset: number) => [0xfd, 0, 3, ...uleb(offset)];
const v128store = (offset: number) => [0xfd, 11, 3, ...uleb(offset)];
const F64X2_ADD = [0xfd, ...uleb(240)];
const I32X4_EXTRACT_0 = [0xfd, 27, 0];
const block = (body: number[]) => [0x02, 0x40, ...body, 0x0b];
const loop = (body: number[]) => [0x03, 0x40, ...body, 0x0b];
const brIf = (depth: number) => [0x0d, ...uleb(depth)];

// hist's parameters (order … hist), then its locals (i, p, f, a, base: i32; v: v128), by index.
const [ORDER, START, END, BY_ROW, STRIDE, GH, HIST, I, P, F, A, BASE, V] = Array.from({ length: 13 }, (_, i) => i) as [number, number, number, number, number, number, number, number, number, number, number, number, number];

/** Loops i from START to END − 1 around `body`, with the row id r = order[i] left in local F. */
const overRows = (body: number[]) =>
  block([...get(I), ...get(END), ...GE_U, ...brIf(0), ...loop([...get(ORDER), ...get(I), ...i32(2), ...SHL, ...ADD, ...load32, ...set(F), ...body, ...get(I), ...i32(1), ...ADD, ...tee(I), ...get(END), ...LT_U, ...brIf(0)])]);

/** f64×2 at BASE + 4096k + 16·bin(P + k) += V. */
const update = (k: number) => [...get(BASE), ...get(P), ...load8(k), ...i32(4), ...SHL, ...ADD, ...tee(A), ...get(A), ...v128load(4096 * k), ...get(V), ...F64X2_ADD, ...v128store(4096 * k)];

const histBody = [
  ...get(START),
  ...set(I),
  ...overRows([
    ...get(F), ...i32(4), ...SHL, ...get(GH), ...ADD, ...v128load(0), ...set(V),
    ...get(F), ...get(STRIDE), ...MUL, ...get(BY_ROW), ...ADD, ...set(P),
    ...get(HIST), ...set(BASE), ...i32(0), ...set(F),
    ...loop([
      ...update(0), ...update(1), ...update(2), ...update(3),
      ...get(P), ...i32(4), ...ADD, ...set(P),
      ...get(BASE), ...i32(4 * 4096), ...ADD, ...set(BASE),
      ...get(F), ...i32(4), ...ADD, ...tee(F), ...get(STRIDE), ...LT_U, ...brIf(0),
    ]),
  ]),
  0x0b,
];

// touch has one parameter fewer (no hist), so its locals start one earlier: i, p, r, sum.
const [TI, TP, TR, TSUM] = [6, 7, 8, 9] as const;
const touchBody = [
  ...get(START),
  ...set(TI),
  ...block([
    ...get(TI), ...get(END), ...GE_U, ...brIf(0),
    ...loop([
      ...get(ORDER), ...get(TI), ...i32(2), ...SHL, ...ADD, ...load32, ...tee(TR),
      ...get(STRIDE), ...MUL, ...get(BY_ROW), ...ADD, ...tee(TP), ...load8(0),
      ...get(TP), ...get(STRIDE), ...ADD, ...i32(-1), ...ADD, ...load8(0), ...ADD,
      ...get(TR), ...i32(4), ...SHL, ...get(GH), ...ADD, ...v128load(0), ...I32X4_EXTRACT_0, ...ADD,
      ...get(TSUM), ...ADD, ...set(TSUM),
      ...get(TI), ...i32(1), ...ADD, ...tee(TI), ...get(END), ...LT_U, ...brIf(0),
    ]),
  ]),
  ...get(TSUM),
  0x0b,
];

// partition(order, start, end, column, shift, limit, scratch) → mid; locals i, l, r, row, left.
const [COLUMN, SHIFT, LIMIT, SCRATCH, PI, PL, PR, ROW, LEFT] = [3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const address = (base: number, index: number) => [...get(base), ...get(index), ...i32(2), ...SHL, ...ADD];
const partitionBody = [
  ...get(START), ...tee(PI), ...tee(PL), ...set(PR),
  ...block([
    ...get(PI), ...get(END), ...GE_U, ...brIf(0),
    ...loop([
      ...address(ORDER, PI), ...load32, ...set(ROW),
      // left = 1 − ((limit − ((bin + shift) & 255)) >>> 31): see kernels.ts
      ...i32(1), ...get(LIMIT), ...get(COLUMN), ...get(ROW), ...ADD, ...load8(0), ...get(SHIFT), ...ADD, ...i32(255), ...AND, ...SUB, ...i32(31), ...SHR_U, ...SUB, ...set(LEFT),
      ...address(ORDER, PL), ...get(ROW), ...store32,
      ...address(SCRATCH, PR), ...get(ROW), ...store32,
      ...get(PL), ...get(LEFT), ...ADD, ...set(PL),
      ...get(PR), ...i32(1), ...ADD, ...get(LEFT), ...SUB, ...set(PR),
      ...get(PI), ...i32(1), ...ADD, ...tee(PI), ...get(END), ...LT_U, ...brIf(0),
    ]),
  ]),
  ...address(ORDER, PL), ...address(SCRATCH, START), ...get(PR), ...get(START), ...SUB, ...i32(2), ...SHL, ...MEMORY_COPY,
  ...get(PL),
  0x0b,
];

// pair(order, start, end, column, shift, limit, scores, rowBytes, left, right); locals i, at, row.
const [QSCORES, QROW_BYTES, QLEFT, QRIGHT, QI, QAT, QROW] = [6, 7, 8, 9, 10, 11, 12] as const;
const pairBody = [
  ...get(START), ...set(QI),
  ...block([
    ...get(QI), ...get(END), ...GE_U, ...brIf(0),
    ...loop([
      ...address(ORDER, QI), ...load32, ...tee(QROW),
      ...get(QROW_BYTES), ...MUL, ...get(QSCORES), ...ADD, ...tee(QAT),
      ...get(QAT), ...F64_LOAD,
      ...get(QLEFT), ...get(QRIGHT),
      // goesLeft, as in partition: 1 − ((limit − ((bin + shift) & 255)) >>> 31)
      ...i32(1), ...get(LIMIT), ...get(COLUMN), ...get(QROW), ...ADD, ...load8(0), ...get(SHIFT), ...ADD, ...i32(255), ...AND, ...SUB, ...i32(31), ...SHR_U, ...SUB,
      ...SELECT, ...F64_ADD, ...F64_STORE,
      ...get(QI), ...i32(1), ...ADD, ...tee(QI), ...get(END), ...LT_U, ...brIf(0),
    ]),
  ]),
  0x0b,
];

function assemble(): Uint8Array {
  const histFunction = [...vector([[...uleb(5), I32], [...uleb(1), V128]]), ...histBody];
  const touchFunction = [...vector([[...uleb(4), I32]]), ...touchBody];
  const partitionFunction = [...vector([[...uleb(5), I32]]), ...partitionBody];
  const pairFunction = [...vector([[...uleb(3), I32]]), ...pairBody];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0],
    ...section(1, vector([[0x60, ...vector(Array(7).fill([I32])), 0], [0x60, ...vector(Array(6).fill([I32])), 1, I32], [0x60, ...vector(Array(7).fill([I32])), 1, I32], [0x60, ...vector([...Array(8).fill([I32]), [F64], [F64]]), 0]])),
    // env.memory: shared, with a maximum (shared memories must have one)
    ...section(2, vector([[...name('env'), ...name('memory'), 0x02, 0x03, ...uleb(1), ...uleb(65536)]])),
    ...section(3, vector([[0], [1], [2], [3]])),
    ...section(7, vector([[...name('hist'), 0x00, 0], [...name('touch'), 0x00, 1], [...name('partition'), 0x00, 2], [...name('pair'), 0x00, 3]])),
    ...section(10, vector([[...uleb(histFunction.length), ...histFunction], [...uleb(touchFunction.length), ...touchFunction], [...uleb(partitionFunction.length), ...partitionFunction], [...uleb(pairFunction.length), ...pairFunction]])),
  ]);
}

/**
 * The WebAssembly API as used here (the Node project's TypeScript libs do not declare it: no DOM lib,
 * and @types/node leaves it out). A shared memory's buffer is a SharedArrayBuffer.
 */
export interface WasmMemory {
  readonly buffer: ArrayBufferLike;
}
interface WasmApi {
  Memory: new (descriptor: { initial: number; maximum: number; shared: true }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

/** A shared memory of exactly `pages` 64 KiB pages (shared memories need a maximum; this one never grows). */
export const sharedMemory = (pages: number): WasmMemory => new wasm.Memory({ initial: pages, maximum: pages, shared: true });

export interface HistogramKernel {
  hist(order: number, start: number, end: number, byRow: number, stride: number, gh: number, hist: number): void;
  touch(order: number, start: number, end: number, byRow: number, stride: number, gh: number): number;
  partition(order: number, start: number, end: number, column: number, shift: number, limit: number, scratch: number): number;
  pair(order: number, start: number, end: number, column: number, shift: number, limit: number, scores: number, rowBytes: number, left: number, right: number): void;
}

let compiled: object | null = null;

/** The kernel bound to one shared memory (each thread instantiates its own). */
export function histogramKernel(memory: WasmMemory): HistogramKernel {
  compiled ??= new wasm.Module(assemble());
  return new wasm.Instance(compiled, { env: { memory } }).exports as HistogramKernel;
}
