import type { RetrainOutcome } from '../../../../shared/monitor/retrain';
import { comparisonWords, dataWords, retrainHeadline, STEP_MARKS } from '../../lib/monitor-retrain';

const TONE: Record<RetrainOutcome['outcome'], 'ok' | 'warn' | 'fail' | 'neutral'> = {
  'champion kept': 'neutral',
  'challenger registered': 'neutral',
  'awaiting gates': 'warn',
  promoted: 'ok',
  redeployed: 'ok',
  'redeploy failed': 'fail',
};

/** Step outcomes on the deploy steps' colours: done, passed over, or stopped there. */
const STEP_CLASS = { ok: 'ok', skipped: 'info', refused: 'error', failed: 'error' } as const;

/** How the last retrain ended: where the loop stopped, champion against challenger, the data, and each step. */
export function RetrainOutcomeView({ outcome }: { outcome: RetrainOutcome }) {
  return (
    <div className={`monitor-retrain-outcome tone-${TONE[outcome.outcome]}`} role="status" data-testid="monitor-retrain-outcome" data-outcome={outcome.outcome}>
      <p className="monitor-retrain-headline">
        <span className="badge">{outcome.outcome}</span> {retrainHeadline(outcome)}
      </p>
      <p data-testid="monitor-retrain-comparison">{comparisonWords(outcome.comparison)}</p>
      <p className="muted">{dataWords(outcome)}</p>
      {outcome.gatesFailed.length > 0 && (
        <>
          <h4>Gates that held the promotion back</h4>
          <ul data-testid="monitor-retrain-gates">
            {outcome.gatesFailed.map((g) => (
              <li key={g}>{g}</li>
            ))}
          </ul>
        </>
      )}
      <h4>Steps</h4>
      <ol className="deploy-steps" data-testid="monitor-retrain-steps">
        {outcome.steps.map((s) => (
          <li key={s.step} className={`deploy-step step-${STEP_CLASS[s.outcome]}`} data-step={s.step} data-outcome={s.outcome}>
            <span className="deploy-step-mark" aria-hidden="true">
              {STEP_MARKS[s.outcome]}
            </span>
            <span className="deploy-step-name">{s.step}</span>
            <span className="deploy-step-time muted">{s.outcome}</span>
            <span className="deploy-step-message">{s.message}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
