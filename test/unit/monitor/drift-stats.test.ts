import { describe, expect, it } from 'vitest';
import { chiSquareSf, chiSquareTest, jensenShannon, ksTest, normalizedWasserstein, psi, PSI_EPSILON, wasserstein } from '../../../src/shared/monitor/drift-stats';

// The same formulas in Python give the samples scipy 1.17.1 was run on for the reference values below.
const round3 = (x: number) => Math.round(x * 1000) / 1000;
const a = Array.from({ length: 300 }, (_, i) => round3(10 + 2 * Math.sin(i * 1.3) + (i % 7) / 10));
const b = Array.from({ length: 250 }, (_, i) => round3(10.5 + 2.4 * Math.cos(i * 0.7) + (i % 5) / 8));
const c = Array.from({ length: 2000 }, (_, i) => round3(10 + 2 * Math.sin(i * 1.3) + (i % 7) / 10 + 0.01 * (i % 3)));
const d = Array.from({ length: 1500 }, (_, i) => round3(10.2 + 2 * Math.sin(i * 1.1) + (i % 9) / 10));

describe('drift statistics against scipy 1.17.1', () => {
  it('two-sample Kolmogorov–Smirnov: the statistic exactly, the p-value as scipy’s exact one to 1e-6 (relative)', () => {
    const small = ksTest(a, b);
    expect(small.statistic).toBeCloseTo(0.22, 12);
    // scipy: exact 2.9127e-06, asymptotic 2.9207e-06.
    expect(Math.abs(small.pValue / 2.9127101243589666e-6 - 1)).toBeLessThan(1e-6);
    const large = ksTest(c, d);
    expect(large.statistic).toBeCloseTo(0.101, 12);
    expect(Math.abs(large.pValue / 4.6753129862477614e-8 - 1)).toBeLessThan(1e-6);
    expect(ksTest(a, a)).toEqual({ statistic: 0, pValue: 1 });
  });

  it('Wasserstein distance, and normalised by the reference’s sample standard deviation', () => {
    expect(wasserstein(a, b)).toBeCloseTo(0.4434233333333334, 12);
    expect(normalizedWasserstein(a, b)).toBeCloseTo(0.4434233333333334 / 1.4294184761838435, 12);
    expect(wasserstein([1, 2, 3], [1, 2, 3])).toBe(0);
    // Shifting every value by 5 moves the distribution by exactly 5.
    expect(wasserstein(a, a.map((x) => x + 5))).toBeCloseTo(5, 10);
  });

  it('chi-square goodness of fit of current counts against reference proportions', () => {
    expect(chiSquareTest([50, 30, 20], [35, 40, 25])).toMatchObject({ dof: 2 });
    expect(chiSquareTest([50, 30, 20], [35, 40, 25]).statistic).toBeCloseTo(9.083333333333334, 12);
    expect(chiSquareTest([50, 30, 20], [35, 40, 25]).pValue).toBeCloseTo(0.010655632358543929, 10);
    const four = chiSquareTest([40, 35, 20, 5], [120, 60, 15, 5]);
    expect(four.statistic).toBeCloseTo(39.55357142857143, 10);
    expect(four.pValue / 1.3248749962145307e-8).toBeCloseTo(1, 8);
    for (const [x, dof, sf] of [
      [7.5, 3, 0.0575584519726364],
      [30.2, 11, 0.001473930113648844],
      [0.3, 1, 0.583882420770365],
      [250, 40, 3.4695368870539687e-32],
    ] as const) {
      expect(chiSquareSf(x, dof) / sf).toBeCloseTo(1, 8);
    }
  });

  it('Jensen–Shannon distance with the natural logarithm, as scipy’s default', () => {
    expect(jensenShannon([50, 30, 20], [35, 40, 25])).toBeCloseTo(0.10783258918194409, 12);
    expect(jensenShannon([1, 0], [0, 1])).toBeCloseTo(Math.sqrt(Math.log(2)), 12);
    expect(jensenShannon([3, 3], [5, 5])).toBe(0);
  });

  it('PSI over bin counts, with the documented epsilon for an empty bin', () => {
    // By hand: shares r = (0.5, 0.5), c = (0.9, 0.1): (0.4)·ln(1.8) + (−0.4)·ln(0.2).
    expect(psi([50, 50], [90, 10])).toBeCloseTo(0.4 * Math.log(1.8) - 0.4 * Math.log(0.2), 12);
    expect(psi([10, 20, 30], [20, 40, 60])).toBeCloseTo(0, 12);
    // An empty current bin counts as PSI_EPSILON, so the index stays finite.
    const empty = psi([50, 50], [100, 0]);
    expect(empty).toBeCloseTo((1 - 0.5) * Math.log(1 / 0.5) + (PSI_EPSILON - 0.5) * Math.log(PSI_EPSILON / 0.5), 12);
  });
});
