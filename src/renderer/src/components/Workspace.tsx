import { useEffect } from 'react';
import { STAGES } from '../../../shared/stages';
import { useWorkspaceKeys } from '../hooks/useWorkspaceKeys';
import { useAppStore } from '../store';
import { DataWorkspace } from './data/DataWorkspace';
import { DeployWorkspace } from './deploy/DeployWorkspace';
import { JobsPanel } from './JobsPanel';
import { ModelsWorkspace } from './models/ModelsWorkspace';
import { MonitorWorkspace } from './monitor/MonitorWorkspace';
import { useAlertNotices } from './monitor/useAlertNotices';
import { ObjectivesWorkspace } from './objectives/ObjectivesWorkspace';
import { OverviewPage } from './overview/OverviewPage';
import { StageNav } from './StageNav';
import { StagePage } from './StagePage';
import { SwitchProjectDialog } from './SwitchProjectDialog';
import { EvaluateWorkspace } from './evaluate/EvaluateWorkspace';
import { TrainWorkspace } from './train/TrainWorkspace';
import { WorkspaceHeader } from './WorkspaceHeader';

/** The frame once a project is open: header, navigation, the current view and the Jobs drawer. */
export function Workspace() {
  const jobsOpen = useAppStore((s) => s.jobsOpen);
  const view = useAppStore((s) => s.view);
  const projectName = useAppStore((s) => s.project?.name ?? '');
  useWorkspaceKeys();
  useAlertNotices();

  useEffect(() => {
    const title = view === 'overview' ? 'Overview' : (STAGES.find((s) => s.id === view)?.title ?? '');
    document.title = `${title} — ${projectName} — MLCycle`;
  }, [view, projectName]);

  // A new view starts at its top, not wherever the previous one was scrolled to.
  useEffect(() => {
    document.getElementById('main')?.scrollTo({ top: 0 });
  }, [view]);

  return (
    <div className={jobsOpen ? 'workspace with-jobs' : 'workspace'}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <WorkspaceHeader />
      <StageNav />
      <main className="workspace-main" id="main" tabIndex={-1}>
        {view === 'overview' ? (
          <OverviewPage />
        ) : view === 'objectives' ? (
          <ObjectivesWorkspace />
        ) : view === 'data' ? (
          <DataWorkspace />
        ) : view === 'train' ? (
          <TrainWorkspace />
        ) : view === 'evaluate' ? (
          <EvaluateWorkspace />
        ) : view === 'models' ? (
          <ModelsWorkspace />
        ) : view === 'deploy' ? (
          <DeployWorkspace />
        ) : view === 'monitor' ? (
          <MonitorWorkspace />
        ) : (
          <StagePage key={view} stageId={view} />
        )}
      </main>
      {jobsOpen && <JobsPanel />}
      <SwitchProjectDialog />
    </div>
  );
}
