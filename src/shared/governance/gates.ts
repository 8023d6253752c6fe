import { z } from 'zod';
import { FAIRNESS_METRICS, comparator, metricSpec } from './metrics';
import type { Objective } from './objective';
import { ROLES, ROLE_LABELS, type Role } from './people';
import type { Policy } from './policy';

/** What a model version brings to its promotion: measured on the test split and after export. */
export const GateEvidence = z
  .object({
    /** Metric id → value on the test split. */
    testMetrics: z.record(z.string(), z.number()).default({}),
    /** Fairness measured per sensitive column with the objective's fairness metric. */
    fairness: z.record(z.string(), z.number()).nullable().default(null),
    parity: z.object({ passed: z.boolean(), maxAbsDiff: z.number().nullable().default(null) }).nullable().default(null),
    latencyP99Ms: z.number().nonnegative().nullable().default(null),
    modelSizeMb: z.number().nonnegative().nullable().default(null),
    approvals: z.array(z.object({ by: z.string().min(1), role: z.enum(ROLES), at: z.string() })).default([]),
  })
  .strict();
export type GateEvidence = z.output<typeof GateEvidence>;
export type GateEvidenceInput = z.input<typeof GateEvidence>;

export const GATE_IDS = ['primary_metric', 'latency', 'model_size', 'fairness', 'parity', 'approvals'] as const;
export type GateId = (typeof GATE_IDS)[number];

export const GateResult = z.object({
  gate: z.enum(GATE_IDS),
  /** False when the policy does not require this gate; it is still reported for information. */
  required: z.boolean(),
  passed: z.boolean(),
  reason: z.string(),
});
export type GateResult = z.infer<typeof GateResult>;

export const GateReport = z.object({ passed: z.boolean(), gates: z.array(GateResult) });
export type GateReport = z.infer<typeof GateReport>;

const num = (v: number) => (Number.isInteger(v) ? String(v) : Number(v.toPrecision(4)).toString());
const meets = (value: number, threshold: number, higherIsBetter: boolean) => (higherIsBetter ? value >= threshold : value <= threshold);

function primaryMetricGate(objective: Objective, evidence: GateEvidence): Omit<GateResult, 'required'> {
  const target = objective.primaryMetric;
  if (!target) return { gate: 'primary_metric', passed: false, reason: 'The objective sets no primary metric; define one (and its threshold) in Objectives.' };
  const spec = metricSpec(target.metric)!;
  const value = evidence.testMetrics[target.metric];
  const goal = `${comparator(spec) === '>=' ? '≥' : '≤'} ${num(target.threshold)}`;
  if (value === undefined) return { gate: 'primary_metric', passed: false, reason: `No ${spec.label} on the test split yet; evaluate the model on the test split.` };
  const ok = meets(value, target.threshold, spec.higherIsBetter);
  return {
    gate: 'primary_metric',
    passed: ok,
    reason: ok
      ? `${spec.label} on the test split is ${num(value)}, meeting the objective ${goal}.`
      : `${spec.label} on the test split is ${num(value)}; the objective needs ${goal} (${spec.higherIsBetter ? 'higher' : 'lower'} is better). Train a better model (another learner, a search, cleaner or more data) and register it.`,
  };
}

function limitGate(gate: 'latency' | 'model_size', limit: number | null, value: number | null, what: string, unit: string): Omit<GateResult, 'required'> {
  if (limit === null) return { gate, passed: true, reason: `The objective sets no ${what} limit.` };
  if (value === null) return { gate, passed: false, reason: `No ${what} measured yet; the objective allows at most ${num(limit)} ${unit}.` };
  const ok = value <= limit;
  const fix = ok ? '' : ` Choose a ${gate === 'latency' ? 'faster' : 'smaller'} model (fewer trees, a linear learner), or change the limit in the objective if it was too strict.`;
  return { gate, passed: ok, reason: `${what[0]!.toUpperCase()}${what.slice(1)} is ${num(value)} ${unit}; the objective allows at most ${num(limit)} ${unit}.${fix}` };
}

