import { hintFor } from '../../lib/deploy-words';
import { timeOfDay } from '../../lib/format';
import type { TestOutcome } from './deploy-store';

/** The last "Test connection" of a target: each check with ✓ or ✗ and what it found. */
export function TargetTestResult({ outcome }: { outcome: TestOutcome }) {
  if ('error' in outcome)
    return (
      <p className="form-error" role="alert" data-testid="target-test-result" data-ok="false">
        The test could not run ({timeOfDay(outcome.at)}): {outcome.error}
      </p>
    );
  const { result } = outcome;
  return (
    <div className={`target-test ${result.ok ? 'is-ok' : 'is-failed'}`} role="status" data-testid="target-test-result" data-ok={String(result.ok)}>
      <p className="target-test-summary">
        <strong>{result.ok ? 'Connection works' : 'Connection failed'}</strong> <span className="muted">tested at {timeOfDay(outcome.at)}</span>
      </p>
      <ul className="gate-list">
        {result.checks.map((c) => (
          <li key={c.check} className={`gate ${c.ok ? 'gate-pass' : 'gate-fail'}`} data-testid={`target-check-${c.check.replace(/\s+/g, '-')}`} data-ok={String(c.ok)}>
            <span className="gate-mark" aria-hidden="true">
              {c.ok ? '✓' : '✗'}
            </span>
            <div>
              <p className="gate-name">
                {c.check} <span className="gate-state">{c.ok ? 'ok' : 'failed'}</span>
              </p>
              <p className="gate-reason" data-testid="target-check-message">
                {c.message}
              </p>
              {!c.ok && hintFor(c.message) && (
                <p className="hint" data-testid="target-check-hint">
                  {hintFor(c.message)}
                </p>
              )}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
