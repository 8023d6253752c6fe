import { isActive } from '../../lib/jobs';
import { useAppStore } from '../../store';
import { JobProgress } from '../data/label/JobProgress';
import { CurveChart } from './CurveChart';
import { useLivePoints } from './useLivePoints';

/** A run while it trains: progress with phase, time left and Cancel, and the loss curve as it is drawn. */
export function LiveRun({ jobId, step }: { jobId: string; step: string }) {
  const job = useAppStore((s) => s.jobs.find((j) => j.id === jobId));
  const points = useLivePoints(jobId);
  return (
    <div className="train-live" data-testid="train-live">
      {job && isActive(job.status) ? (
        <JobProgress job={job} label="Training progress" testId="train-progress" />
      ) : (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> {job ? 'Finishing…' : 'Starting…'}
        </p>
      )}
      <h3 className="subheading">Loss so far</h3>
      <CurveChart points={points} step={step} testId="train-live-curve" empty={`Waiting for the first ${step}…`} />
    </div>
  );
}
