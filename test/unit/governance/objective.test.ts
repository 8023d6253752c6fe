import { describe, expect, it } from 'vitest';
import { diffFields } from '../../../src/shared/governance/diff';
import { Objective, objectiveMissing } from '../../../src/shared/governance/objective';
import { PersonInput } from '../../../src/shared/governance/people';
import { DEFAULT_POLICY, Policy, POLICY_HELP } from '../../../src/shared/governance/policy';
import { parseLink } from '../../../src/shared/governance/decisions';

const issues = (result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('objective validation', () => {
  it('accepts an empty draft and says what is missing', () => {
    const draft = Objective.parse({});
    expect(objectiveMissing(draft)).toEqual(['the business problem', 'the ML task', 'a primary metric with its threshold']);
  });

  it('refuses a threshold outside the metric’s range, naming the field', () => {
    const result = Objective.safeParse({ task: 'binary', primaryMetric: { metric: 'roc_auc', threshold: 1.5 } });
    expect(issues(result)).toEqual(['primaryMetric.threshold: ROC AUC cannot be above 1; got 1.5']);
    expect(issues(Objective.safeParse({ task: 'regression', primaryMetric: { metric: 'rmse', threshold: -1 } }))).toEqual([
      'primaryMetric.threshold: RMSE cannot be below 0; got -1',
    ]);
  });

  it('refuses a metric that does not fit the task', () => {
    const result = Objective.safeParse({ task: 'regression', primaryMetric: { metric: 'roc_auc', threshold: 0.8 } });
    expect(issues(result)[0]).toMatch(/^primaryMetric\.metric: ROC AUC does not apply to regression; choose one of rmse, mae, mape, r2$/);
  });

  it('refuses an unknown metric, and fairness bounds that cannot hold', () => {
    expect(issues(Objective.safeParse({ primaryMetric: { metric: 'auc_roc', threshold: 0.8 } }))[0]).toMatch(/^primaryMetric\.metric: /);
    const fairness = Objective.safeParse({ task: 'binary', constraints: { fairness: { metric: 'demographic_parity_difference', bound: 2, sensitiveColumns: ['sex'] } } });
    expect(issues(fairness)).toEqual(['constraints.fairness.bound: Demographic parity difference bound must be between 0 and 1; got 2']);
    const noColumns = Objective.safeParse({ constraints: { fairness: { metric: 'demographic_parity_difference', bound: 0.1, sensitiveColumns: [] } } });
    expect(issues(noColumns)).toEqual(['constraints.fairness.sensitiveColumns: name at least one sensitive column']);
  });
});

describe('people and policy validation', () => {
  it('refuses an owner for an unknown stage, by name', () => {
    const result = PersonInput.safeParse({ name: 'Ana', role: 'data_scientist', raci: { objectives: 'A', training: 'R' } });
    expect(issues(result)).toEqual(['raci.training: unknown stage \'training\'; stages are objectives, data, train, evaluate, deploy, monitor, governance']);
    expect(issues(PersonInput.safeParse({ name: 'Ana', role: 'data_scientist', raci: { data: 'X' } }))).toEqual(['raci.data: use R, A, C or I']);
    expect(issues(PersonInput.safeParse({ name: 'Ana', role: 'wizard' }))[0]).toMatch(/^role: role must be one of product_owner/);
  });

  it('fills sensible defaults and explains every setting', () => {
    expect(DEFAULT_POLICY.promotion.approvals).toEqual({ required: 1, roles: ['reviewer'] });
    expect(DEFAULT_POLICY.monitoring.datasetDriftShare).toBe(0.5);
    const leaves = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? leaves(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(leaves(DEFAULT_POLICY).length).toBeGreaterThan(15);
    for (const field of leaves(DEFAULT_POLICY)) expect(POLICY_HELP[field], field).toBeTruthy();
    expect(issues(Policy.safeParse({ monitoring: { datasetDriftShare: 1.5 } }))).toEqual(['monitoring.datasetDriftShare: must be a share between 0 and 1']);
  });
});

describe('field diff', () => {
  it('lists changed leaves with dotted paths, arrays as whole values', () => {
    expect(
      diffFields(
        { a: 1, b: { c: 'x', d: [1, 2] }, e: null },
        { a: 1, b: { c: 'y', d: [1, 2, 3] }, e: 5 },
      ),
    ).toEqual([
      { field: 'b.c', from: 'x', to: 'y' },
      { field: 'b.d', from: [1, 2], to: [1, 2, 3] },
      { field: 'e', from: null, to: 5 },
    ]);
  });
});

describe('decision links', () => {
  it('parses kind:ref and refuses unknown kinds', () => {
    expect(parseLink('dataset:churn-v2')).toEqual({ kind: 'dataset', ref: 'churn-v2' });
    expect(parseLink('run:7f3a:b')).toEqual({ kind: 'run', ref: '7f3a:b' });
    expect(parseLink('spreadsheet:x')).toBeNull();
    expect(parseLink('nocolon')).toBeNull();
  });
});
