import { useState, type FormEvent } from 'react';
import { ALERT_SIGNALS, type AlertRule, type AlertSignal } from '../../../../shared/monitor/models';
import { toFormProblem } from '../../lib/problems';
import { draftOf, ruleFromDraft, type RuleDraft } from '../../lib/monitor-rules';
import { SIGNAL_WORDS } from '../../lib/monitor-words';
import { useAppStore } from '../../store';
import { Field } from '../form/Field';
import { monitorActions } from './monitor-store';

/** Adds a rule or edits one: signal, comparison, threshold, window, severity, scope. Enter saves, Escape cancels. */
export function RuleForm({ rule, target, onDone }: { rule: AlertRule | null; target: string; onDone(): void }) {
  const client = useAppStore((s) => s.client);
  const [draft, setDraft] = useState<RuleDraft>(() => draftOf(rule));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<RuleDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setProblems((p) => Object.fromEntries(Object.entries(p).filter(([k]) => !(k in patch))));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!client || busy) return;
    const checked = ruleFromDraft(draft, target);
    if (checked.problems) {
      setProblems(checked.problems);
      return setMessage(`Not saved: ${Object.keys(checked.problems).length === 1 ? 'one field needs' : 'some fields need'} attention.`);
    }
    setBusy(true);
    setMessage(null);
    try {
      await client.call('monitor.rules.set', { ...(rule ? { id: rule.id } : {}), rule: checked.rule });
      monitorActions.changed();
      onDone();
    } catch (e) {
      const problem = toFormProblem(e, 'rule');
      setProblems(problem.fields);
      setMessage(problem.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="models-form monitor-rule-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone();
      }}
      aria-label={rule ? `Edit rule ${rule.id}` : 'Add an alert rule'}
      data-testid="monitor-rule-form"
      noValidate
    >
      <h4>{rule ? `Edit ${rule.id}` : 'New rule'}</h4>
      <div className="field-grid">
        <Field id="rule-signal" label="Signal" hint={SIGNAL_WORDS[draft.signal].unit}>
          {(control) => (
            <select {...control} value={draft.signal} onChange={(e) => set({ signal: e.target.value as AlertSignal })} autoFocus data-testid="monitor-rule-signal">
              {ALERT_SIGNALS.map((s) => (
                <option key={s} value={s}>
                  {SIGNAL_WORDS[s].label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="rule-threshold" label="Fires when the value is" error={problems.threshold}>
          {(control) => (
            <div className="input-row monitor-threshold-row">
              <select aria-label="Comparison" value={draft.comparison} onChange={(e) => set({ comparison: e.target.value as RuleDraft['comparison'] })} data-testid="monitor-rule-comparison">
                <option value="above">at or above</option>
                <option value="below">at or below</option>
              </select>
              <input {...control} inputMode="decimal" value={draft.threshold} onChange={(e) => set({ threshold: e.target.value })} data-testid="monitor-rule-threshold" />
            </div>
          )}
        </Field>
        <Field id="rule-window" label="Window (minutes)" error={problems.windowMinutes}>
          {(control) => <input {...control} inputMode="numeric" value={draft.windowMinutes} onChange={(e) => set({ windowMinutes: e.target.value })} data-testid="monitor-rule-window" />}
        </Field>
        <Field id="rule-severity" label="Severity">
          {(control) => (
            <select {...control} value={draft.severity} onChange={(e) => set({ severity: e.target.value as RuleDraft['severity'] })}>
              <option value="info">info</option>
              <option value="warning">warning</option>
              <option value="critical">critical</option>
            </select>
          )}
        </Field>
        <Field id="rule-scope" label="Applies to" error={problems.target}>
          {(control) => (
            <select {...control} value={draft.scope} onChange={(e) => set({ scope: e.target.value as RuleDraft['scope'] })} data-testid="monitor-rule-scope">
              <option value="target">{target} only</option>
              <option value="all">every target</option>
            </select>
          )}
        </Field>
        <div className="field checkbox-field">
          <label>
            <input type="checkbox" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} /> Enabled
          </label>
        </div>
      </div>
      {message && (
        <p className="form-error" role="alert" data-testid="monitor-rule-error">
          {message}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={busy || !client} data-testid="monitor-rule-save">
          {busy ? 'Saving…' : 'Save rule'}
        </button>
        <button type="button" className="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
