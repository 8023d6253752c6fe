import { useEffect } from 'react';
import { STAGES } from '../../../shared/stages';
import { useWorkspaceKeys } from '../hooks/useWorkspaceKeys';
import { useAppStore } from '../store';
import { JobsPanel } from './JobsPanel';
import { StageNav } from './StageNav';
import { StagePage } from './StagePage';
import { SwitchProjectDialog } from './SwitchProjectDialog';
import { WorkspaceHeader } from './WorkspaceHeader';

/** The frame once a project is open: header, stage navigation, the stage page and the Jobs drawer. */
export function Workspace() {
  const jobsOpen = useAppStore((s) => s.jobsOpen);
  const stage = useAppStore((s) => s.stage);
  const projectName = useAppStore((s) => s.project?.name ?? '');
  useWorkspaceKeys();

  useEffect(() => {
    const title = STAGES.find((s) => s.id === stage)?.title ?? '';
    document.title = `${title} — ${projectName} — MLCycle`;
  }, [stage, projectName]);

  return (
    <div className={jobsOpen ? 'workspace with-jobs' : 'workspace'}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <WorkspaceHeader />
      <StageNav />
      <main className="workspace-main" id="main" tabIndex={-1}>
        <StagePage />
      </main>
      {jobsOpen && <JobsPanel />}
      <SwitchProjectDialog />
    </div>
  );
}
