import type { GateReport } from '../../../../shared/governance/gates';
import { GATE_LABELS, GATE_STATE_WORDS, gateState, gateSummary } from '../../lib/registry-words';
import { useAppStore } from '../../store';

const MARK = { pass: '✓', fail: '✗', 'not-required': '–' } as const;

/**
 * The gates a promotion to champion would run now, with the project's current objective and policy:
 * each passes, fails or is not required, with the reason in words.
 */
export function GateChecklist({ report }: { report: GateReport }) {
  const openObjectives = useAppStore((s) => s.openObjectives);
  return (
    <section className="card" aria-labelledby="gates-title" data-testid="version-gates">
      <h3 id="gates-title">Promotion gates</h3>
      <p className="muted">
        {gateSummary(report)}. They follow the objective and the promotion policy as they are now.{' '}
        <button type="button" className="link-button" onClick={() => openObjectives('policies')}>
          Edit the policy
        </button>
      </p>
      <ul className="gate-list">
        {report.gates.map((g) => {
          const state = gateState(g);
          return (
            <li key={g.gate} className={`gate gate-${state}`} data-testid={`gate-${g.gate}`} data-state={state}>
              <span className="gate-mark" aria-hidden="true">
                {MARK[state]}
              </span>
              <div>
                <p className="gate-name">
                  {GATE_LABELS[g.gate]} <span className="gate-state">{GATE_STATE_WORDS[state]}</span>
                  {!g.required && g.passed === false && <span className="muted"> (would fail)</span>}
                </p>
                <p className="gate-reason">{g.reason}</p>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
