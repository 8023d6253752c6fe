import type { GateEvidence } from '../../../shared/governance/gates';
import type { Objective } from '../../../shared/governance/objective';
import type { ModelVersion } from '../../../shared/registry/models';
import type { Evaluation } from '../../../shared/train/models';

const FAIRNESS_FIELD = {
  demographic_parity_difference: 'demographicParityDifference',
  equalized_odds_difference: 'equalizedOddsDifference',
  disparate_impact_ratio: 'disparateImpactRatio',
} as const;

/**
 * What a version brings to its gates: test metrics and fairness from its run's evaluation on the test
 * split, parity and latency measured when it was packaged, the ONNX file's size, and its approvals.
 */
export function versionEvidence(version: ModelVersion, evaluation: Evaluation | null, objective: Objective): GateEvidence {
  const testMetrics = Object.fromEntries(Object.entries(version.testMetrics).filter((e): e is [string, number] => typeof e[1] === 'number' && Number.isFinite(e[1])));
  const bound = objective.constraints.fairness;
  let fairness: Record<string, number> | null = null;
  // Fairness counts only when measured on the test split, as the gate's wording promises.
  if (bound && evaluation?.set === 'test' && evaluation.fairness) {
    fairness = {};
    for (const f of evaluation.fairness) {
      const value = f[FAIRNESS_FIELD[bound.metric]];
      if (typeof value === 'number') fairness[f.column] = value;
    }
  }
  return {
    testMetrics,
    fairness,
    parity: { passed: version.parity.passed, maxAbsDiff: version.parity.maxAbsDiff },
    latencyP99Ms: version.latencyP99Ms,
    modelSizeMb: version.modelSizeMb,
    approvals: version.approvals.map((a) => ({ by: a.by, role: a.role, at: a.at })),
  };
}