function fairnessGate(objective: Objective, evidence: GateEvidence): Omit<GateResult, 'required'> {
  const bound = objective.constraints.fairness;
  if (!bound) return { gate: 'fairness', passed: true, reason: 'The objective sets no fairness bound.' };
  const spec = FAIRNESS_METRICS.find((m) => m.id === bound.metric)!;
  const missing = bound.sensitiveColumns.filter((c) => evidence.fairness?.[c] === undefined);
  if (missing.length) return { gate: 'fairness', passed: false, reason: `${spec.label} not measured for ${missing.join(', ')}; check fairness on the test split.` };
  const failing = bound.sensitiveColumns.filter((c) => !meets(evidence.fairness![c]!, bound.bound, spec.higherIsBetter));
  const goal = `${spec.higherIsBetter ? '≥' : '≤'} ${num(bound.bound)}`;
  if (failing.length) {
    return {
      gate: 'fairness',
      passed: false,
      reason: `${spec.label} breaks the bound ${goal} on ${failing.map((c) => `${c} (${num(evidence.fairness![c]!)})`).join(', ')}. Look at the groups' errors in Evaluate, then retrain (more data for the group, other features or another learner).`,
    };
  }
  return { gate: 'fairness', passed: true, reason: `${spec.label} is within ${goal} on ${bound.sensitiveColumns.join(', ')}.` };
}

function parityGate(evidence: GateEvidence): Omit<GateResult, 'required'> {
  if (!evidence.parity) return { gate: 'parity', passed: false, reason: 'The ONNX export has not been checked against the trained model yet.' };
  const diff = evidence.parity.maxAbsDiff === null ? '' : ` (largest difference ${evidence.parity.maxAbsDiff.toExponential(1)})`;
  return evidence.parity.passed
    ? { gate: 'parity', passed: true, reason: `The ONNX export reproduces the trained model${diff}.` }
    : { gate: 'parity', passed: false, reason: `The ONNX export does not reproduce the trained model${diff}.` };
}

function approvalsGate(policy: Policy, evidence: GateEvidence): Omit<GateResult, 'required'> {
  const { required, roles } = policy.promotion.approvals;
  if (required === 0) return { gate: 'approvals', passed: true, reason: 'The policy requires no approvals.' };
  const counted = new Map<string, Role>();
  for (const a of evidence.approvals) if (roles.includes(a.role) && !counted.has(a.by)) counted.set(a.by, a.role);
  const who = roles.map((r) => ROLE_LABELS[r].toLowerCase()).join(' or ');
  const have = [...counted].map(([by, role]) => `${by}, ${ROLE_LABELS[role].toLowerCase()}`).join('; ');
  const ok = counted.size >= required;
  return {
    gate: 'approvals',
    passed: ok,
    reason: ok
      ? `Approved by ${have}.`
      : `Needs ${required} approval${required > 1 ? 's' : ''} from a ${who}; has ${counted.size}${have ? ` (${have})` : ''}. Ask a ${who} to approve it (Models › Gates & approvals, or mlcycle registry approve).`,
  };
}

/**
 * Judges a model version's evidence against the objective and the promotion policy: pass/fail per
 * gate with the reason in words. Gates the policy does not require are reported but never block.
 * Approvals count once per person, and only from the roles the policy names.
 */
export function evaluateGates(objective: Objective, policy: Policy, evidence: GateEvidence): GateReport {
  const p = policy.promotion;
  const gates: GateResult[] = [
    { ...primaryMetricGate(objective, evidence), required: p.requirePrimaryMetric },
    { ...limitGate('latency', objective.constraints.p99LatencyMs, evidence.latencyP99Ms, 'p99 latency', 'ms'), required: p.requireConstraints },
    { ...limitGate('model_size', objective.constraints.maxModelSizeMb, evidence.modelSizeMb, 'model size', 'MB'), required: p.requireConstraints },
    { ...fairnessGate(objective, evidence), required: p.requireFairness },
    { ...parityGate(evidence), required: p.requireParity },
    { ...approvalsGate(policy, evidence), required: p.approvals.required > 0 },
  ];
  return { passed: gates.every((g) => g.passed || !g.required), gates };
}
