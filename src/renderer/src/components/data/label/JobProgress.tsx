import type { Job } from '../../../../../shared/contract/models';
import { etaInWords } from '../../../lib/format';
import { useAppStore } from '../../../store';
import { ProgressBar } from '../../ProgressBar';

/** A job of this tab while it runs: how far, which phase, time left, and Cancel. */
export function JobProgress({ job, label, testId }: { job: Job; label: string; testId: string }) {
  const cancelling = useAppStore((s) => s.cancelling[job.id] === true);
  const cancelJob = useAppStore((s) => s.cancelJob);
  const detail = [job.status === 'queued' ? 'waiting for a free worker' : job.phase, etaInWords(job.etaMs)].filter(Boolean).join(' · ');
  return (
    <div className="ls-job" data-testid={testId} data-job-id={job.id} aria-live="polite">
      <div className="progress-row">
        <ProgressBar fraction={job.progress} label={label} tone={job.status} />
        <button type="button" className="button small danger" disabled={cancelling} onClick={() => void cancelJob(job.id)}>
          {cancelling ? 'Cancelling…' : 'Cancel'}
        </button>
      </div>
      {detail && <p className="muted">{detail}</p>}
    </div>
  );
}
