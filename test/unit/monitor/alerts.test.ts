import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, Policy } from '../../../src/shared/governance/policy';
import { alertKey, alertMessage, defaultRules, evaluateRules, ruleProblems, windowWords, type SignalValue } from '../../../src/shared/monitor/alerts';
import type { AlertRule } from '../../../src/shared/monitor/models';

const rule = (over: Partial<AlertRule> & Pick<AlertRule, 'id' | 'signal' | 'threshold'>): AlertRule => ({ target: null, comparison: 'above', windowMinutes: 60, severity: 'warning', enabled: true, ...over });
const at = (hour: number) => `2024-05-01T${String(hour).padStart(2, '0')}:00:00.000Z`;
const sig = (over: Partial<SignalValue> & Pick<SignalValue, 'signal' | 'value'>, hour = 14): SignalValue => ({ target: 'shop', windowStart: at(hour), windowEnd: at(hour + 1), rows: 500, ...over });
const opts = { minWindowRows: 100 };
const none = new Set<string>();
/** Which (rule, target, hour) fired, the shortest way to compare against a hand-made expectation. */
const fired = (rules: AlertRule[], signals: SignalValue[], existing = none, minWindowRows = 100) =>
  evaluateRules(rules, signals, existing, { minWindowRows }).map((a) => `${a.ruleId} ${a.target} ${a.windowStart.slice(11, 13)}`);

