import type { Policy } from '../governance/policy';
import { histogram } from './bins';
import { chiSquareTest, jensenShannon, ksTest, normalizedWasserstein, psi } from './drift-stats';

/** What the reference profile keeps of a feature (structurally the package's reference-profile.json). */
export type FeatureReference =
  | { name: string; kind: 'numeric'; edges: number[]; counts: number[]; missing: number; sample: number[] }
  | { name: string; kind: 'categorical'; frequencies: Record<string, number>; missing: number };

export type DriftTest = 'ks' | 'wasserstein' | 'psi' | 'chisquare' | 'jensenshannon';

export interface FeatureDrift {
  feature: string;
  test: DriftTest;
  /** The test's statistic (KS D, normalised Wasserstein, PSI, χ², JS distance). */
  statistic: number;
  /** For the statistical tests (KS, chi-square); null for distances. */
  pValue: number | null;
  /** p-value below this, or statistic at or above it, is drift. */
  threshold: number;
  drifted: boolean;
  /** Rows of the window with a value; below the policy's minimum the verdict is withheld. */
  rows: number;
  /** Why no verdict (too few rows) — drifted is then false. */
  warning: string | null;
  /** Categorical: window values the reference never saw, and how many rows had them. Numeric: rows outside the training range. */
  newCategories: string[];
  outOfRange: number;
}

/** Evidently's rule: tests on small references, distances on large ones (the cut at 1,000 reference rows). */
const LARGE_REFERENCE = 1000;

function chooseTest(kind: 'numeric' | 'categorical', referenceRows: number, policy: Policy['monitoring']): DriftTest {
  if (kind === 'numeric') return policy.numericTest !== 'auto' ? policy.numericTest : referenceRows <= LARGE_REFERENCE ? 'ks' : 'wasserstein';
  return policy.categoricalTest !== 'auto' ? policy.categoricalTest : referenceRows <= LARGE_REFERENCE ? 'chisquare' : 'jensenshannon';
}

/** A small count for categories one side never saw, so the chi-square and PSI stay finite (Evidently adds the category with a tiny share likewise). */
const UNSEEN = 1e-4;

/**
 * Drift of one feature in a window against its reference: the test chosen as the policy says (by
 * default from the reference size, as Evidently does), the verdict on the policy's threshold, and the
 * window's new categories or out-of-range values. A window smaller than the policy's minimum gets a
 * warning instead of a verdict.
 */
export function featureDrift(reference: FeatureReference, referenceRows: number, current: Array<number | string | null>, policy: Policy['monitoring']): FeatureDrift {
  const test = chooseTest(reference.kind, referenceRows, policy);
  const base = { feature: reference.name, test, newCategories: [] as string[], outOfRange: 0 };
  let statistic: number;
  let pValue: number | null = null;
  let rows: number;
  if (reference.kind === 'numeric') {
    const values = current.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    rows = values.length;
    const [lo, hi] = [reference.edges[0], reference.edges.at(-1)];
    if (lo !== undefined && hi !== undefined) base.outOfRange = values.filter((v) => v < lo || v > hi).length;
    if (rows === 0 || reference.sample.length === 0) return { ...base, statistic: 0, pValue: null, threshold: 0, drifted: false, rows, warning: 'no numbers in this window' };
    if (test === 'ks') ({ statistic, pValue } = ksTest(reference.sample, values));
    else if (test === 'wasserstein') statistic = normalizedWasserstein(reference.sample, values);
    else statistic = psi(reference.counts, histogram(reference.edges, values));
  } else {
    const values = current.filter((v): v is string => typeof v === 'string' && v !== '');
    rows = values.length;
    const counts = new Map<string, number>();
    for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
    const levels = [...new Set([...Object.keys(reference.frequencies), ...counts.keys()])];
    base.newCategories = [...counts.keys()].filter((v) => !(v in reference.frequencies));
    const ref = levels.map((l) => reference.frequencies[l] ?? UNSEEN);
    const cur = levels.map((l) => counts.get(l) ?? 0);
    if (rows === 0) return { ...base, statistic: 0, pValue: null, threshold: 0, drifted: false, rows, warning: 'no values in this window' };
    if (test === 'chisquare') ({ statistic, pValue } = chiSquareTest(ref, cur));
    else if (test === 'jensenshannon') statistic = jensenShannon(ref, cur);
    else statistic = psi(ref, cur.map((c) => c || UNSEEN));
  }
  const threshold = pValue !== null ? policy.pValue : test === 'psi' ? policy.psiThreshold : policy.distanceThreshold;
  if (rows < policy.minWindowRows) {
    return { ...base, statistic, pValue, threshold, drifted: false, rows, warning: `${rows} rows is too few to judge (the policy asks for ${policy.minWindowRows})` };
  }
  const drifted = pValue !== null ? pValue < threshold : statistic >= threshold;
  return { ...base, statistic, pValue, threshold, drifted, rows, warning: null };
}

/** The dataset drifts when the share of drifted features (of those judged) reaches the policy's share. */
export function datasetDrift(features: FeatureDrift[], policy: Policy['monitoring']): { drifted: boolean; share: number; driftedFeatures: string[]; judged: number } {
  const judged = features.filter((f) => f.warning === null);
  const driftedFeatures = judged.filter((f) => f.drifted).map((f) => f.feature);
  const share = judged.length ? driftedFeatures.length / judged.length : 0;
  return { drifted: judged.length > 0 && share >= policy.datasetDriftShare, share, driftedFeatures, judged: judged.length };
}
