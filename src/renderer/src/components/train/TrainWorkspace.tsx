import { useEffect } from 'react';
import { useAppStore } from '../../store';
import { CompareView } from './CompareView';
import { ParentRunDetail } from './ParentRunDetail';
import { RunDetail } from './RunDetail';
import { RunForm } from './RunForm';
import { RunsPanel } from './RunsPanel';
import { trainActions, useTrainStore } from './train-store';
import { useRuns } from './useRuns';
import '../../styles/train.css';
import './train-search.css';
import { StageHeader } from '../StageHeader';

/** A list that could not be loaded, in words, with a way to ask again. */
function LoadProblem({ what, message, retry }: { what: string; message: string | null; retry(): void }) {
  return (
    <div className="form-error train-load-problem" role="alert">
      <span>
        Could not list the {what}: {message}
      </span>
      <button type="button" className="button small" onClick={retry}>
        Try again
      </button>
    </div>
  );
}

/**
 * Stage 3: the New run form, then every run in a sortable, filterable table, then the run opened
 * (live while it trains) or the runs being compared.
 */
export function TrainWorkspace() {
  const projectId = useAppStore((s) => s.project?.id ?? null);
  const datasetsState = useAppStore((s) => s.datasetsState);
  const datasetsError = useAppStore((s) => s.datasetsError);
  const hasDatasets = useAppStore((s) => s.datasets.length > 0);
  const loadDatasets = useAppStore((s) => s.loadDatasets);
  const governanceState = useAppStore((s) => s.governanceState);
  const loadGovernance = useAppStore((s) => s.loadGovernance);
  const setView = useAppStore((s) => s.setView);
  const opened = useTrainStore((s) => s.opened);
  const { runs, error } = useRuns();

  useEffect(() => {
    trainActions.adopt(projectId);
  }, [projectId]);
  // Opened mid-run with nothing chosen: show the run that is training, with its curve so far (for a
  // trial, the search or auto run it belongs to).
  const live = runs?.find((r) => r.status === 'running' && !r.parentRunId) ?? runs?.find((r) => r.status === 'running');
  const running = live?.parentRunId ?? live?.id;
  useEffect(() => {
    if (running && !useTrainStore.getState().opened) trainActions.open({ kind: 'run', id: running });
  }, [running]);
  useEffect(() => {
    if (datasetsState === 'idle') void loadDatasets();
  }, [datasetsState, loadDatasets]);
  // The objective's metric and limits say which metric to show first and whether a run fits.
  useEffect(() => {
    if (governanceState === 'idle') void loadGovernance();
  }, [governanceState, loadGovernance]);

  const openRun = opened?.kind === 'run' ? runs?.find((r) => r.id === opened.id) : undefined;
  // In the order they were ticked, so the first ticked is the first column.
  const compared = opened?.kind === 'compare' ? opened.ids.flatMap((id) => runs?.find((r) => r.id === id) ?? []) : [];

  return (
    <article className="stage-page train-page" aria-labelledby="stage-title" data-stage="train">
      <StageHeader stageId="train" />
      {datasetsState === 'error' ? (
        <LoadProblem what="datasets" message={datasetsError} retry={() => void loadDatasets()} />
      ) : error && !runs ? (
        <LoadProblem what="runs" message={error} retry={trainActions.reloadRuns} />
      ) : datasetsState !== 'ready' || !runs ? (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> Loading datasets and runs…
        </p>
      ) : !hasDatasets && runs.length === 0 ? (
        <section className="card train-empty" data-testid="train-empty">
          <h2>No datasets yet — training needs one.</h2>
          <p className="muted">Import a CSV, Parquet, JSON, SQLite or PostgreSQL source in Data and choose its target (the column to predict); then come back here to train a model on it.</p>
          <button type="button" className="button primary" data-testid="train-go-data" onClick={() => setView('data')}>
            Go to Data
          </button>
        </section>
      ) : (
        <div className="train-layout">
          {hasDatasets ? <RunForm /> : <p className="card muted">Import a dataset in Data to start another run.</p>}
          <div className="train-main">
            {runs.length === 0 ? (
              <section className="card train-empty" data-testid="train-no-runs">
                <h2>No runs yet.</h2>
                <p className="muted">
                  Fill in the <strong>New run</strong> form and press <strong>Start training</strong>. The defaults (the latest version, its target, logistic regression, a
                  seeded 80/20 split) are a sound first baseline. Each run trains as a job with a live loss curve, and keeps its settings, metrics, model and timings.
                </p>
              </section>
            ) : (
              <RunsPanel runs={runs} />
            )}
            {error && <LoadProblem what="runs again" message={error} retry={trainActions.reloadRuns} />}
            {openRun && (openRun.search ? <ParentRunDetail key={openRun.id} run={openRun} /> : <RunDetail key={openRun.id} run={openRun} />)}
            {compared.length >= 2 && <CompareView runs={compared} />}
          </div>
        </div>
      )}
    </article>
  );
}
