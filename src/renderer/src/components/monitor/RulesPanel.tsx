import { useState } from 'react';
import type { AlertRule } from '../../../../shared/monitor/models';
import { toShownError } from '../../lib/errors';
import { rulesFor } from '../../lib/monitor-rules';
import { SIGNAL_WORDS, thresholdWords } from '../../lib/monitor-words';
import { useAppStore } from '../../store';
import { monitorActions } from './monitor-store';
import { RuleForm } from './RuleForm';
import { useRules } from './useMonitor';

/** The rules that raise this target's alerts (its own and the project-wide ones): add, edit, remove. */
export function RulesPanel({ target }: { target: string }) {
  const client = useAppStore((s) => s.client);
  const { data: rules, error } = useRules();
  const [editing, setEditing] = useState<AlertRule | 'new' | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const shown = rules ? rulesFor(rules, target) : null;

  const remove = async (rule: AlertRule) => {
    if (!client) return;
    setRemoveError(null);
    try {
      await client.call('monitor.rules.remove', { id: rule.id });
      monitorActions.changed();
    } catch (e) {
      setRemoveError(`${rule.id} was not removed: ${toShownError(e).message}`);
    }
  };

  return (
    <section className="card" aria-labelledby="rules-title" data-testid="monitor-rules">
      <div className="evaluate-card-head">
        <h3 id="rules-title">Alert rules</h3>
        {editing === null && (
          <button type="button" className="button small" onClick={() => setEditing('new')} data-testid="monitor-rule-add">
            Add a rule…
          </button>
        )}
      </div>
      <p className="muted">Each pull judges every enabled rule on windows of the rule’s length; a window raises at most one alert per rule. A project starts with rules from its policy.</p>
      {error && !rules ? (
        <p className="form-error" role="alert">
          Could not list the rules: {error}
        </p>
      ) : !shown ? (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> Loading the rules…
        </p>
      ) : (
        <div className="models-table-wrap">
          <table className="evaluate-table" data-testid="monitor-rules-table">
            <thead>
              <tr>
                <th scope="col">Signal</th>
                <th scope="col">Fires when</th>
                <th scope="col">Window</th>
                <th scope="col">Severity</th>
                <th scope="col">Applies to</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => (
                <tr key={r.id} className={r.enabled ? undefined : 'muted'} data-testid="monitor-rule" data-rule={r.id} data-signal={r.signal}>
                  <td>
                    {SIGNAL_WORDS[r.signal].label}
                    {!r.enabled && ' (off)'}
                  </td>
                  <td>
                    {r.comparison === 'above' ? '≥' : '≤'} {thresholdWords(r.signal, r.threshold)}
                  </td>
                  <td>{r.windowMinutes} min</td>
                  <td>{r.severity}</td>
                  <td>{r.target === null ? 'every target' : r.target}</td>
                  <td className="deploy-row-actions">
                    <button type="button" className="button small ghost" onClick={() => setEditing(r)} aria-label={`Edit rule ${r.id}`}>
                      Edit
                    </button>
                    <button type="button" className="button small ghost" onClick={() => void remove(r)} aria-label={`Remove rule ${r.id}`}>
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {removeError && (
        <p className="form-error" role="alert">
          {removeError}
        </p>
      )}
      {editing !== null && <RuleForm key={editing === 'new' ? 'new' : editing.id} rule={editing === 'new' ? null : editing} target={target} onDone={() => setEditing(null)} />}
    </section>
  );
}
