import type { Dashboard } from '../../../../shared/governance/dashboard';
import { STAGES } from '../../../../shared/stages';
import { anyGuideHintDismissed, showGuideHintsAgain } from '../GuideHint';
import { useOpenStage } from './useOpenStage';

/** The one thing to do next across the whole lifecycle, with the button that goes there. */
export function NextActionCard({ next }: { next: Dashboard['next'] }) {
  const openStage = useOpenStage();
  if (!next) {
    return (
      <section className="card next-card" aria-labelledby="next-title" data-testid="next-action-card">
        <h2 id="next-title" className="eyebrow">
          Next step
        </h2>
        <p className="next-action-text">Nothing waits on you right now: every stage that can move has moved.</p>
      </section>
    );
  }
  const stage = STAGES.find((s) => s.id === next.stage)!;
  return (
    <section className="card next-card" aria-labelledby="next-title" data-testid="next-action-card" data-stage={next.stage}>
      <h2 id="next-title" className="eyebrow">
        Next step · {stage.title}
      </h2>
      <p className="next-action-text" data-testid="next-action-text">
        {next.action}
      </p>
      <div>
        <button type="button" className="button primary" data-testid="next-action" onClick={() => openStage(next.stage)}>
          Go to {stage.title} →
        </button>{' '}
        {anyGuideHintDismissed() && (
          <button type="button" className="button ghost small" data-testid="show-hints" onClick={showGuideHintsAgain}>
            Show the stage hints again
          </button>
        )}
      </div>
    </section>
  );
}
