import { useState, type FormEvent } from 'react';
import type { Job } from '../../../../shared/contract/models';
import type { MonitorStatus } from '../../../../shared/monitor/models';
import type { RetrainOutcome } from '../../../../shared/monitor/retrain';
import { toShownError } from '../../lib/errors';
import { isActive } from '../../lib/jobs';
import { useAppStore } from '../../store';
import { JobProgress } from '../data/label/JobProgress';
import { JobLog } from '../JobLog';
import { monitorActions } from './monitor-store';
import { RetrainOutcomeView } from './RetrainOutcomeView';
import { useTargetJob } from './useTargetJob';

/**
 * Closing the loop: a dataset from the recent labeled rows (and the champion's training data), the
 * champion's recipe re-run as a challenger, both compared on the newest labeled rows, then promotion
 * through the registry's gates and a redeploy here. One job with progress; each step said in words.
 */
export function RetrainPanel({ status }: { status: MonitorStatus }) {
  const client = useAppStore((s) => s.client);
  const applyJobUpdate = useAppStore((s) => s.applyJobUpdate);
  const { job, running } = useTargetJob('monitor.retrain', status.target);
  const [includeOriginal, setIncludeOriginal] = useState(true);
  const [promote, setPromote] = useState(true);
  const [redeploy, setRedeploy] = useState(true);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);


  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!client || running || starting) return;
    setStarting(true);
    setError(null);
    try {
      applyJobUpdate(await client.call('monitor.retrain', { target: status.target, includeOriginal, promote, redeploy: promote && redeploy }));
    } catch (e) {
      setError(toShownError(e).message);
    } finally {
      setStarting(false);
    }
  };

  return (
    <section className="card" aria-labelledby="retrain-title" data-testid="monitor-retrain">
      <h3 id="retrain-title">Retrain</h3>
      <p className="muted">
        Builds a dataset version from {status.target}’s labeled served rows ({status.labeledRows.toLocaleString('en')} so far), re-runs the recipe and parameters of {status.model} v{status.version} on
        it as a challenger, compares both on the newest labeled rows (kept out of training), then promotes the challenger through the registry’s gates and redeploys it here if it wins.
      </p>
      {status.labeledRows === 0 && (
        <p className="monitor-warn" data-testid="monitor-retrain-no-labels">
          No labels yet: add the true outcomes of served predictions in{' '}
          <button type="button" className="link-button" onClick={() => monitorActions.setTab('performance')}>
            Performance
          </button>{' '}
          first.
        </p>
      )}
      <form className="models-form" onSubmit={(e) => void submit(e)} aria-label="Retrain">
        <div className="checkbox-row">
          <input id="retrain-original" type="checkbox" checked={includeOriginal} onChange={(e) => setIncludeOriginal(e.target.checked)} disabled={running} />
          <label htmlFor="retrain-original">Include the champion’s original training data</label>
        </div>
        <div className="checkbox-row">
          <input id="retrain-promote" type="checkbox" checked={promote} onChange={(e) => setPromote(e.target.checked)} disabled={running} data-testid="monitor-retrain-promote" />
          <label htmlFor="retrain-promote">Promote the challenger if it wins (through the promotion gates)</label>
        </div>
        <div className="checkbox-row">
          <input id="retrain-redeploy" type="checkbox" checked={promote && redeploy} onChange={(e) => setRedeploy(e.target.checked)} disabled={running || !promote} data-testid="monitor-retrain-redeploy" />
          <label htmlFor="retrain-redeploy">Redeploy it to {status.target} once promoted</label>
        </div>
        {error && (
          <p className="form-error" role="alert" data-testid="monitor-retrain-error">
            Not started: {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={!client || running || starting || !status.model} data-testid="monitor-retrain-start">
            {running ? 'Retraining…' : starting ? 'Starting…' : 'Retrain'}
          </button>
        </div>
      </form>
      {job && <RetrainJob job={job} />}
    </section>
  );
}

function RetrainJob({ job }: { job: Job }) {
  if (isActive(job.status))
    return (
      <>
        <JobProgress job={job} label="Retrain progress" testId="monitor-retrain-progress" />
        <JobLog jobId={job.id} id="retrain-log" />
      </>
    );
  if (job.status === 'succeeded' && job.result) return <RetrainOutcomeView outcome={job.result as RetrainOutcome} />;
  return (
    <p className="form-error" role="alert" data-testid="monitor-retrain-failed">
      The last retrain did not finish ({job.status}): {job.error?.message ?? 'no reason given.'}
    </p>
  );
}
