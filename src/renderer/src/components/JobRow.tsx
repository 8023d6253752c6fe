import { useState } from 'react';
import type { Job } from '../../../shared/contract/models';
import { STATUS_EXPLANATIONS, STATUS_WORDS, durationInWords, etaInWords, timeOfDay } from '../lib/format';
import { isActive } from '../lib/jobs';
import { useAppStore } from '../store';
import { JobLog } from './JobLog';
import { ProgressBar } from './ProgressBar';

function detailLine(job: Job): string {
  const parts: string[] = [];
  if (job.phase && job.phase !== job.status) parts.push(job.phase);
  if (isActive(job.status)) parts.push(etaInWords(job.etaMs) ?? 'estimating time left…');
  else if (job.startedAt && job.finishedAt) {
    parts.push(`took ${durationInWords(Date.parse(job.finishedAt) - Date.parse(job.startedAt))}`);
  }
  parts.push(`started ${timeOfDay(job.startedAt ?? job.createdAt)}`);
  return parts.join(' · ');
}

/** One job: title, status, progress with percentage, phase and ETA, cancel, the reason it ended, its log. */
export function JobRow({ job }: { job: Job }) {
  const [logOpen, setLogOpen] = useState(false);
  const cancelling = useAppStore((s) => s.cancelling[job.id] === true);
  const cancelJob = useAppStore((s) => s.cancelJob);
  const active = isActive(job.status);
  const reason = job.status === 'succeeded' ? null : (job.error?.message ?? STATUS_EXPLANATIONS[job.status] ?? null);
  const logId = `job-log-${job.id}`;

  return (
    <li className={`job-row status-${job.status}`} data-testid="job-row" data-job-status={job.status} data-job-id={job.id}>
      <div className="job-top">
        <span className="job-title">{job.title}</span>
        <span className={`badge status-badge status-${job.status}`} data-testid="job-status">
          {STATUS_WORDS[job.status]}
        </span>
      </div>
      <ProgressBar fraction={job.progress} label={`${job.title}: progress`} tone={job.status} testId="job-progress" />
      <p className="job-detail muted" data-testid="job-detail">
        {detailLine(job)}
      </p>
      {reason && (
        <p className={`job-reason reason-${job.status}`} data-testid="job-error">
          {reason}
        </p>
      )}
      <div className="job-actions">
        {active && (
          <button
            type="button"
            className="button small danger"
            data-testid="job-cancel"
            disabled={cancelling || job.phase === 'cancelling'}
            onClick={() => void cancelJob(job.id)}
          >
            {cancelling || job.phase === 'cancelling' ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
        <button
          type="button"
          className="button small"
          data-testid="job-log-toggle"
          aria-expanded={logOpen}
          aria-controls={logId}
          onClick={() => setLogOpen(!logOpen)}
        >
          {logOpen ? 'Hide log' : 'Show log'}
        </button>
      </div>
      {logOpen && <JobLog jobId={job.id} id={logId} />}
    </li>
  );
}
