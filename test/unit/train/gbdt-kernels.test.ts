import { describe, expect, it } from 'vitest';
import { binFeatures, binOf, MISSING_BIN, quantileCuts } from '../../../src/main/engine/train/gbdt/binning';
import { buildHistogram } from '../../../src/main/engine/train/gbdt/histogram';
import { Pool } from '../../../src/main/engine/train/gbdt/pool';
import { histogramKernel, sharedMemory } from '../../../src/main/engine/train/gbdt/wasm';
import { matrix, uniform } from './gbdt-helpers';

describe('binning', () => {
  it('gives each of few distinct values its own bin, cut at float32 midpoints', () => {
    expect([...quantileCuts(Float32Array.from([3, 1, 2, 2, 1, 3]), 255)]).toEqual([1.5, 2.5]);
    expect([...quantileCuts(Float32Array.from([5, 5, 5]), 255)]).toEqual([]);
  });

  it('cuts at quantiles when there are more values than bins, a heavy value getting a bin to itself', () => {
    // 600 zeros then 1 … 400, four bins: the zeros fill one (cut at 0.5); the 400 others share three,
    // 400/3 = 133.3 rows each: 1 … 134 (134 ≥ 133.3), then 266 rows left for two bins: 135 … 267, 268 … 400.
    const sample = Float32Array.from([...Array(600).fill(0), ...Array.from({ length: 400 }, (_, i) => i + 1)]);
    expect([...quantileCuts(sample, 4)]).toEqual([0.5, 134.5, 267.5]);
    const uniform = Float32Array.from({ length: 1000 }, (_, i) => i);
    expect([...quantileCuts(uniform, 4)]).toEqual([249.5, 499.5, 749.5]);
  });

  it('never cuts at +∞ (JSON cannot hold it) and keeps the largest float32 apart from +∞', () => {
    const cuts = quantileCuts(Float32Array.from([1, Number.POSITIVE_INFINITY]), 255);
    expect([...cuts]).toEqual([3.4028234663852886e38]);
    expect(binOf(cuts, Number.POSITIVE_INFINITY)).toBe(1);
    expect(binOf(cuts, 1e300)).toBe(1);
  });

  it('bin ≤ b exactly when fround(x) < cuts[b], and missing is its own bin', () => {
    const random = uniform(11);
    const values = Array.from({ length: 5000 }, () => (random() < 0.05 ? Number.NaN : Math.exp(random() * 6) - 20));
    const binned = binFeatures(matrix(values), 255, random);
    const cuts = binned.cuts[0]!;
    expect(cuts.length).toBe(254);
    values.forEach((x, r) => {
      const bin = binned.byColumn[r]!;
      if (Number.isNaN(x)) return expect(bin).toBe(MISSING_BIN);
      expect(bin).toBe(binOf(cuts, x));
      if (bin > 0) expect(Math.fround(x) >= cuts[bin - 1]!).toBe(true);
      if (bin < cuts.length) expect(Math.fround(x) < cuts[bin]!).toBe(true);
    });
  });
});

describe('histogram kernel (WebAssembly)', () => {
  it('sums (g, h) per bin exactly as a plain loop does, on dense and sparse nodes', () => {
    const rows = 20_000;
    const stride = 8;
    const at = { order: 0, gh: 4 * rows, byRow: 20 * rows };
    const scratchAt = Math.ceil((at.byRow + stride * rows) / 64) * 64;
    const memory = sharedMemory(Math.ceil((scratchAt + 8 * stride * 512) / 65_536));
    const buffer = memory.buffer;
    const order = new Uint32Array(buffer, at.order, rows);
    const gh = new Float64Array(buffer, at.gh, 2 * rows);
    const byRow = new Uint8Array(buffer, at.byRow, stride * rows);
    const random = uniform(5);
    for (let i = 0; i < byRow.length; i++) byRow[i] = i % stride < 6 ? Math.floor(random() * 256) : 0;
    for (let i = 0; i < gh.length; i++) gh[i] = random() - 0.3;
    const thread = { kernel: histogramKernel(memory), scratch: new Float64Array(buffer, scratchAt, stride * 512), scratchAt };
    for (const share of [1, 0.5, 0.05]) {
      let m = 0;
      for (let r = 0; r < rows; r++) if (random() < share) order[m++] = r;
      const arena = new Float64Array(2 * stride * 512);
      buildHistogram({ stride, order, at }, thread, 0, m, arena, stride * 512);
      const expected = new Float64Array(stride * 512);
      for (let i = 0; i < m; i++) {
        const r = order[i]!;
        for (let f = 0; f < stride; f++) {
          const b = byRow[r * stride + f]!;
          expected[f * 512 + 2 * b]! += gh[2 * r]!;
          expected[f * 512 + 2 * b + 1]! += gh[2 * r + 1]!;
        }
      }
      expect(arena.subarray(stride * 512)).toEqual(expected);
      expect(arena.subarray(0, stride * 512).every((v) => v === 0)).toBe(true);
    }
  });
});

describe('partition', () => {
  it('splits a big node in chunks on several threads into the same stable order as one pass', async () => {
    const rows = 300_000;
    const random = uniform(9);
    const column = Float64Array.from({ length: rows }, () => (random() < 0.1 ? Number.NaN : random()));
    for (const threads of [1, 2]) {
      const pool = await Pool.create(rows, 1, 1, null, threads, () => {});
      try {
        const binned = await pool.bin([column], 255, null);
        const order = pool.memory.order;
        let m = 0;
        for (let r = 0; r < rows; r++) if (random() < 0.9) order[m++] = r;
        const rowsIn = [...order.subarray(0, m)];
        const split = { start: 0, end: m, feature: 0, bin: 100, defaultLeft: true };
        const [mid] = await pool.partition([split]);
        const goesLeft = (r: number) => binned.byColumn[r] === MISSING_BIN || binned.byColumn[r]! <= 100;
        const expected = [...rowsIn.filter(goesLeft), ...rowsIn.filter((r) => !goesLeft(r))];
        expect(mid).toBe(rowsIn.filter(goesLeft).length);
        expect([...order.subarray(0, m)]).toEqual(expected);
      } finally {
        await pool.close();
      }
    }
  }, 30_000);
});
