import { useEffect, type ReactNode } from 'react';
import { STAGES } from '../../../../shared/stages';
import { useAppStore } from '../../store';
import type { ObjectivesTab } from '../../store/ui-slice';
import { BriefExport } from '../BriefExport';
import { DecisionLog } from './DecisionLog';
import { ObjectiveForm } from './ObjectiveForm';
import { OBJECTIVES_TABS, ObjectivesTabs } from './ObjectivesTabs';
import { PeoplePanel } from './PeoplePanel';
import { PoliciesForm } from './PoliciesForm';
import { GuideHint } from '../GuideHint';

/**
 * Stage 1: what the model is for, who is involved, the rules it must pass and why things were
 * decided. All four panels stay mounted (hidden when not selected) so half-typed forms survive a
 * tab switch.
 */
export function ObjectivesWorkspace() {
  const state = useAppStore((s) => s.governanceState);
  const error = useAppStore((s) => s.governanceError);
  const tab = useAppStore((s) => s.objectivesTab);
  const loadGovernance = useAppStore((s) => s.loadGovernance);
  const stage = STAGES[0]!;

  useEffect(() => {
    if (state === 'idle') void loadGovernance();
  }, [state, loadGovernance]);

  const panels: Record<ObjectivesTab, ReactNode> = {
    objective: <ObjectiveForm active={tab === 'objective'} />,
    people: <PeoplePanel />,
    policies: <PoliciesForm active={tab === 'policies'} />,
    decisions: <DecisionLog />,
  };

  return (
    <article className="stage-page objectives-page" aria-labelledby="stage-title" data-stage="objectives">
      <p className="eyebrow">Stage 1 of {STAGES.length}</p>
      <div className="stage-heading">
        <h1 id="stage-title" data-testid="stage-title">
          {stage.title}
        </h1>
        <div className="heading-actions">
          <BriefExport />
        </div>
      </div>
      <p className="stage-summary">{stage.summary}</p>
      <GuideHint stageId="objectives" />
      <ObjectivesTabs />
      {state === 'ready' ? (
        OBJECTIVES_TABS.map((t) => (
          <div key={t.id} role="tabpanel" id={`objectives-panel-${t.id}`} aria-labelledby={`objectives-tab-${t.id}`} hidden={tab !== t.id} data-testid={`objectives-panel-${t.id}`}>
            {panels[t.id]}
          </div>
        ))
      ) : state === 'error' ? (
        <div className="form-error" role="alert">
          <p>Could not load the objective and governance settings: {error}</p>
          <button type="button" className="button small" onClick={() => void loadGovernance()}>
            Try again
          </button>
        </div>
      ) : (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> Loading the objective, people, policies and decision log…
        </p>
      )}
    </article>
  );
}
