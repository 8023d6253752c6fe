import { isActive } from '../lib/jobs';
import { useAppStore } from '../store';
import { DemoJobForm } from './DemoJobForm';
import { JobRow } from './JobRow';

/** The right-hand drawer: start a demo job, and every job of this project, newest first. */
export function JobsPanel() {
  const jobs = useAppStore((s) => s.jobs);
  const loading = useAppStore((s) => s.jobsLoading);
  const setJobsOpen = useAppStore((s) => s.setJobsOpen);
  const running = jobs.filter((job) => isActive(job.status)).length;

  return (
    <aside className="jobs-panel" id="jobs-panel" aria-labelledby="jobs-title" data-testid="jobs-panel">
      <div className="panel-header">
        <h2 id="jobs-title">
          Jobs
          <span className="muted panel-sub">{running > 0 ? `${running} running` : `${jobs.length} total`}</span>
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label="Close the Jobs panel (Escape)"
          title="Close (Escape)"
          onClick={() => {
            setJobsOpen(false);
            document.getElementById('jobs-toggle')?.focus();
          }}
        >
          ×
        </button>
      </div>
      <DemoJobForm />
      {jobs.length === 0 ? (
        <p className="muted empty">
          {loading ? 'Loading jobs…' : 'No jobs yet. Run the demo job to see progress, logs and cancel at work.'}
        </p>
      ) : (
        <ul className="job-list" aria-label="Jobs, newest first">
          {jobs.map((job) => (
            <JobRow key={job.id} job={job} />
          ))}
        </ul>
      )}
    </aside>
  );
}
