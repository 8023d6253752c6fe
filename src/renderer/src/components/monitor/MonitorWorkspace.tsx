import { useEffect } from 'react';
import { useAppStore } from '../../store';
import { StageHeader } from '../StageHeader';
import { monitorActions, useMonitorStore } from './monitor-store';
import { MonitorTargetList } from './MonitorTargetList';
import { MonitorTargetPage } from './MonitorTargetPage';
import { pullNow, useMonitorChanges, useStatuses } from './useMonitor';
import '../../styles/evaluate.css';
import '../../styles/models.css';
import '../../styles/deploy.css';
import '../../styles/monitor.css';

/**
 * Stage 7: what every deployment serves and how it holds up. All targets with their monitoring
 * status and a Pull now, then one deployment: drift per feature and window with the distributions
 * behind it, performance once labels arrive, health, alerts and their rules, and the retrain loop.
 */
export function MonitorWorkspace() {
  const client = useAppStore((s) => s.client);
  const projectId = useAppStore((s) => s.project?.id ?? null);
  const open = useMonitorStore((s) => s.target);
  const pullingAll = useMonitorStore((s) => Object.keys(s.pulling).length > 0);
  const { data: statuses, error } = useStatuses();
  useMonitorChanges();

  useEffect(() => {
    monitorActions.adopt(projectId);
  }, [projectId]);

  const current = statuses?.find((s) => s.target === open) ?? null;
  const live = (statuses ?? []).filter((s) => s.model !== null).map((s) => s.target);

  return (
    <article className="stage-page models-page deploy-page monitor-page" aria-labelledby="stage-title" data-stage="monitor">
      <StageHeader stageId="monitor">
        {!open && live.length > 0 && (
          <button type="button" className="button primary" disabled={!client || pullingAll} onClick={() => client && void pullNow(client, null, live)} data-testid="monitor-pull-all">
            {pullingAll ? 'Pulling…' : 'Pull all now'}
          </button>
        )}
      </StageHeader>
      {open && (
        <nav className="models-crumbs" aria-label="Monitor location" data-testid="monitor-crumbs">
          <button type="button" className="link-button" data-testid="monitor-crumb-all" onClick={() => monitorActions.openTarget(null)}>
            All deployments
          </button>
          <span aria-hidden="true">/</span>
          <span aria-current="page">{open}</span>
        </nav>
      )}
      {error && !statuses ? (
        <p className="form-error" role="alert" data-testid="monitor-error-list">
          Could not read the monitoring status: {error}
        </p>
      ) : !statuses ? (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> Loading the deployments…
        </p>
      ) : current ? (
        <MonitorTargetPage key={current.target} status={current} />
      ) : open ? (
        <p className="muted" data-testid="monitor-target-gone">
          {open} is no longer a target of this project.
        </p>
      ) : (
        <MonitorTargetList statuses={statuses} />
      )}
    </article>
  );
}
