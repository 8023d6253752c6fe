import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../../../src/shared/governance/policy';
import { datasetDrift, featureDrift, type FeatureReference } from '../../../src/shared/monitor/feature-drift';

const policy = DEFAULT_POLICY.monitoring;
const evenly = (n: number, lo: number, hi: number) => Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
const numeric = (sample: number[]): FeatureReference => ({ name: 'age', kind: 'numeric', edges: [0, 25, 50, 75, 100], counts: [250, 250, 250, 250], missing: 0, sample });
const plan: FeatureReference = { name: 'plan', kind: 'categorical', frequencies: { basic: 600, plus: 300, pro: 100 }, missing: 0 };

describe('feature drift on hand-made windows', () => {
  it('uses KS on a small reference and flags a shifted window at p < 0.05, not an unshifted one', () => {
    const ref = numeric(evenly(500, 0, 100));
    const same = featureDrift(ref, 500, evenly(200, 0, 100), policy);
    expect(same).toMatchObject({ test: 'ks', drifted: false, warning: null, outOfRange: 0 });
    const shifted = featureDrift(ref, 500, evenly(200, 20, 120), policy);
    expect(shifted).toMatchObject({ test: 'ks', drifted: true, threshold: 0.05, outOfRange: expect.any(Number) });
    expect(shifted.statistic).toBeCloseTo(0.2, 2);
    expect(shifted.outOfRange).toBeGreaterThan(30);
  });

  it('uses normalised Wasserstein on a large reference, drift at 0.1 standard deviations', () => {
    const ref = numeric(evenly(1000, 0, 100));
    // The reference's sd is about 28.9: a 2-unit shift is 0.07 sd, a 5-unit shift 0.17 sd.
    expect(featureDrift(ref, 50_000, evenly(300, 2, 102), policy)).toMatchObject({ test: 'wasserstein', drifted: false });
    const moved = featureDrift(ref, 50_000, evenly(300, 5, 105), policy);
    expect(moved).toMatchObject({ test: 'wasserstein', drifted: true, pValue: null, threshold: 0.1 });
    expect(moved.statistic).toBeCloseTo(5 / 28.91, 2);
  });

  it('chi-square on small references, Jensen–Shannon on large ones, and names new categories', () => {
    const window = [...new Array(60).fill('basic'), ...new Array(30).fill('plus'), ...new Array(10).fill('pro')];
    expect(featureDrift(plan, 1000, window, policy)).toMatchObject({ test: 'chisquare', drifted: false, newCategories: [] });
    const changed = [...new Array(30).fill('basic'), ...new Array(40).fill('plus'), ...new Array(20).fill('pro'), ...new Array(10).fill('gold')];
    const small = featureDrift(plan, 1000, changed, policy);
    expect(small).toMatchObject({ test: 'chisquare', drifted: true, newCategories: ['gold'] });
    const large = featureDrift(plan, 100_000, changed, policy);
    expect(large).toMatchObject({ test: 'jensenshannon', drifted: true, newCategories: ['gold'] });
  });

  it('follows a policy that names the test, and withholds a verdict on a window that is too small', () => {
    const psiPolicy = { ...policy, numericTest: 'psi' as const };
    const ref = numeric(evenly(500, 0, 100));
    const skewed = featureDrift(ref, 500, [...new Array(150).fill(10), ...new Array(50).fill(90)], psiPolicy);
    expect(skewed).toMatchObject({ test: 'psi', drifted: true, threshold: 0.2 });
    const few = featureDrift(ref, 500, evenly(20, 50, 150), policy);
    expect(few).toMatchObject({ drifted: false, warning: '20 rows is too few to judge (the policy asks for 100)' });
  });

  it('calls the dataset drifted when half the judged features drift', () => {
    const f = (feature: string, drifted: boolean, warning: string | null = null) => ({ feature, drifted, warning }) as never;
    expect(datasetDrift([f('a', true), f('b', false)], policy)).toMatchObject({ drifted: true, share: 0.5, driftedFeatures: ['a'] });
    expect(datasetDrift([f('a', true), f('b', false), f('c', false)], policy)).toMatchObject({ drifted: false });
    expect(datasetDrift([f('a', true), f('b', false, 'too few'), f('c', false, 'too few')], policy)).toMatchObject({ drifted: true, judged: 1 });
  });
});
