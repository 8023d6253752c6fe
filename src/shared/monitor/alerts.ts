import type { Policy } from '../governance/policy';
import type { AlertRule, AlertSignal } from './models';

/**
 * One signal measured over one window of one target, as the monitoring lanes compute it:
 * - drift.share: the share of judged features that drifted (0..1)
 * - prediction.drift: 1 when the predictions' distribution drifted, else 0
 * - performance.drop: relative drop of the primary metric against the test result (0.12 = 12% worse; negative = better)
 * - latency.p99: the 99th-percentile latency in milliseconds
 * - error.rate: failed requests as a share of requests (0..1)
 * - rows: rows served in the window
 */
export interface SignalValue {
  target: string;
  signal: AlertSignal;
  windowStart: string;
  windowEnd: string;
  value: number;
  /** Rows the value was computed on (labeled rows for performance.drop). */
  rows: number;
  /** Words for what was measured, shown before the numbers: "3 of 5 features drifted", "accuracy 0.81 against 0.92 on the test split". */
  detail?: string;
  /**
   * The window length the value was computed for (a rule's windowMinutes). When given, only rules of
   * that length judge it, so a 60-minute and a 15-minute rule on one signal each see their own windows
   * (a window cut by rows, when traffic spans too little time, still carries the length it was asked for).
   */
  windowMinutes?: number;
}

/** What evaluation decided to raise: an alert before it is stored (no id, time or status yet). */
export interface AlertDraft {
  ruleId: string;
  target: string;
  signal: AlertSignal;
  value: number;
  threshold: number;
  severity: AlertRule['severity'];
  windowStart: string;
  windowEnd: string;
  message: string;
}

/** Signals judged on a sample of rows: a window with too few rows says nothing about them. */
const SAMPLED: ReadonlySet<AlertSignal> = new Set(['drift.share', 'prediction.drift', 'performance.drop']);

/** One alert per rule, target and window; the same key as the alerts table's UNIQUE constraint. */
export const alertKey = (ruleId: string, target: string, windowStart: string): string => `${ruleId}\u0000${target}\u0000${windowStart}`;

/**
 * Decides which alerts the signals raise. Pure and deterministic: the same rules and signals give
 * the same drafts in the same order (by window start, then target, then the rules' order).
 * A rule applies to its target (every target when null), its signal and, when the signal says which,
 * its window length, if enabled; it fires when
 * the value is at or above (comparison 'above') or at or below ('below') the threshold. Keys in
 * `existing` were raised before and raise nothing again. Drift and performance signals on windows with
 * fewer than `minWindowRows` rows never fire: such windows are shown with a warning instead.
 */
export function evaluateRules(rules: readonly AlertRule[], signals: readonly SignalValue[], existing: ReadonlySet<string>, options: { minWindowRows: number }): AlertDraft[] {
  const raised: Array<AlertDraft & { ruleIndex: number }> = [];
  const seen = new Set(existing);
  rules.forEach((rule, ruleIndex) => {
    if (!rule.enabled) return;
    for (const s of signals) {
      if (s.signal !== rule.signal || (rule.target !== null && rule.target !== s.target)) continue;
      if (s.windowMinutes !== undefined && s.windowMinutes !== rule.windowMinutes) continue;
      if (!Number.isFinite(s.value)) continue;
      if (SAMPLED.has(s.signal) && s.rows < options.minWindowRows) continue;
      const fires = rule.comparison === 'above' ? s.value >= rule.threshold : s.value <= rule.threshold;
      if (!fires) continue;
      const key = alertKey(rule.id, s.target, s.windowStart);
      if (seen.has(key)) continue;
      seen.add(key);
      raised.push({
        ruleIndex,
        ruleId: rule.id,
        target: s.target,
        signal: s.signal,
        value: s.value,
        threshold: rule.threshold,
        severity: rule.severity,
        windowStart: s.windowStart,
        windowEnd: s.windowEnd,
        message: alertMessage(rule, s),
      });
    }
  });
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  raised.sort((a, b) => order(a.windowStart, b.windowStart) || order(a.target, b.target) || a.ruleIndex - b.ruleIndex);
  return raised.map(({ ruleIndex: _, ...draft }) => draft);
}

const pct = (x: number) => `${Number((x * 100).toFixed(1))}%`;
const num = (x: number) => String(Number(x.toPrecision(4)));

