import type { ReactNode } from 'react';
import { STAGES, type Stage } from '../../../shared/stages';
import { GuideHint } from './GuideHint';

/** A workspace's heading: "Stage n of 7", its title and summary, optional actions on the right, and the guide's hint below. */
export function StageHeader({ stageId, children }: { stageId: Stage['id']; children?: ReactNode }) {
  const index = Math.max(0, STAGES.findIndex((s) => s.id === stageId));
  const stage = STAGES[index]!;
  return (
    <>
      <header className="data-page-header">
        <div>
          <p className="eyebrow">
            Stage {index + 1} of {STAGES.length}
          </p>
          <h1 id="stage-title" data-testid="stage-title">
            {stage.title}
          </h1>
        </div>
        <p className="stage-summary">{stage.summary}</p>
        {children && <div className="heading-actions">{children}</div>}
      </header>
      <GuideHint stageId={stageId} />
    </>
  );
}
