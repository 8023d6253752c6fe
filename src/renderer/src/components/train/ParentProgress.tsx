import { useState } from 'react';
import type { Run } from '../../../../shared/train/models';
import { toShownError } from '../../lib/errors';
import { etaInWords } from '../../lib/format';
import { parentProgress, type TrialRow } from '../../lib/train-trials';
import { useAppStore } from '../../store';
import { ProgressBar } from '../ProgressBar';
import { trainActions } from './train-store';
import { useNow } from './useChildRuns';

/** A running search or auto run: how much of its work is done (from its trials' jobs), time left, and Cancel for every trial. */
export function ParentProgress({ parent, rows }: { parent: Run; rows: TrialRow[] }) {
  const client = useAppStore((s) => s.client);
  const jobs = useAppStore((s) => s.jobs);
  const now = useNow(true);
  const [cancelling, setCancelling] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const progress = parentProgress(parent, rows, (id) => jobs.find((j) => j.id === id)?.progress, now);
  const unit = parent.search?.strategy === 'auto' ? 'learners' : 'trials';
  const eta = etaInWords(progress.etaMs);

  const cancel = async () => {
    if (!client) return;
    setCancelling(true);
    setProblem(null);
    try {
      await client.call('runs.cancel', { id: parent.id });
      trainActions.reloadRuns();
    } catch (e) {
      setProblem(toShownError(e).message);
      setCancelling(false);
    }
  };

  return (
    <div className="train-live search-progress" data-testid="train-search-progress">
      <div className="progress-row">
        <ProgressBar fraction={progress.fraction} label={parent.search?.strategy === 'auto' ? 'Auto progress' : 'Search progress'} tone="running" />
        <button type="button" className="button small danger" data-testid="train-search-cancel" disabled={cancelling} onClick={() => void cancel()}>
          {cancelling ? 'Cancelling…' : unit === 'learners' ? 'Cancel auto' : 'Cancel the search'}
        </button>
      </div>
      {/* Only the count is announced: the time left changes every second. */}
      <p className="muted" data-testid="train-search-progress-text">
        <span aria-live="polite">
          {progress.finished} of {progress.total} {unit} finished
        </span>
        {eta && ` · ${eta}`}
      </p>
      {problem && (
        <p className="form-error" role="alert">
          Could not cancel: {problem}
        </p>
      )}
    </div>
  );
}