const SIGNAL_WORDS: Record<AlertSignal, { headline: string; what: string; value: (x: number) => string }> = {
  'drift.share': { headline: 'Dataset drift', what: 'features drifted', value: pct },
  'prediction.drift': { headline: 'Prediction drift', what: 'the predictions are distributed differently from the reference', value: (x) => (x >= 0.5 ? 'drifted' : 'not drifted') },
  'performance.drop': { headline: 'Performance drop', what: 'the primary metric fell below its test result', value: (x) => (x < 0 ? `${pct(-x)} better` : `${pct(x)} worse`) },
  'latency.p99': { headline: 'Slow responses', what: 'the slowest 1% of requests', value: (x) => `p99 ${num(x)} ms` },
  'error.rate': { headline: 'Errors', what: 'requests failed', value: pct },
  rows: { headline: 'Traffic', what: 'rows served', value: (x) => `${num(x)} rows` },
};

/** "14:00–14:05 UTC on 2024-05-01", or both dates when the window crosses midnight; raw text when not a time. */
export function windowWords(start: string, end: string): string {
  const a = new Date(start);
  const b = new Date(end);
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return `${start}–${end}`;
  const [dayA, timeA] = [a.toISOString().slice(0, 10), a.toISOString().slice(11, 16)];
  const [dayB, timeB] = [b.toISOString().slice(0, 10), b.toISOString().slice(11, 16)];
  return dayA === dayB ? `${timeA}–${timeB} UTC on ${dayA}` : `${dayA} ${timeA} – ${dayB} ${timeB} UTC`;
}

/** The alert in words: what crossed which threshold, in which window. */
export function alertMessage(rule: Pick<AlertRule, 'signal' | 'comparison' | 'threshold'>, s: SignalValue): string {
  const words = SIGNAL_WORDS[rule.signal];
  const what = s.detail?.trim() || words.what;
  const where = `in the window ${windowWords(s.windowStart, s.windowEnd)}`;
  // Prediction drift is a yes/no signal: its threshold says nothing a reader needs.
  if (rule.signal === 'prediction.drift' && rule.comparison === 'above') return `${words.headline}: ${words.what}${s.detail?.trim() ? ` (${s.detail.trim()})` : ''} ${where}`;
  const threshold = rule.signal === 'latency.p99' ? `${num(rule.threshold)} ms` : rule.signal === 'performance.drop' ? pct(rule.threshold) : rule.signal === 'prediction.drift' ? num(rule.threshold) : words.value(rule.threshold);
  const bound = rule.comparison === 'above' ? `threshold ${threshold}` : `at or below the threshold ${threshold}`;
  return `${words.headline}: ${what} (${words.value(s.value)}, ${bound}) ${where}`;
}

/** Why a rule cannot be stored, per field; empty when it is fine. Shared by the engine and any form. */
export function ruleProblems(rule: Pick<AlertRule, 'signal' | 'threshold' | 'windowMinutes'>): Array<{ field: string; message: string }> {
  const problems: Array<{ field: string; message: string }> = [];
  const t = rule.threshold;
  if (!Number.isFinite(t)) problems.push({ field: 'threshold', message: 'must be a number' });
  else if ((rule.signal === 'drift.share' || rule.signal === 'error.rate' || rule.signal === 'prediction.drift') && (t < 0 || t > 1)) {
    problems.push({ field: 'threshold', message: `${rule.signal} is a share: give a threshold between 0 and 1 (0.5 = 50%)` });
  } else if ((rule.signal === 'latency.p99' || rule.signal === 'rows') && t < 0) {
    problems.push({ field: 'threshold', message: `${rule.signal} cannot be negative` });
  } else if (rule.signal === 'performance.drop' && (t <= -1 || t > 10)) {
    problems.push({ field: 'threshold', message: 'performance.drop is a relative change: give a threshold above -1 and at most 10 (0.05 = 5% worse)' });
  }
  if (!Number.isInteger(rule.windowMinutes) || rule.windowMinutes < 1 || rule.windowMinutes > 10_080) {
    problems.push({ field: 'windowMinutes', message: 'must be a whole number of minutes from 1 to 10080 (a week)' });
  }
  return problems;
}

/**
 * The rules a project starts with, from its policy (and the objective's p99 latency limit, the gate
 * promotion checks, when one is set). Ids are fixed so seeding is idempotent and rules are easy to
 * name on the command line. Windows of 60 minutes: collection aggregates served traffic per hour,
 * and an hour of traffic usually holds the minimum rows a window needs to be judged.
 */
export function defaultRules(policy: Pick<Policy, 'monitoring'>, p99LatencyMs: number | null = null): AlertRule[] {
  const m = policy.monitoring;
  const rule = (id: string, signal: AlertSignal, threshold: number): AlertRule => ({ id, target: null, signal, comparison: 'above', threshold, windowMinutes: 60, severity: m.alertSeverity, enabled: true });
  return [
    rule('default-drift', 'drift.share', m.datasetDriftShare),
    rule('default-performance', 'performance.drop', m.performanceTolerance),
    rule('default-errors', 'error.rate', 0.05),
    ...(p99LatencyMs !== null ? [rule('default-latency', 'latency.p99', p99LatencyMs)] : []),
  ];
}
