import { describe, expect, it } from 'vitest';
import { evaluateGates, GateEvidence, type GateEvidenceInput } from '../../../src/shared/governance/gates';
import { Objective, type ObjectiveInput } from '../../../src/shared/governance/objective';
import { Policy, type PolicyInput } from '../../../src/shared/governance/policy';

const objective = (o: ObjectiveInput = {}) =>
  Objective.parse({ problem: 'Flag churners', task: 'binary', primaryMetric: { metric: 'roc_auc', threshold: 0.85 }, ...o });
const policy = (p: PolicyInput = {}) => Policy.parse(p);
const evidence = (e: GateEvidenceInput) => GateEvidence.parse(e);
const gate = (report: ReturnType<typeof evaluateGates>, id: string) => report.gates.find((g) => g.gate === id)!;

const passingEvidence: GateEvidenceInput = {
  testMetrics: { roc_auc: 0.9 },
  parity: { passed: true, maxAbsDiff: 3e-7 },
  approvals: [{ by: 'rui', role: 'reviewer', at: '2026-11-20' }],
};

describe('promotion gates', () => {
  it('passes a model that meets everything the default policy requires', () => {
    const report = evaluateGates(objective(), policy(), evidence(passingEvidence));
    expect(report.passed).toBe(true);
    expect(gate(report, 'primary_metric').reason).toBe('ROC AUC on the test split is 0.9, meeting the objective ≥ 0.85.');
    expect(gate(report, 'approvals').reason).toBe('Approved by rui, reviewer.');
  });

  it('fails a higher-is-better metric below its threshold, and passes it exactly at it', () => {
    const below = evaluateGates(objective(), policy(), evidence({ ...passingEvidence, testMetrics: { roc_auc: 0.84 } }));
    expect(below.passed).toBe(false);
    expect(gate(below, 'primary_metric')).toMatchObject({
      passed: false,
      reason: 'ROC AUC on the test split is 0.84; the objective needs ≥ 0.85 (higher is better). Train a better model (another learner, a search, cleaner or more data) and register it.',
    });
    const exact = evaluateGates(objective(), policy(), evidence({ ...passingEvidence, testMetrics: { roc_auc: 0.85 } }));
    expect(gate(exact, 'primary_metric').passed).toBe(true);
  });

  it('reads lower-is-better metrics the other way round (RMSE ≤ 12.5)', () => {
    const regression = objective({ task: 'regression', primaryMetric: { metric: 'rmse', threshold: 12.5 } });
    const good = evaluateGates(regression, policy(), evidence({ ...passingEvidence, testMetrics: { rmse: 11.9 } }));
    expect(gate(good, 'primary_metric').passed).toBe(true);
    const bad = evaluateGates(regression, policy(), evidence({ ...passingEvidence, testMetrics: { rmse: 13.2 } }));
    expect(gate(bad, 'primary_metric').reason).toBe('RMSE on the test split is 13.2; the objective needs ≤ 12.5 (lower is better). Train a better model (another learner, a search, cleaner or more data) and register it.');
  });

  it('fails when the metric was never measured or the objective has none', () => {
    const unmeasured = evaluateGates(objective(), policy(), evidence({ ...passingEvidence, testMetrics: { accuracy: 0.99 } }));
    expect(gate(unmeasured, 'primary_metric').reason).toMatch(/No ROC AUC on the test split yet/);
    const noMetric = evaluateGates(objective({ primaryMetric: null }), policy(), evidence(passingEvidence));
    expect(gate(noMetric, 'primary_metric').reason).toMatch(/sets no primary metric/);
    expect(noMetric.passed).toBe(false);
  });

  it('checks latency and size limits only when the objective sets them', () => {
    const limited = objective({ constraints: { p99LatencyMs: 20, maxModelSizeMb: 50 } });
    const report = evaluateGates(limited, policy(), evidence({ ...passingEvidence, latencyP99Ms: 35, modelSizeMb: 12 }));
    expect(gate(report, 'latency')).toMatchObject({ passed: false, reason: 'P99 latency is 35 ms; the objective allows at most 20 ms. Choose a faster model (fewer trees, a linear learner), or change the limit in the objective if it was too strict.' });
    expect(gate(report, 'model_size').passed).toBe(true);
    expect(report.passed).toBe(false);
    const unmeasured = evaluateGates(limited, policy(), evidence(passingEvidence));
    expect(gate(unmeasured, 'latency').reason).toBe('No p99 latency measured yet; the objective allows at most 20 ms.');
    expect(gate(evaluateGates(objective(), policy(), evidence(passingEvidence)), 'latency').passed).toBe(true);
  });

  it('checks the fairness bound on every sensitive column and names the ones that break it', () => {
    const fair = objective({ constraints: { fairness: { metric: 'demographic_parity_difference', bound: 0.1, sensitiveColumns: ['sex', 'age_group'] } } });
    const report = evaluateGates(fair, policy(), evidence({ ...passingEvidence, fairness: { sex: 0.04, age_group: 0.17 } }));
    expect(gate(report, 'fairness')).toMatchObject({ passed: false, reason: "Demographic parity difference breaks the bound ≤ 0.1 on age_group (0.17). Look at the groups' errors in Evaluate, then retrain (more data for the group, other features or another learner)." });
    const partial = evaluateGates(fair, policy(), evidence({ ...passingEvidence, fairness: { sex: 0.04 } }));
    expect(gate(partial, 'fairness').reason).toMatch(/not measured for age_group/);
    // the four-fifths rule: a ratio is better when higher
    const ratio = objective({ constraints: { fairness: { metric: 'disparate_impact_ratio', bound: 0.8, sensitiveColumns: ['sex'] } } });
    expect(gate(evaluateGates(ratio, policy(), evidence({ ...passingEvidence, fairness: { sex: 0.85 } })), 'fairness').passed).toBe(true);
    expect(gate(evaluateGates(ratio, policy(), evidence({ ...passingEvidence, fairness: { sex: 0.7 } })), 'fairness').passed).toBe(false);
  });

  it('requires ONNX parity unless the policy waives it', () => {
    const failed = evidence({ ...passingEvidence, parity: { passed: false, maxAbsDiff: 0.02 } });
    expect(evaluateGates(objective(), policy(), failed).passed).toBe(false);
    expect(gate(evaluateGates(objective(), policy(), failed), 'parity').reason).toBe('The ONNX export does not reproduce the trained model (largest difference 2.0e-2).');
    const waived = evaluateGates(objective(), policy({ promotion: { requireParity: false } }), failed);
    expect(waived.passed).toBe(true);
    expect(gate(waived, 'parity')).toMatchObject({ required: false, passed: false });
  });

  it('counts approvals once per person and only from the roles the policy names', () => {
    const twoReviewers = policy({ promotion: { approvals: { required: 2, roles: ['reviewer', 'product_owner'] } } });
    const approvals = [
      { by: 'rui', role: 'reviewer' as const, at: '2026-11-20' },
      { by: 'rui', role: 'product_owner' as const, at: '2026-11-21' },
      { by: 'dev', role: 'data_scientist' as const, at: '2026-11-21' },
    ];
    const report = evaluateGates(objective(), twoReviewers, evidence({ ...passingEvidence, approvals }));
    expect(gate(report, 'approvals')).toMatchObject({ passed: false, reason: 'Needs 2 approvals from a reviewer or product owner; has 1 (rui, reviewer). Ask a reviewer or product owner to approve it (Models › Gates & approvals, or mlcycle registry approve).' });
    const enough = evaluateGates(objective(), twoReviewers, evidence({ ...passingEvidence, approvals: [...approvals, { by: 'po', role: 'product_owner', at: 'x' }] }));
    expect(gate(enough, 'approvals').passed).toBe(true);
    const none = evaluateGates(objective(), policy({ promotion: { approvals: { required: 0 } } }), evidence({ ...passingEvidence, approvals: [] }));
    expect(gate(none, 'approvals')).toMatchObject({ passed: true, required: false });
  });
});
