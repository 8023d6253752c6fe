import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { finish, rawSums } from '../../../src/main/engine/train/linear/logistic-kernels';
import { PARALLEL_ABOVE, splitObjective } from '../../../src/main/engine/train/linear/parallel';

describe('logistic objective split across threads', () => {
  it.runIf(os.availableParallelism() >= 2)('gives the loss and gradient of the whole data on one thread, round after round', { timeout: 60_000 }, async () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const n = PARALLEL_ABOVE + 1234;
    const d = 5;
    const columns = Array.from({ length: d }, () => Float64Array.from({ length: n }, () => rand() * 2 - 1));
    const x = { rows: n, names: columns.map((_c, j) => `x${j}`), columns };
    for (const outputs of [1, 3]) {
      const y = Float64Array.from({ length: n }, () => (outputs === 1 ? Number(rand() < 0.4) : Math.floor(rand() * 3)));
      const split = await splitObjective(x, { kind: outputs === 1 ? 'binary' : 'multiclass', classes: outputs === 1 ? 2 : 3, values: y }, outputs, 0.01, () => {});
      expect(split).not.toBeNull();
      expect(split!.threads).toBeGreaterThanOrEqual(2);
      try {
        for (let round = 0; round < 3; round++) {
          const w = Float64Array.from({ length: outputs * (d + 1) }, () => rand() - 0.5);
          const [g1, g2] = [new Float64Array(w.length), new Float64Array(w.length)];
          const whole = finish(rawSums(x, y, outputs, w, g1, new Float64Array(n * outputs)), g1, w, n, d, outputs, 0.01);
          const parts = split!(w, g2);
          expect(parts).toBeCloseTo(whole, 12);
          for (let i = 0; i < w.length; i++) expect(g2[i]).toBeCloseTo(g1[i]!, 12);
        }
      } finally {
        await split!.close();
      }
    }
  });

  it('stays on one thread below the row threshold', async () => {
    const x = { rows: 10, names: ['a'], columns: [new Float64Array(10)] };
    expect(await splitObjective(x, { kind: 'binary', classes: 2, values: new Float64Array(10) }, 1, 0, () => {})).toBeNull();
  });
});