describe('alert rules: evaluation on hand-made windows', () => {
  const drift = rule({ id: 'd', signal: 'drift.share', threshold: 0.5 });

  it('fires at exactly the threshold and above it, not just below ("above" means at or above)', () => {
    const signals = [sig({ signal: 'drift.share', value: 0.5 }, 10), sig({ signal: 'drift.share', value: 0.49 }, 11), sig({ signal: 'drift.share', value: 0.8 }, 12), sig({ signal: 'drift.share', value: 0.5000001 }, 13)];
    expect(fired([drift], signals)).toEqual(['d shop 10', 'd shop 12', 'd shop 13']);
  });

  it('a "below" rule fires at exactly the threshold and under it', () => {
    const quiet = rule({ id: 'q', signal: 'rows', comparison: 'below', threshold: 10 });
    const signals = [sig({ signal: 'rows', value: 10, rows: 10 }, 10), sig({ signal: 'rows', value: 11, rows: 11 }, 11), sig({ signal: 'rows', value: 0, rows: 0 }, 12)];
    // rows is not a sampled signal: a window of 0 rows is exactly what this rule is for.
    expect(fired([quiet], signals)).toEqual(['q shop 10', 'q shop 12']);
  });

  it('applies a target rule to its target only and a global rule to every target', () => {
    const onlyShop = rule({ id: 'shop-errors', signal: 'error.rate', threshold: 0.01, target: 'shop' });
    const everywhere = rule({ id: 'all-errors', signal: 'error.rate', threshold: 0.05 });
    const signals = [sig({ signal: 'error.rate', value: 0.02, target: 'shop' }), sig({ signal: 'error.rate', value: 0.02, target: 'bank' }), sig({ signal: 'error.rate', value: 0.06, target: 'bank' }, 15)];
    expect(fired([onlyShop, everywhere], signals)).toEqual(['shop-errors shop 14', 'all-errors bank 15']);
  });

  it('matches rules to their own signal only', () => {
    const latency = rule({ id: 'lat', signal: 'latency.p99', threshold: 200 });
    expect(fired([latency, drift], [sig({ signal: 'latency.p99', value: 0.9 }), sig({ signal: 'drift.share', value: 250 }, 15)])).toEqual(['d shop 15']);
  });

  it('judges a signal computed for a window length only with rules of that length (any rule when the length is not given)', () => {
    const hourly = { ...drift, id: 'h' };
    const quarter = { ...drift, id: 'q', windowMinutes: 15 };
    const signals = [sig({ signal: 'drift.share', value: 0.9, windowMinutes: 60 }), sig({ signal: 'drift.share', value: 0.9, windowMinutes: 15 }, 15), sig({ signal: 'drift.share', value: 0.9 }, 16)];
    expect(fired([hourly, quarter], signals)).toEqual(['h shop 14', 'q shop 15', 'h shop 16', 'q shop 16']);
  });

  it('never fires a disabled rule', () => {
    expect(fired([{ ...drift, enabled: false }], [sig({ signal: 'drift.share', value: 1 })])).toEqual([]);
  });

  it('never fires drift or performance alerts on windows smaller than the minimum, but health signals still fire', () => {
    const rules = [drift, rule({ id: 'p', signal: 'performance.drop', threshold: 0.05 }), rule({ id: 'pd', signal: 'prediction.drift', threshold: 1 }), rule({ id: 'e', signal: 'error.rate', threshold: 0.05 })];
    const small = [sig({ signal: 'drift.share', value: 1, rows: 99 }), sig({ signal: 'performance.drop', value: 0.5, rows: 99 }), sig({ signal: 'prediction.drift', value: 1, rows: 99 }), sig({ signal: 'error.rate', value: 0.5, rows: 3 })];
    expect(fired(rules, small)).toEqual(['e shop 14']);
    // exactly the minimum is enough
    const enough = small.map((s) => ({ ...s, rows: 100 }));
    expect(fired(rules, enough)).toEqual(['d shop 14', 'p shop 14', 'pd shop 14', 'e shop 14']);
  });

  it('is idempotent: windows already raised raise nothing, new windows still do', () => {
    const signals = [sig({ signal: 'drift.share', value: 0.7 }, 10), sig({ signal: 'drift.share', value: 0.7 }, 11)];
    const first = evaluateRules([drift], signals, none, opts);
    expect(first).toHaveLength(2);
    const existing = new Set(first.map((a) => alertKey(a.ruleId, a.target, a.windowStart)));
    expect(evaluateRules([drift], signals, existing, opts)).toEqual([]);
    expect(fired([drift], [...signals, sig({ signal: 'drift.share', value: 0.9 }, 12)], existing)).toEqual(['d shop 12']);
    // the same window twice in one call raises once
    expect(fired([drift], [signals[0]!, { ...signals[0]!, value: 0.95 }])).toEqual(['d shop 10']);
    // one key per rule: another rule on the same window still fires
    expect(fired([drift, { ...drift, id: 'd2', severity: 'critical' }], [signals[0]!], existing)).toEqual(['d2 shop 10']);
  });

  it('orders alerts by window, then target, then rule order, whatever order the signals came in', () => {
    const rules = [rule({ id: 'r2', signal: 'error.rate', threshold: 0 }), rule({ id: 'r1', signal: 'drift.share', threshold: 0 })];
    const signals = [
      sig({ signal: 'drift.share', value: 1, target: 'b' }, 11),
      sig({ signal: 'error.rate', value: 1, target: 'b' }, 10),
      sig({ signal: 'drift.share', value: 1, target: 'a' }, 11),
      sig({ signal: 'error.rate', value: 1, target: 'a' }, 11),
      sig({ signal: 'drift.share', value: 1, target: 'b' }, 10),
    ];
    const expected = ['r2 b 10', 'r1 b 10', 'r2 a 11', 'r1 a 11', 'r1 b 11'];
    expect(fired(rules, signals)).toEqual(expected);
    expect(fired(rules, [...signals].reverse())).toEqual(expected);
  });

  it('ignores values that are not numbers', () => {
    expect(fired([drift], [sig({ signal: 'drift.share', value: Number.NaN })])).toEqual([]);
  });

  it('carries the rule and window into each alert', () => {
    const [a] = evaluateRules([{ ...drift, severity: 'critical' }], [sig({ signal: 'drift.share', value: 0.6, detail: '3 of 5 features drifted' })], none, opts);
    expect(a).toEqual({
      ruleId: 'd',
      target: 'shop',
      signal: 'drift.share',
      value: 0.6,
      threshold: 0.5,
      severity: 'critical',
      windowStart: '2024-05-01T14:00:00.000Z',
      windowEnd: '2024-05-01T15:00:00.000Z',
      message: 'Dataset drift: 3 of 5 features drifted (60%, threshold 50%) in the window 14:00–15:00 UTC on 2024-05-01',
    });
  });
});

