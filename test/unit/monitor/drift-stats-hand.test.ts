import { describe, expect, it } from 'vitest';
import { chiSquareSf, chiSquareTest, jensenShannon, ksStatistic, ksTest, normalizedWasserstein, psi, PSI_EPSILON, wasserstein } from '../../../src/shared/monitor/drift-stats';

/**
 * The drift statistics against values derived by hand (the arithmetic is in the comments), by brute
 * force, or from closed forms of known distributions: independent of scipy, which
 * drift-stats.test.ts compares with. Every value to 1e-6 or better.
 */
const TOLERANCE = 1e-6;
const close = (actual: number, expected: number, tolerance = TOLERANCE) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance);

/** P(D ≥ d) over every way of splitting the pooled values into groups of n1 and n2, each equally likely under "no drift". */
function bruteForceKsPValue(a: number[], b: number[]): number {
  const pooled = [...a, ...b];
  const observed = ksStatistic(a, b);
  let atLeast = 0;
  let total = 0;
  const choose = (start: number, picked: number[]) => {
    if (picked.length === a.length) {
      const first = picked.map((k) => pooled[k]!);
      const second = pooled.filter((_, k) => !picked.includes(k));
      total++;
      // The statistic by its definition, max over x of |F1(x) − F2(x)|, evaluated at every pooled value.
      const d = Math.max(...pooled.map((x) => Math.abs(first.filter((v) => v <= x).length / first.length - second.filter((v) => v <= x).length / second.length)));
      if (d >= observed - 1e-12) atLeast++;
      return;
    }
    for (let k = start; k < pooled.length; k++) choose(k + 1, [...picked, k]);
  };
  choose(0, []);
  return atLeast / total;
}

/** The Kolmogorov distribution's CDF by its other series (Jacobi's theta transform): K(x) = √(2π)/x · Σ_{k≥1} exp(−(2k−1)²π²/(8x²)). */
function kolmogorovCdf(x: number): number {
  let sum = 0;
  for (let k = 1; k <= 50; k++) sum += Math.exp(-((2 * k - 1) ** 2) * Math.PI ** 2 / (8 * x * x));
  return (Math.sqrt(2 * Math.PI) / x) * sum;
}

describe('Kolmogorov–Smirnov', () => {
  it('statistic: the largest gap between the two step functions, by hand', () => {
    // a = 1,2,3,4 and b = 3,4,5,6,7. F_a(2) − F_b(2) = 2/4 − 0 = 0.5; at 3: 3/4 − 1/5 = 0.55;
    // at 4: 4/4 − 2/5 = 0.6; afterwards F_a = 1 and F_b grows, so D = 0.6.
    expect(ksStatistic([1, 2, 3, 4], [3, 4, 5, 6, 7])).toBeCloseTo(0.6, 12);
    // Ties across the samples: a = 1,1,2 and b = 1,2,2. At 1: 2/3 − 1/3 = 1/3; at 2: 1 − 1 = 0.
    expect(ksStatistic([1, 1, 2], [1, 2, 2])).toBeCloseTo(1 / 3, 12);
    // Disjoint samples: D = 1. Identical ones: D = 0.
    expect(ksStatistic([1, 2], [3, 4, 5])).toBe(1);
    expect(ksStatistic([4, 1, 3], [3, 1, 4])).toBe(0);
  });

  it('p-value: exact on small samples, as P(D ≥ d) over all equally likely splits', () => {
    // a = 1,2,3 and b = 4,5,6: D = 1, reached only by the splits AAABBB and BBBAAA of the
    // C(6,3) = 20 orderings, so p = 2/20 = 0.1 (scipy's exact method gives the same).
    close(ksTest([1, 2, 3], [4, 5, 6]).pValue, 0.1);
    // a = 1,3 and b = 2,4: D = 1/2, and every one of the C(4,2) = 6 orderings reaches 1/2: p = 1.
    close(ksTest([1, 3], [2, 4]).pValue, 1);
    // Brute force over every split of a few unequal samples.
    const cases: Array<[number[], number[]]> = [
      [[0.1, 0.4, 0.5, 0.9, 1.3], [0.7, 1.1, 1.5, 1.6]],
      [[2, 3, 5, 7, 11, 13], [1, 4, 6, 8, 9, 10, 12]],
      [[1.5, 2.5, 2.6, 3.5], [0.5, 0.6, 0.7, 1.6, 4.5, 4.6]],
    ];
    for (const [a, b] of cases) close(ksTest(a, b).pValue, bruteForceKsPValue(a, b));
  });

  it('p-value: on samples too large to count paths, Kolmogorov’s limiting distribution at Stephens’ corrected λ', () => {
    // Two samples of 5,000 and 4,000 evenly spaced values, the second shifted: beyond the exact
    // method's reach, so p = 1 − K(λ) with λ = (√n + 0.12 + 0.11/√n)·D and n = n1·n2/(n1 + n2).
    const a = Array.from({ length: 5000 }, (_, i) => i / 5000);
    const b = Array.from({ length: 4000 }, (_, i) => i / 4000 + 0.02);
    const { statistic, pValue } = ksTest(a, b);
    close(statistic, ksStatistic(a, b), 1e-15);
    const n = (5000 * 4000) / 9000;
    close(pValue, 1 - kolmogorovCdf((Math.sqrt(n) + 0.12 + 0.11 / Math.sqrt(n)) * statistic));
    // The familiar critical value: the limiting distribution gives P(K > 1.3580986) = 0.05.
    close(1 - kolmogorovCdf(1.3580986393225505), 0.05);
  });
});

