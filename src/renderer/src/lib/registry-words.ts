import type { GateId, GateReport, GateResult } from '../../../shared/governance/gates';
import type { Objective } from '../../../shared/governance/objective';
import type { AliasChange, ModelVersion } from '../../../shared/registry/models';
import { inMetricOrder } from './train-words';

/** Words for the Models workspace: gate names, a version's key metric, model names and tags. */

export const GATE_LABELS: Record<GateId, string> = {
  primary_metric: 'Primary metric',
  latency: 'Latency',
  model_size: 'Model size',
  fairness: 'Fairness',
  parity: 'ONNX parity',
  approvals: 'Approvals',
};

export type GateState = 'pass' | 'fail' | 'not-required';

/** A gate the policy does not require never blocks, whatever it measured. */
export function gateState(g: GateResult): GateState {
  if (!g.required) return 'not-required';
  return g.passed ? 'pass' : 'fail';
}

export const GATE_STATE_WORDS: Record<GateState, string> = { pass: 'Passes', fail: 'Fails', 'not-required': 'Not required' };

export function gateSummary(report: GateReport): string {
  const required = report.gates.filter((g) => g.required);
  const passing = required.filter((g) => g.passed).length;
  return `${passing} of ${required.length} required gates pass`;
}

/** The metric a versions table shows: the objective's primary metric, else the first the run has. */
export function keyMetric(objective: Objective | null | undefined, versions: ModelVersion[]): string | null {
  const primary = objective?.primaryMetric?.metric;
  if (primary) return primary;
  const ids = new Set(versions.flatMap((v) => Object.keys(v.testMetrics)));
  return inMetricOrder(ids)[0] ?? null;
}

/** The name the engine would give a run's model by default (its serving name): URL-safe, lower-case. */
export function suggestedModelName(runName: string): string {
  const slug = runName
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  return slug.slice(0, 64) || 'model';
}

/** "fraud, q3 , baseline" → ['fraud', 'q3', 'baseline']: commas separate tags; blanks and repeats go. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((t) => t.trim()).filter(Boolean))];
}

/** A refused promotion: the engine's sentence and the gates that failed (GATE_FAILED carries the report). */
export function gateFailure(error: unknown): { message: string; failed: GateResult[] } | null {
  const e = error as { code?: unknown; message?: unknown; details?: { gates?: GateReport } } | null;
  if (e?.code !== 'GATE_FAILED') return null;
  const failed = e.details?.gates?.gates.filter((g) => g.required && !g.passed) ?? [];
  return { message: typeof e.message === 'string' ? e.message : 'Promotion refused by the gates.', failed };
}

/** "1.2e-7", "0" — parity differences are tiny; scientific notation keeps them readable. */
export function diffText(value: number): string {
  if (value === 0) return '0';
  if (value >= Number.MAX_VALUE / 2) return 'not a number';
  return value.toExponential(2);
}

/** One alias move as it concerns `version`: set on it, removed from it, or moved on to another. */
export function aliasMoveText(h: AliasChange, version: number): string {
  if (h.version === version) return `${h.alias} set on v${version}${h.previous !== null && h.previous !== version ? ` (was on v${h.previous})` : ''}`;
  if (h.version === null) return `${h.alias} removed from v${version}`;
  return `${h.alias} moved from v${version} to v${h.version}`;
}
