import { describe, expect, it } from 'vitest';
import { halvingRounds, sampleConfigs } from '../../../src/main/engine/train/search-space';

describe('search space', () => {
  it('plans successive halving: 12 trials on 1/9, 4 on 1/3, 2 on all rows', () => {
    expect(halvingRounds(12)).toEqual([
      { keep: 12, fraction: 1 / 9 },
      { keep: 4, fraction: 1 / 3 },
      { keep: 2, fraction: 1 },
    ]);
    expect(halvingRounds(2)).toEqual([{ keep: 2, fraction: 1 }]);
    expect(halvingRounds(27).map((r) => r.keep)).toEqual([27, 9, 3, 1]);
  });

  it('draws the same trials for the same seed, within range, log-uniformly on log scales', () => {
    const space = { l2: { min: 1e-6, max: 1, log: true, integer: false }, depth: { min: 3, max: 8, log: false, integer: true }, act: { values: ['relu', 'tanh'] } };
    const a = sampleConfigs(space, 400, 1);
    expect(sampleConfigs(space, 400, 1)).toEqual(a);
    expect(sampleConfigs(space, 400, 2)).not.toEqual(a);
    for (const c of a) {
      expect(c.l2).toBeGreaterThanOrEqual(1e-6);
      expect(c.l2).toBeLessThanOrEqual(1);
      expect(Number.isInteger(c.depth)).toBe(true);
      expect(['relu', 'tanh']).toContain(c.act);
    }
    // log-uniform: about half the draws fall below the geometric midpoint 1e-3
    const below = a.filter((c) => (c.l2 as number) < 1e-3).length;
    expect(below).toBeGreaterThan(150);
    expect(below).toBeLessThan(250);
  });

  it('refuses an empty or non-positive log range', () => {
    expect(() => sampleConfigs({ l2: { min: 0, max: 1, log: true, integer: false } }, 1, 1)).toThrow(/not positive on a log scale/);
  });
});
