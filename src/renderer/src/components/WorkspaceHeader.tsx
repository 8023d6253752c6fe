import { isActive } from '../lib/jobs';
import { useAppStore } from '../store';
import { Brand } from './Brand';
import { ThemeToggle } from './ThemeToggle';

/** Project name and folder on the left; Jobs, switch, close and theme on the right. */
export function WorkspaceHeader() {
  const project = useAppStore((s) => s.project);
  const running = useAppStore((s) => s.jobs.filter((job) => isActive(job.status)).length);
  const jobsOpen = useAppStore((s) => s.jobsOpen);
  const busy = useAppStore((s) => s.projectBusy);
  const setJobsOpen = useAppStore((s) => s.setJobsOpen);
  const setSwitcherOpen = useAppStore((s) => s.setSwitcherOpen);
  const closeProject = useAppStore((s) => s.closeProject);
  if (!project) return null;

  return (
    <header className="topbar workspace-header">
      <Brand compact />
      <div className="project-id" title={project.dir}>
        <span className="project-name" data-testid="project-name">
          {project.name}
        </span>
        <span className="project-dir mono" data-testid="project-dir">
          {project.dir}
        </span>
      </div>
      <div className="topbar-actions">
        <button
          type="button"
          id="jobs-toggle"
          className="button ghost"
          data-testid="jobs-toggle"
          aria-expanded={jobsOpen}
          aria-controls="jobs-panel"
          aria-keyshortcuts="Alt+J"
          title="Show or hide the Jobs panel (Alt+J)"
          onClick={() => setJobsOpen(!jobsOpen)}
        >
          Jobs
          {running > 0 && (
            <span className="count" aria-label={`${running} running`}>
              {running}
            </span>
          )}
        </button>
        <button type="button" className="button ghost" data-testid="switch-project" onClick={() => setSwitcherOpen(true)}>
          Switch project
        </button>
        <button
          type="button"
          className="button ghost"
          data-testid="close-project"
          disabled={busy}
          onClick={() => void closeProject()}
          title="Close this project (running jobs are cancelled)"
        >
          Close project
        </button>
        <ThemeToggle />
      </div>
    </header>
  );
}
