import type { DeployEvent } from '../../../../shared/deploy/models';
import { timeOfDay } from '../../lib/format';

const MARK = { ok: '✓', error: '✗', info: 'i' } as const;

/** A deployment's steps in order: connect, push, activate, smoke test, live — or where it stopped and why. */
export function DeploymentEvents({ events, testId = 'deploy-events' }: { events: readonly DeployEvent[]; testId?: string }) {
  if (events.length === 0) return <p className="muted">No steps recorded yet.</p>;
  return (
    <ol className="deploy-steps" data-testid={testId}>
      {events.map((e, i) => (
        <li key={`${e.at}-${i}`} className={`deploy-step step-${e.outcome}`} data-step={e.step} data-outcome={e.outcome}>
          <span className="deploy-step-mark" aria-hidden="true">
            {MARK[e.outcome]}
          </span>
          <span className="deploy-step-name">{e.step}</span>
          <time className="deploy-step-time muted" dateTime={e.at}>
            {timeOfDay(e.at)}
          </time>
          <span className="deploy-step-message">
            <span className="visually-hidden">{e.outcome === 'error' ? 'failed: ' : e.outcome === 'ok' ? 'ok: ' : 'note: '}</span>
            {e.message}
          </span>
        </li>
      ))}
    </ol>
  );
}
