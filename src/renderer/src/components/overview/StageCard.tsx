import type { StageState } from '../../../../shared/governance/dashboard';
import { STAGES } from '../../../../shared/stages';
import { StatusBadge } from './StatusBadge';
import { useOpenStage } from './useOpenStage';

/** One lifecycle stage on the dashboard: number, title, status, where it stands and its next step. */
export function StageCard({ state }: { state: StageState }) {
  const openStage = useOpenStage();
  const index = STAGES.findIndex((s) => s.id === state.id);
  const stage = STAGES[index]!;
  const titleId = `stage-card-${state.id}`;
  return (
    <li className="stage-card" data-testid={`dashboard-stage-${state.id}`} data-status={state.status}>
      <div className="stage-card-top">
        <span className="stage-card-number" aria-hidden="true">
          {state.status === 'done' ? '✓' : index + 1}
        </span>
        <h3 id={titleId}>{stage.title}</h3>
        <StatusBadge status={state.status} />
      </div>
      <p className="stage-card-summary">{state.summary}</p>
      {state.nextAction ? (
        <button type="button" className="action-link" data-testid={`stage-action-${state.id}`} onClick={() => openStage(state.id)}>
          {state.nextAction} <span aria-hidden="true">→</span>
        </button>
      ) : (
        <button type="button" className="action-link quiet" onClick={() => openStage(state.id)}>
          Open {stage.title} <span aria-hidden="true">→</span>
        </button>
      )}
    </li>
  );
}