describe('Wasserstein distance', () => {
  it('by hand: the area between the two step functions', () => {
    // a = 1,2 and b = 2,4. On [1,2): F_a = 1/2, F_b = 0, width 1 → 0.5. On [2,4): F_a = 1,
    // F_b = 1/2, width 2 → 1. W = 1.5.
    close(wasserstein([1, 2], [2, 4]), 1.5, 1e-12);
    // a = 0,1,2 and b = 0,4. On [0,1): |1/3 − 1/2| · 1 = 1/6; on [1,2): |2/3 − 1/2| · 1 = 1/6;
    // on [2,4): |1 − 1/2| · 2 = 1. W = 4/3.
    close(wasserstein([0, 1, 2], [0, 4]), 4 / 3, 1e-12);
    // One point against two: |0 − 1| and |0 − 2| averaged, 1.5.
    close(wasserstein([0], [1, 2]), 1.5, 1e-12);
  });

  it('known distributions: U(0,1) against U(0,2), and a shift', () => {
    // On n evenly spaced quantiles (k + 1/2)/n of U(0,1) and their doubles (U(0,2)), W = the mean
    // of (k + 1/2)/n = 1/2 exactly, as ∫₀¹ |u − 2u| du = 1/2 for the distributions themselves.
    const n = 4000;
    const u = Array.from({ length: n }, (_, k) => (k + 0.5) / n);
    close(wasserstein(u, u.map((x) => 2 * x)), 0.5, 1e-9);
    // Normalised by the reference’s sample standard deviation (of the quantiles themselves).
    const mean = 0.5;
    const sd = Math.sqrt(u.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
    close(normalizedWasserstein(u, u.map((x) => 2 * x)), 0.5 / sd, 1e-9);
    // A shift by c moves every quantile by c: W = c.
    close(wasserstein(u, u.map((x) => x + 0.3)), 0.3, 1e-9);
  });
});

describe('chi-square', () => {
  it('statistic and p-value by hand, with closed forms of the chi-square tail', () => {
    // Reference 50/50, current 60/40 of 100: expected 50 and 50, χ² = 10²/50 + 10²/50 = 4, one
    // degree of freedom: p = P(|Z| ≥ 2) = 2(1 − Φ(2)) = 0.0455002638963584.
    const two = chiSquareTest([50, 50], [60, 40]);
    close(two.statistic, 4, 1e-12);
    close(two.pValue, 0.0455002638963584);
    // Reference 2:1:1 (200, 100, 100), current 30, 10, 20 of 60: expected 30, 15, 15;
    // χ² = 0 + 25/15 + 25/15 = 10/3, two degrees of freedom: p = e^(−χ²/2) = e^(−5/3).
    const three = chiSquareTest([200, 100, 100], [30, 10, 20]);
    close(three.statistic, 10 / 3, 1e-12);
    close(three.pValue, Math.exp(-5 / 3));
    // Closed forms of the tail: 2 dof e^(−x/2); 4 dof e^(−x/2)(1 + x/2); 3 dof
    // erfc(√(x/2)) + √(2x/π)·e^(−x/2), at x = 4: 0.0455002638963584 + √(8/π)·e^(−2).
    for (const x of [0.5, 3, 9.21, 20]) {
      close(chiSquareSf(x, 2), Math.exp(-x / 2));
      close(chiSquareSf(x, 4), Math.exp(-x / 2) * (1 + x / 2));
    }
    close(chiSquareSf(4, 3), 0.0455002638963584 + Math.sqrt(8 / Math.PI) * Math.exp(-2));
  });
});

describe('Jensen–Shannon distance', () => {
  it('by hand, natural logarithm', () => {
    // p = (1/2, 1/2), q = (1, 0), m = (3/4, 1/4). KL(p‖m) = ½ln(2/3) + ½ln 2 = ½ln(4/3);
    // KL(q‖m) = ln(4/3). JS divergence = ½(½ln(4/3) + ln(4/3)) = ¾ln(4/3); distance = √(¾ln(4/3)).
    close(jensenShannon([5, 5], [7, 0]), Math.sqrt(0.75 * Math.log(4 / 3)), 1e-12);
    // Counts are shares: scaling either side changes nothing.
    close(jensenShannon([50, 30, 20], [7, 4, 9]), jensenShannon([5, 3, 2], [70, 40, 90]), 1e-12);
  });
});

describe('Population Stability Index', () => {
  it('by hand, with the empty-bin epsilon', () => {
    // Shares r = (0.2, 0.3, 0.5), c = (0.25, 0.25, 0.5): (0.05)ln(1.25) + (−0.05)ln(5/6) + 0.
    close(psi([20, 30, 50], [25, 25, 50]), 0.05 * Math.log(1.25) - 0.05 * Math.log(5 / 6), 1e-12);
    // A bin empty in the reference counts as PSI_EPSILON = 0.0001: r = (1, ε), c = (0.5, 0.5):
    // (0.5 − 1)ln(0.5) + (0.5 − ε)ln(0.5/ε).
    close(psi([10, 0], [5, 5]), -0.5 * Math.log(0.5) + (0.5 - PSI_EPSILON) * Math.log(0.5 / PSI_EPSILON), 1e-12);
  });
});
