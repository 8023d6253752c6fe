import { etaInWords } from '../../../lib/format';
import { useAppStore } from '../../../store';
import { ProgressBar } from '../../ProgressBar';

/** The running import in place: how far, which phase, how long left, and Cancel. */
export function ImportProgress() {
  const job = useAppStore((s) => (s.importJobId ? s.jobs.find((j) => j.id === s.importJobId) : undefined));
  const cancelling = useAppStore((s) => (s.importJobId ? s.cancelling[s.importJobId] === true : false));
  const cancelJob = useAppStore((s) => s.cancelJob);
  if (!job) return null;
  const detail = [job.phase, etaInWords(job.etaMs) ?? 'estimating time left…'].filter(Boolean).join(' · ');

  return (
    <div className="import-progress" data-testid="import-progress" data-job-id={job.id}>
      <div className="progress-row">
        <ProgressBar fraction={job.progress} label="Import progress" tone={job.status} />
        <button type="button" className="button small danger" data-testid="import-cancel" disabled={cancelling} onClick={() => void cancelJob(job.id)}>
          {cancelling ? 'Cancelling…' : 'Cancel import'}
        </button>
      </div>
      <p className="muted">{detail}</p>
    </div>
  );
}