describe('alert messages in words', () => {
  const w = { windowStart: '2024-05-01T14:00:00Z', windowEnd: '2024-05-01T14:05:00Z' };
  const msg = (r: Pick<AlertRule, 'signal' | 'comparison' | 'threshold'>, value: number, detail?: string) => alertMessage(r, { target: 't', signal: r.signal, value, rows: 500, detail, ...w });

  it('says what crossed which threshold and when', () => {
    expect(msg({ signal: 'drift.share', comparison: 'above', threshold: 0.5 }, 0.6)).toBe('Dataset drift: features drifted (60%, threshold 50%) in the window 14:00–14:05 UTC on 2024-05-01');
    expect(msg({ signal: 'performance.drop', comparison: 'above', threshold: 0.05 }, 0.125, 'accuracy 0.805 against 0.92 on the test split')).toBe(
      'Performance drop: accuracy 0.805 against 0.92 on the test split (12.5% worse, threshold 5%) in the window 14:00–14:05 UTC on 2024-05-01',
    );
    expect(msg({ signal: 'latency.p99', comparison: 'above', threshold: 250 }, 812.34)).toBe('Slow responses: the slowest 1% of requests (p99 812.3 ms, threshold 250 ms) in the window 14:00–14:05 UTC on 2024-05-01');
    expect(msg({ signal: 'error.rate', comparison: 'above', threshold: 0.05 }, 0.075, '15 of 200 requests failed')).toBe('Errors: 15 of 200 requests failed (7.5%, threshold 5%) in the window 14:00–14:05 UTC on 2024-05-01');
    expect(msg({ signal: 'rows', comparison: 'below', threshold: 10 }, 3)).toBe('Traffic: rows served (3 rows, at or below the threshold 10 rows) in the window 14:00–14:05 UTC on 2024-05-01');
    expect(msg({ signal: 'prediction.drift', comparison: 'above', threshold: 1 }, 1, 'chisquare 41.2')).toBe(
      'Prediction drift: the predictions are distributed differently from the reference (chisquare 41.2) in the window 14:00–14:05 UTC on 2024-05-01',
    );
  });

  it('names both dates when a window crosses midnight, and keeps text that is not a time', () => {
    expect(windowWords('2024-05-01T23:30:00Z', '2024-05-02T00:30:00Z')).toBe('2024-05-01 23:30 – 2024-05-02 00:30 UTC');
    expect(windowWords('rows 1–500', 'rows 501–1000')).toBe('rows 1–500–rows 501–1000');
  });
});

describe('default rules and rule validation', () => {
  it('follows the policy and adds a latency rule only when the objective sets a p99 limit', () => {
    const policy = Policy.parse({ monitoring: { datasetDriftShare: 0.3, performanceTolerance: 0.1, alertSeverity: 'critical' } });
    const rules = defaultRules(policy, 250);
    expect(rules.map((r) => [r.id, r.signal, r.comparison, r.threshold, r.severity, r.windowMinutes, r.target, r.enabled])).toEqual([
      ['default-drift', 'drift.share', 'above', 0.3, 'critical', 60, null, true],
      ['default-performance', 'performance.drop', 'above', 0.1, 'critical', 60, null, true],
      ['default-errors', 'error.rate', 'above', 0.05, 'critical', 60, null, true],
      ['default-latency', 'latency.p99', 'above', 250, 'critical', 60, null, true],
    ]);
    expect(defaultRules(DEFAULT_POLICY).map((r) => [r.signal, r.threshold, r.severity])).toEqual([
      ['drift.share', 0.5, 'warning'],
      ['performance.drop', 0.05, 'warning'],
      ['error.rate', 0.05, 'warning'],
    ]);
  });

  it('the defaults fire on a drifted window and stay quiet on a healthy one', () => {
    const rules = defaultRules(DEFAULT_POLICY, 300);
    const healthy = [sig({ signal: 'drift.share', value: 0.2 }), sig({ signal: 'performance.drop', value: 0.01 }), sig({ signal: 'error.rate', value: 0 }), sig({ signal: 'latency.p99', value: 40 })];
    expect(fired(rules, healthy)).toEqual([]);
    const sick = [sig({ signal: 'drift.share', value: 0.5 }), sig({ signal: 'performance.drop', value: 0.05 }), sig({ signal: 'error.rate', value: 0.05 }), sig({ signal: 'latency.p99', value: 300 })];
    expect(fired(rules, sick)).toEqual(['default-drift shop 14', 'default-performance shop 14', 'default-errors shop 14', 'default-latency shop 14']);
  });

  it('refuses thresholds outside what a signal can be, naming the field', () => {
    expect(ruleProblems({ signal: 'drift.share', threshold: 1.5, windowMinutes: 60 })).toEqual([{ field: 'threshold', message: 'drift.share is a share: give a threshold between 0 and 1 (0.5 = 50%)' }]);
    expect(ruleProblems({ signal: 'error.rate', threshold: -0.1, windowMinutes: 60 })).toHaveLength(1);
    expect(ruleProblems({ signal: 'latency.p99', threshold: -5, windowMinutes: 60 })[0]!.message).toBe('latency.p99 cannot be negative');
    expect(ruleProblems({ signal: 'performance.drop', threshold: -1, windowMinutes: 60 })).toHaveLength(1);
    expect(ruleProblems({ signal: 'rows', threshold: 10, windowMinutes: 20_000 })).toEqual([{ field: 'windowMinutes', message: 'must be a whole number of minutes from 1 to 10080 (a week)' }]);
    for (const ok of [
      { signal: 'drift.share', threshold: 0 },
      { signal: 'drift.share', threshold: 1 },
      { signal: 'latency.p99', threshold: 5000 },
      { signal: 'performance.drop', threshold: 0.05 },
      { signal: 'rows', threshold: 0 },
    ] as const)
      expect(ruleProblems({ ...ok, windowMinutes: 60 })).toEqual([]);
  });
});
