/**
 * The statistics drift detection rests on, as Evidently computes them (its stattests module, which
 * calls scipy): two-sample Kolmogorov–Smirnov, Wasserstein distance normalised by the reference
 * standard deviation, Population Stability Index, chi-square goodness of fit of the current counts
 * against the reference proportions, and Jensen–Shannon distance. Pure functions over numbers.
 */

const ascending = (values: ArrayLike<number>) => Float64Array.from(values).sort();

/** The largest gap between the two empirical distribution functions, and where it is. */
export function ksStatistic(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  const a = ascending(reference);
  const b = ascending(current);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < a.length && j < b.length) {
    const x = Math.min(a[i]!, b[j]!);
    while (i < a.length && a[i]! <= x) i++;
    while (j < b.length && b[j]! <= x) j++;
    d = Math.max(d, Math.abs(i / a.length - j / b.length));
  }
  return d;
}

/** Kolmogorov's limiting survival function Q(λ) = 2 Σ (−1)^(k−1) e^(−2k²λ²). */
function kolmogorovSf(lambda: number): number {
  if (lambda < 0.2) return 1;
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    sum += (k % 2 === 1 ? 1 : -1) * term;
    if (term < 1e-16 * Math.abs(sum)) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/** Up to this many lattice cells (n₁·n₂) the KS p-value is exact: about 25 ms at the limit. Covers the default KS case (at most 1,000 reference rows) for windows up to 10,000 rows, where scipy is exact too. */
export const KS_EXACT_CELLS = 10_000_000;

/**
 * P(D ≥ d) under "no drift", exactly (scipy's method='exact'): every ordering of the pooled values is
 * equally likely, and D ≥ d exactly when the lattice path through (i, j) — i values of the first
 * sample and j of the second seen so far — touches |i·n₂ − j·n₁| ≥ h = d·n₁·n₂. The probability u that
 * a random path to (i, j) has touched it follows u(i, j) = (i·u(i−1, j) + j·u(i, j−1)) / (i + j), and
 * is 1 on and beyond the line. Carried as a probability, so nothing overflows and a small p-value
 * keeps its digits.
 */
function ksExactPValue(n1: number, n2: number, d: number): number {
  const h = Math.round(d * n1 * n2);
  if (h === 0) return 1;
  const u = new Float64Array(n2 + 1);
  for (let j = 1; j <= n2; j++) u[j] = j * n1 >= h ? 1 : u[j - 1]!;
  for (let i = 1; i <= n1; i++) {
    if (i * n2 >= h) u[0] = 1;
    for (let j = 1; j <= n2; j++) u[j] = Math.abs(i * n2 - j * n1) >= h ? 1 : (i * u[j]! + j * u[j - 1]!) / (i + j);
  }
  return u[n2]!;
}

/**
 * Two-sample KS test (two-sided). The p-value is exact up to KS_EXACT_CELLS (as scipy's default is
 * for samples up to 10,000 rows a side); above that, the asymptotic one with Stephens' small-sample
 * correction, λ = (√n + 0.12 + 0.11/√n)·D with n = n₁n₂/(n₁+n₂), within about 5% of the exact value at
 * hundreds of rows a side and closer beyond, which no drift decision at p < 0.05 notices.
 */
export function ksTest(reference: ArrayLike<number>, current: ArrayLike<number>): { statistic: number; pValue: number } {
  const statistic = ksStatistic(reference, current);
  const [n1, n2] = [reference.length, current.length];
  if (n1 * n2 <= KS_EXACT_CELLS) return { statistic, pValue: ksExactPValue(n1, n2, statistic) };
  const n = (n1 * n2) / (n1 + n2);
  const root = Math.sqrt(n);
  return { statistic, pValue: kolmogorovSf((root + 0.12 + 0.11 / root) * statistic) };
}

/** Earth mover's distance between the two empirical distributions (scipy.stats.wasserstein_distance). */
export function wasserstein(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  const a = ascending(reference);
  const b = ascending(current);
  const [na, nb] = [a.length, b.length];
  // One merge walk over both sorted sides (no third sorted copy): at each distinct value x, the two
  // empirical CDFs are i/na and j/nb until the next value of either side.
  let i = 0;
  let j = 0;
  let distance = 0;
  while (i < na || j < nb) {
    const x = j >= nb || (i < na && a[i]! <= b[j]!) ? a[i]! : b[j]!;
    while (i < na && a[i]! <= x) i++;
    while (j < nb && b[j]! <= x) j++;
    if (i === na && j === nb) break;
    const next = i < na && (j >= nb || a[i]! <= b[j]!) ? a[i]! : b[j]!;
    distance += Math.abs(i / na - j / nb) * (next - x);
  }
  return distance;
}

export function sampleStd(values: ArrayLike<number>): number {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i]! / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - mean) ** 2;
  return n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
}

