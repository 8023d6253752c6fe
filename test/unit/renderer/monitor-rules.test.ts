import { describe, expect, it } from 'vitest';
import type { AlertRule } from '../../../src/shared/monitor/models';
import { draftOf, ruleFromDraft, rulesFor } from '../../../src/renderer/src/lib/monitor-rules';

const rule = (over: Partial<AlertRule>): AlertRule => ({ id: 'r', target: null, signal: 'drift.share', comparison: 'above', threshold: 0.5, windowMinutes: 60, severity: 'warning', enabled: true, ...over });

describe('the alert-rule form', () => {
  it('saves what was typed as a rule for the open target or for every target', () => {
    const draft = { ...draftOf(null), threshold: '0.15', windowMinutes: '30' };
    expect(ruleFromDraft(draft, 'laptop')).toEqual({ rule: { target: 'laptop', signal: 'drift.share', comparison: 'above', threshold: 0.15, windowMinutes: 30, severity: 'warning', enabled: true }, problems: null });
    expect(ruleFromDraft({ ...draft, scope: 'all' }, 'laptop').rule?.target).toBeNull();
  });

  it('refuses a share above 1, an empty threshold and a window of no minutes, per field', () => {
    expect(ruleFromDraft({ ...draftOf(null), threshold: '1.5' }, 'laptop').problems).toEqual({ threshold: expect.stringMatching(/between 0 and 1/) });
    expect(ruleFromDraft({ ...draftOf(null), threshold: ' ' }, 'laptop').problems).toEqual({ threshold: 'must be a number' });
    expect(ruleFromDraft({ ...draftOf(null), windowMinutes: '0' }, 'laptop').problems).toEqual({ windowMinutes: expect.stringMatching(/1 to 10080/) });
    // A latency threshold is in milliseconds, so 250 is fine where a share would not be.
    expect(ruleFromDraft({ ...draftOf(null), signal: 'latency.p99', threshold: '250' }, 'laptop').problems).toBeNull();
  });

  it('starts editing from the rule as it is', () => {
    const existing = rule({ target: 'laptop', signal: 'error.rate', comparison: 'below', threshold: 0.02, windowMinutes: 15, severity: 'critical', enabled: false });
    expect(draftOf(existing)).toEqual({ scope: 'target', signal: 'error.rate', comparison: 'below', threshold: '0.02', windowMinutes: '15', severity: 'critical', enabled: false });
    expect(ruleFromDraft(draftOf(existing), 'laptop').rule).toEqual({ target: 'laptop', signal: 'error.rate', comparison: 'below', threshold: 0.02, windowMinutes: 15, severity: 'critical', enabled: false });
  });

  it('shows a target its own rules and the project-wide ones', () => {
    const rules = [rule({ id: 'all' }), rule({ id: 'mine', target: 'laptop' }), rule({ id: 'other', target: 'cluster' })];
    expect(rulesFor(rules, 'laptop').map((r) => r.id)).toEqual(['all', 'mine']);
  });
});
