import { describe, expect, it } from 'vitest';
import { versionEvidence } from '../../../src/main/engine/registry/evidence';
import { evaluateGates } from '../../../src/shared/governance/gates';
import { EMPTY_OBJECTIVE, type Objective } from '../../../src/shared/governance/objective';
import { DEFAULT_POLICY } from '../../../src/shared/governance/policy';
import type { ModelVersion } from '../../../src/shared/registry/models';
import type { Evaluation } from '../../../src/shared/train/models';

const version = (over: Partial<ModelVersion> = {}): ModelVersion => ({
  id: 'v', model: 'churn', version: 1, runId: 'r', runName: 'trees', learner: 'gbdt', task: 'binary', datasetVersionId: 'd', dataset: 'shop@1', splitId: 's',
  packageSha256: 'a'.repeat(64), packageBytes: 1000, signer: 'k',
  parity: { set: 'test', rows: 300, tolerance: 1e-5, maxAbsDiff: 2e-7, labelMismatches: 0, rowsOutOfTolerance: 0, passed: true, worst: [] },
  testMetrics: { roc_auc: 0.91, log_loss: null }, latencyP99Ms: 0.4, modelSizeMb: 1.5, description: '', tags: [], aliases: [],
  approvals: [{ id: 1, by: 'Ruth', role: 'reviewer', comment: 'ok', at: '2026-11-26T10:00:00Z' }], createdAt: '', createdBy: 'ana', ...over,
});

/** Only the fields the evidence reads; the rest of an Evaluation is irrelevant here. */
const evaluation = (set: 'test' | 'validation', dpd: number, dir: number): Evaluation =>
  ({ set, fairness: [{ column: 'gender', groups: [], demographicParityDifference: dpd, equalizedOddsDifference: 0.3, disparateImpactRatio: dir, judged: null }] }) as unknown as Evaluation;

const objective = (fairness: Objective['constraints']['fairness']): Objective => ({
  ...EMPTY_OBJECTIVE,
  task: 'binary',
  primaryMetric: { metric: 'roc_auc', threshold: 0.9 },
  constraints: { p99LatencyMs: 1, maxModelSizeMb: 2, fairness },
});

describe('what a registered version brings to its gates', () => {
  it('takes the test metrics that are numbers, parity, latency, size and approvals as stored', () => {
    const e = versionEvidence(version(), null, objective(null));
    expect(e).toEqual({ testMetrics: { roc_auc: 0.91 }, fairness: null, parity: { passed: true, maxAbsDiff: 2e-7 }, latencyP99Ms: 0.4, modelSizeMb: 1.5, approvals: [{ by: 'Ruth', role: 'reviewer', at: '2026-11-26T10:00:00Z' }] });
    expect(evaluateGates(objective(null), DEFAULT_POLICY, e).passed).toBe(true);
  });

  it('reads the fairness measure the objective names, per sensitive column', () => {
    const bound = { metric: 'disparate_impact_ratio' as const, bound: 0.8, sensitiveColumns: ['gender'] };
    const e = versionEvidence(version(), evaluation('test', 0.1, 0.7), objective(bound));
    expect(e.fairness).toEqual({ gender: 0.7 });
    const report = evaluateGates(objective(bound), DEFAULT_POLICY, e);
    expect(report.gates.find((g) => g.gate === 'fairness')).toMatchObject({ passed: false });
    expect(report.gates.find((g) => g.gate === 'fairness')!.reason).toMatch(/breaks the bound ≥ 0.8 on gender \(0.7\)/);
    const dpd = { metric: 'demographic_parity_difference' as const, bound: 0.2, sensitiveColumns: ['gender'] };
    expect(versionEvidence(version(), evaluation('test', 0.1, 0.7), objective(dpd)).fairness).toEqual({ gender: 0.1 });
  });

  it('does not count fairness measured on validation rows as the test split’s', () => {
    const bound = { metric: 'demographic_parity_difference' as const, bound: 0.2, sensitiveColumns: ['gender'] };
    const e = versionEvidence(version(), evaluation('validation', 0.1, 0.7), objective(bound));
    expect(e.fairness).toBeNull();
    expect(evaluateGates(objective(bound), DEFAULT_POLICY, e).gates.find((g) => g.gate === 'fairness')!.reason).toMatch(/not measured for gender/);
  });

  it('fails parity, latency and size gates from a version that misses them', () => {
    const failed = version({ parity: { ...version().parity, passed: false, maxAbsDiff: 0.3 }, latencyP99Ms: 3, modelSizeMb: 9, approvals: [] });
    const report = evaluateGates(objective(null), DEFAULT_POLICY, versionEvidence(failed, null, objective(null)));
    expect(report.passed).toBe(false);
    expect(report.gates.filter((g) => !g.passed).map((g) => g.gate)).toEqual(['latency', 'model_size', 'parity', 'approvals']);
  });
});