/** Wasserstein distance in units of the reference's standard deviation, as Evidently normalises it (drift at ≥ 0.1 by default). */
export function normalizedWasserstein(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  const std = sampleStd(reference);
  return std > 0 ? wasserstein(reference, current) / std : wasserstein(reference, current) === 0 ? 0 : Number.POSITIVE_INFINITY;
}

/**
 * Empty bins get this share instead of 0 before the logarithm (Evidently uses 0.0001): without it, a
 * bin empty on one side makes PSI infinite.
 */
export const PSI_EPSILON = 0.0001;

/** Population Stability Index Σ (c − r)·ln(c / r) over bin shares (counts are normalised here). */
export function psi(referenceCounts: ArrayLike<number>, currentCounts: ArrayLike<number>): number {
  const rt = Array.from(referenceCounts).reduce((s, x) => s + x, 0);
  const ct = Array.from(currentCounts).reduce((s, x) => s + x, 0);
  let total = 0;
  for (let k = 0; k < referenceCounts.length; k++) {
    const r = Math.max(referenceCounts[k]! / rt, PSI_EPSILON);
    const c = Math.max(currentCounts[k]! / ct, PSI_EPSILON);
    total += (c - r) * Math.log(c / r);
  }
  return total;
}

/** ln Γ(x) by the Lanczos approximation (g = 7, n = 9): about 15 significant digits. */
function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The regularised upper incomplete gamma Q(s, x): a series below s + 1, a continued fraction above. */
function gammaQ(s: number, x: number): number {
  if (x <= 0) return 1;
  const lead = s * Math.log(x) - x - logGamma(s);
  if (x < s + 1) {
    let term = 1 / s;
    let sum = term;
    for (let n = 1; n < 1000 && Math.abs(term) > Math.abs(sum) * 1e-16; n++) sum += term *= x / (s + n);
    return 1 - sum * Math.exp(lead);
  }
  // Lentz's method for the continued fraction.
  let b = x + 1 - s;
  let c = 1e300;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - s);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < 1e-300) d = 1e-300;
    c = b + an / c;
    if (Math.abs(c) < 1e-300) c = 1e-300;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return Math.exp(lead) * h;
}

/** P(χ² with `dof` degrees of freedom ≥ x). */
export function chiSquareSf(x: number, dof: number): number {
  return gammaQ(dof / 2, x / 2);
}

/**
 * Chi-square goodness of fit of the current counts against the reference proportions over the same
 * categories (scipy.stats.chisquare, as Evidently's chi-square test calls it). Categories the
 * reference never saw are the caller's to add with a small reference count.
 */
export function chiSquareTest(referenceCounts: ArrayLike<number>, currentCounts: ArrayLike<number>): { statistic: number; pValue: number; dof: number } {
  const rt = Array.from(referenceCounts).reduce((s, x) => s + x, 0);
  const ct = Array.from(currentCounts).reduce((s, x) => s + x, 0);
  let statistic = 0;
  for (let k = 0; k < referenceCounts.length; k++) {
    const expected = (referenceCounts[k]! / rt) * ct;
    if (expected > 0) statistic += (currentCounts[k]! - expected) ** 2 / expected;
  }
  const dof = referenceCounts.length - 1;
  return { statistic, pValue: dof > 0 ? chiSquareSf(statistic, dof) : 1, dof };
}

/** Jensen–Shannon distance (the square root of the divergence, natural log), as scipy computes it; 0 = same, ln 2's root = disjoint. */
export function jensenShannon(referenceCounts: ArrayLike<number>, currentCounts: ArrayLike<number>): number {
  const rt = Array.from(referenceCounts).reduce((s, x) => s + x, 0);
  const ct = Array.from(currentCounts).reduce((s, x) => s + x, 0);
  let divergence = 0;
  for (let k = 0; k < referenceCounts.length; k++) {
    const p = referenceCounts[k]! / rt;
    const q = currentCounts[k]! / ct;
    const m = (p + q) / 2;
    if (p > 0) divergence += 0.5 * p * Math.log(p / m);
    if (q > 0) divergence += 0.5 * q * Math.log(q / m);
  }
  return Math.sqrt(Math.max(0, divergence));
}
