import { ruleProblems } from '../../../shared/monitor/alerts';
import type { AlertRule, AlertSignal } from '../../../shared/monitor/models';

/**
 * The alert-rule form: what is typed (numbers as text) and the rule it saves. Checked with the same
 * rules the engine applies (ruleProblems in src/shared/monitor/alerts.ts), so a bad threshold is
 * explained beside its field before anything is sent.
 */

export interface RuleDraft {
  /** 'all': every target of the project; 'target': only the open one. */
  scope: 'all' | 'target';
  signal: AlertSignal;
  comparison: AlertRule['comparison'];
  threshold: string;
  windowMinutes: string;
  severity: AlertRule['severity'];
  enabled: boolean;
}

export type RuleInput = Omit<AlertRule, 'id'>;

/** A new rule starts as the drift default; an existing one as it is. */
export function draftOf(rule: AlertRule | null): RuleDraft {
  if (!rule) return { scope: 'target', signal: 'drift.share', comparison: 'above', threshold: '0.5', windowMinutes: '60', severity: 'warning', enabled: true };
  return { scope: rule.target === null ? 'all' : 'target', signal: rule.signal, comparison: rule.comparison, threshold: String(rule.threshold), windowMinutes: String(rule.windowMinutes), severity: rule.severity, enabled: rule.enabled };
}

/** The rule to save, or the problem of each field (keyed as the engine names them: threshold, windowMinutes). */
export function ruleFromDraft(draft: RuleDraft, target: string): { rule: RuleInput; problems: null } | { rule: null; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const threshold = draft.threshold.trim() === '' ? Number.NaN : Number(draft.threshold);
  const windowMinutes = draft.windowMinutes.trim() === '' ? Number.NaN : Number(draft.windowMinutes);
  for (const p of ruleProblems({ signal: draft.signal, threshold, windowMinutes })) problems[p.field] ??= p.message;
  if (Object.keys(problems).length) return { rule: null, problems };
  return {
    rule: { target: draft.scope === 'all' ? null : target, signal: draft.signal, comparison: draft.comparison, threshold, windowMinutes, severity: draft.severity, enabled: draft.enabled },
    problems: null,
  };
}

/** Rules that apply to this target: its own and the project-wide ones. */
export function rulesFor(rules: readonly AlertRule[], target: string): AlertRule[] {
  return rules.filter((r) => r.target === null || r.target === target);
}
