import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/main/engine/data/analysis/rng';
import { binsToRead, numericFromBins, type FineHistogram } from '../../../src/main/engine/monitor/file-drift-ranks';
import { numericReference } from '../../../src/main/engine/registry/reference-profile';
import { histogram } from '../../../src/shared/monitor/bins';

/**
 * The profile from a fine histogram against reference-profile.ts numericReference, which sorts the
 * whole column: the independent way a package's profile is made. The histogram here is built as
 * DuckDB builds it in file-drift-reference.ts (equal-width bins between min and max, each with its
 * count, smallest and largest value), and the bins binsToRead names are read from the raw values.
 */
function profileFromBins(name: string, values: number[], bins: number, exactRows?: number) {
  const present = values.filter((v) => !Number.isNaN(v));
  const [min, max] = [Math.min(...present), Math.max(...present)];
  const scale = max > min ? (bins - 1) / (max - min) : 0;
  const binOf = (v: number) => Math.min(bins - 1, Math.max(0, Math.round(v * scale - min * scale)));
  const byBin = new Map<number, number[]>();
  for (const v of present) byBin.set(binOf(v), [...(byBin.get(binOf(v)) ?? []), v]);
  const occupied = [...byBin.keys()].sort((a, b) => a - b);
  const h: FineHistogram = {
    bin: Float64Array.from(occupied),
    count: Float64Array.from(occupied, (b) => byBin.get(b)!.length),
    min: Float64Array.from(occupied, (b) => Math.min(...byBin.get(b)!)),
    max: Float64Array.from(occupied, (b) => Math.max(...byBin.get(b)!)),
  };
  const read = new Map<number, Array<[number, number]>>();
  for (const b of binsToRead(h, exactRows)) {
    const counts = new Map<number, number>();
    for (const v of byBin.get(b)!) counts.set(v, (counts.get(v) ?? 0) + 1);
    read.set(b, [...counts]);
  }
  return { profile: numericFromBins(name, values.length - present.length, h, read), spread: (max - min) / (bins - 1) };
}

const random = seededRandom(11);
const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

describe('a numeric reference profile from fine bins', () => {
  it('equals the sorted-column profile exactly while the sample bins are read (skewed values, missing ones, ties)', () => {
    const values = Array.from({ length: 20_000 }, (_, i) => (i % 37 === 0 ? Number.NaN : Math.round(Math.exp(2 * random()) * 1000) / 100));
    const { profile } = profileFromBins('skewed', values, 4096);
    const expected = numericReference('skewed', Float64Array.from(values));
    expect(profile).toEqual({ name: 'skewed', kind: 'numeric', edges: expected.edges, counts: expected.counts, missing: expected.missing, sample: expected.sample });
  });

  it('is exact for integers, a 0/1 flag, a constant, one value and a reference smaller than the sample', () => {
    const cases: Array<[string, number[]]> = [
      ['integers', Array.from({ length: 5000 }, () => Math.floor(random() * 7))],
      ['flag', Array.from({ length: 3000 }, () => (random() < 0.3 ? 1 : 0))],
      ['constant', new Array<number>(500).fill(4.25)],
      ['single', [17]],
      ['small', Array.from({ length: 250 }, () => normal())],
    ];
    for (const [name, values] of cases) {
      const expected = numericReference(name, Float64Array.from(values));
      expect(profileFromBins(name, values, 64).profile, name).toEqual({ name, kind: 'numeric', edges: expected.edges, counts: expected.counts, missing: expected.missing, sample: expected.sample });
    }
  });

  it('above the exact limit: exact ends, inner edges within a bin of the deciles, counts exact for them, sample within a bin', () => {
    // An exact limit of 0 takes the one-pass path a large reference takes.
    const values = Array.from({ length: 50_000 }, () => 10 + 3 * normal());
    const { profile, spread } = profileFromBins('wide', values, 1024, 0);
    const expected = numericReference('wide', Float64Array.from(values));
    expect(profile.edges).toHaveLength(expected.edges.length);
    expect([profile.edges[0], profile.edges.at(-1)]).toEqual([expected.edges[0], expected.edges.at(-1)]);
    for (let k = 1; k < expected.edges.length - 1; k++) expect(Math.abs(profile.edges[k]! - expected.edges[k]!)).toBeLessThanOrEqual(spread);
    // The counts are what bins.ts counts over every value with these edges.
    expect(profile.counts).toEqual(histogram(profile.edges, values));
    expect(profile.sample).toHaveLength(1000);
    const worst = Math.max(...profile.sample.map((x, k) => Math.abs(x - expected.sample[k]!)));
    expect(worst).toBeLessThanOrEqual(spread);
    expect(worst).toBeGreaterThan(0);
    // Sorted, with the exact extremes at both ends.
    expect(profile.sample.every((x, k) => k === 0 || x >= profile.sample[k - 1]!)).toBe(true);
    expect([profile.sample[0], profile.sample.at(-1)]).toEqual([expected.sample[0], expected.sample.at(-1)]);
  });

  it('above the exact limit stays exact on spikes: a 0/1 flag and a few integers', () => {
    for (const [name, values] of [
      ['flag', Array.from({ length: 3000 }, () => (random() < 0.3 ? 1 : 0))],
      ['integers', Array.from({ length: 5000 }, () => Math.floor(random() * 7))],
    ] as const) {
      const expected = numericReference(name, Float64Array.from(values));
      expect(profileFromBins(name, [...values], 64, 0).profile, name).toEqual({ name, kind: 'numeric', edges: expected.edges, counts: expected.counts, missing: 0, sample: expected.sample });
    }
  });

  it('gives an empty profile to a column without numbers', () => {
    const empty = new Float64Array(0);
    expect(numericFromBins('none', 12, { bin: empty, count: empty, min: empty, max: empty }, new Map())).toEqual({ name: 'none', kind: 'numeric', edges: [], counts: [], missing: 12, sample: [] });
  });
});
