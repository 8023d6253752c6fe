import type { Dashboard } from '../../../../shared/governance/dashboard';
import type { StageId } from '../../../../shared/stages';
import { useAppStore } from '../../store';
import type { ObjectivesTab } from '../../store/ui-slice';

/** Where in Objectives the next step is: the objective until it is defined, then the people. */
function objectivesTabFor(dashboard: Dashboard | null): ObjectivesTab {
  const readiness = (id: string) => dashboard?.readiness.find((item) => item.id === id)?.status;
  if (readiness('objective_defined') !== 'pending' && readiness('owners_named') === 'pending') return 'people';
  return 'objective';
}

/** Opens a stage from the dashboard, landing on the part of it the next action is about. */
export function useOpenStage(): (stage: StageId) => void {
  const dashboard = useAppStore((s) => s.dashboard);
  const setView = useAppStore((s) => s.setView);
  const openObjectives = useAppStore((s) => s.openObjectives);
  return (stage) => {
    if (stage === 'objectives') openObjectives(objectivesTabFor(dashboard));
    else setView(stage);
    document.getElementById('main')?.focus();
  };
}
