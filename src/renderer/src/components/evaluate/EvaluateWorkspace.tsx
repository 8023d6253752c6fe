import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Evaluation, Run } from '../../../../shared/train/models';
import { toShownError } from '../../lib/errors';
import { finishedRuns } from '../../lib/evaluate-words';
import { inMetricOrder, metricLabel, metricText } from '../../lib/train-words';
import { useAppStore } from '../../store';
import { useRuns } from '../train/useRuns';
import { ClassificationView } from './ClassificationView';
import { ExplainView } from './ExplainView';
import { FairnessView, ModelCard } from './FairnessCard';
import { RegressionView } from './RegressionView';
import '../../styles/evaluate.css';
import { StageHeader } from '../StageHeader';

/** The Evaluate workspace: pick a finished run, then its metrics, plots, explanations, fairness and model card. */
export function EvaluateWorkspace() {
  return (
    <article className="stage-page evaluate-page" aria-labelledby="stage-title" data-stage="evaluate">
      <StageHeader stageId="evaluate" />
      <EvaluateBody />
    </article>
  );
}

function EvaluateBody(): ReactNode {
  const { runs, error } = useRuns();
  const finished = useMemo(() => finishedRuns(runs ?? []), [runs]);
  const [picked, setPicked] = useState<string | null>(null);
  const runId = picked && finished.some((r) => r.id === picked) ? picked : (finished[0]?.id ?? null);

  if (error)
    return (
      <p className="form-error" role="alert">
        {error}
      </p>
    );
  if (runs === null) return <p className="muted">Loading runs…</p>;
  if (finished.length === 0)
    return (
      <p className="muted" data-testid="evaluate-empty">
        No finished runs yet. Train a model in Train, then come back to evaluate it.
      </p>
    );

  return (
    <div className="evaluate" data-testid="evaluate">
      <div className="card evaluate-picker">
        <label>
          Run{' '}
          <select data-testid="evaluate-run" value={runId ?? ''} onChange={(e) => setPicked(e.target.value)}>
            {finished.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name} · {r.task} · {r.createdAt.slice(0, 16).replace('T', ' ')}
              </option>
            ))}
          </select>
        </label>
      </div>
      {runId && <RunEvaluation key={runId} runId={runId} />}
    </div>
  );
}

function RunEvaluation({ runId }: { runId: string }) {
  const client = useAppStore((s) => s.client);
  const [data, setData] = useState<{ run: Run; evaluation: Evaluation | null } | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!client) return;
    let current = true;
    client
      .call('runs.evaluation', { id: runId })
      .then((result) => current && setData(result))
      .catch((e: unknown) => current && setError(toShownError(e).message));
    return () => {
      current = false;
    };
  }, [client, runId]);

  if (error)
    return (
      <p className="form-error" role="alert" data-testid="evaluate-error">
        {error}
      </p>
    );
  if (!data) return <p className="muted">Loading the evaluation…</p>;
  const { run, evaluation } = data;
  if (!evaluation) return <p className="muted">This run has no evaluation.</p>;
  const metrics = run.metrics[evaluation.set] ?? {};
  return (
    <>
      <section className="card evaluate-headline" data-testid="evaluate-headline" aria-labelledby="evaluate-headline-title">
        <h2 id="evaluate-headline-title">{run.name}</h2>
        <p className="muted">
          {run.task} · {run.model} on {run.dataset} · target {run.target} · evaluated on the {evaluation.set} set (<span data-testid="evaluate-rows">{evaluation.rows}</span> rows)
        </p>
        <dl className="evaluate-metrics">
          {inMetricOrder(Object.keys(metrics)).map((m) => (
            <div key={m} data-metric={m}>
              <dt>{metricLabel(m)}</dt>
              <dd>{metricText(metrics[m])}</dd>
            </div>
          ))}
        </dl>
        {evaluation.overfitting.length > 0 ? (
          <ul className="evaluate-warnings" data-testid="evaluate-overfitting">
            {evaluation.overfitting.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ul>
        ) : (
          <p className="muted" data-testid="evaluate-overfitting">
            No sign of overfitting: training and held-out scores agree.
          </p>
        )}
      </section>
      {evaluation.residuals ? <RegressionView evaluation={evaluation} /> : <ClassificationView evaluation={evaluation} />}
      <ExplainView run={run} evaluation={evaluation} />
      {evaluation.fairness && evaluation.fairness.length > 0 && <FairnessView fairness={evaluation.fairness} />}
      <ModelCard run={run} />
    </>
  );
}
