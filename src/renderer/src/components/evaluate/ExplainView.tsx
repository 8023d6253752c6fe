import { useCallback, useEffect, useState } from 'react';
import { RowExplanation, type Evaluation, type Run } from '../../../../shared/train/models';
import type { ChartColors } from '../../lib/chart-types';
import { toShownError } from '../../lib/errors';
import { contributionsFigure, importanceFigure, partialDependenceFigure } from '../../lib/evaluate-figures';
import { contributionsSummary, explanationMethodWords, explanationReading, importanceSummary, isAdditive, partialDependenceSummary } from '../../lib/evaluate-words';
import { isActive } from '../../lib/jobs';
import { barHeight } from '../../lib/profile-figures';
import { useAppStore } from '../../store';
import { PlotlyChart } from '../charts/PlotlyChart';
import { JobProgress } from '../data/label/JobProgress';

const PD_COLUMNS = 3;

/** Permutation importance, partial dependence of the top columns, and one row explained on demand. */
export function ExplainView({ run, evaluation }: { run: Run; evaluation: Evaluation }) {
  const { importance, partialDependence } = evaluation;
  const importanceChart = useCallback((c: ChartColors) => importanceFigure(importance!, c), [importance]);
  return (
    <section className="card" aria-labelledby="evaluate-explain-title" data-testid="evaluate-explain">
      <h2 id="evaluate-explain-title">Explanations</h2>
      {importance && importance.columns.length > 0 && (
        <>
          <h3>Permutation importance</h3>
          <p className="muted" data-testid="evaluate-importance-summary">
            {importanceSummary(importance)}
          </p>
          <ol className="visually-hidden" data-testid="evaluate-importance-list">
            {[...importance.columns]
              .sort((a, b) => b.mean - a.mean)
              .map((c) => (
                <li key={c.column} data-column={c.column}>
                  {c.column}: {c.mean.toFixed(4)} ± {c.std.toFixed(4)}
                </li>
              ))}
          </ol>
          <PlotlyChart figure={importanceChart} height={barHeight(importance.columns.length) + 30} label={importanceSummary(importance)} testId="evaluate-importance" />
        </>
      )}
      {partialDependence && partialDependence.length > 0 && (
        <>
          <h3>Partial dependence</h3>
          <div className="evaluate-pd">
            {partialDependence.slice(0, PD_COLUMNS).map((pd) => (
              <PartialDependence key={pd.column} pd={pd} />
            ))}
          </div>
        </>
      )}
      <ExplainRow run={run} />
    </section>
  );
}

function PartialDependence({ pd }: { pd: NonNullable<Evaluation['partialDependence']>[number] }) {
  const figure = useCallback((c: ChartColors) => partialDependenceFigure(pd, c), [pd]);
  const summary = partialDependenceSummary(pd);
  return (
    <div>
      <p className="muted">{summary}</p>
      <PlotlyChart figure={figure} height={240} label={summary} testId={`evaluate-pd-${pd.column}`} />
    </div>
  );
}

function ExplainRow({ run }: { run: Run }) {
  const client = useAppStore((s) => s.client);
  const applyJobUpdate = useAppStore((s) => s.applyJobUpdate);
  const [row, setRow] = useState('0');
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useAppStore((s) => (jobId ? s.jobs.find((j) => j.id === jobId) : undefined));
  const [explanation, setExplanation] = useState<RowExplanation | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!job || isActive(job.status) || !client) return;
    setJobId(null);
    if (job.status !== 'succeeded') {
      setError(job.error?.message ?? `The explanation ${job.status}.`);
      return;
    }
    const take = (result: unknown) => {
      const parsed = RowExplanation.safeParse(result);
      if (parsed.success) setExplanation(parsed.data);
      else setError('The explanation came back in a form this window does not understand.');
    };
    if (job.result) take(job.result);
    else
      client
        .call('jobs.get', { id: job.id })
        .then((j) => take(j.result))
        .catch((e: unknown) => setError(toShownError(e).message));
  }, [job, client]);

  const explain = () => {
    if (!client) return;
    setError(null);
    setExplanation(null);
    client
      .call('runs.explain', { id: run.id, row: Number(row) })
      .then((started) => {
        applyJobUpdate(started);
        setJobId(started.id);
      })
      .catch((e: unknown) => setError(toShownError(e).message));
  };

  const figure = useCallback((c: ChartColors) => contributionsFigure(explanation!, c), [explanation]);
  const valid = /^\d+$/.test(row);
  const additive = explanation !== null && isAdditive(explanation);
  return (
    <div className="evaluate-explain-row">
      <h3>Explain a row</h3>
      <form
        className="evaluate-row-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) explain();
        }}
      >
        <label>
          Row number (from 0, in {run.dataset}){' '}
          <input type="number" min={0} step={1} value={row} data-testid="evaluate-explain-row" onChange={(e) => setRow(e.target.value)} />
        </label>
        <button type="submit" className="button small" disabled={!valid || jobId !== null} data-testid="evaluate-explain-go">
          Explain
        </button>
      </form>
      {job && isActive(job.status) && <JobProgress job={job} label="Explaining the row" testId="evaluate-explain-job" />}
      {error && (
        <p className="form-error" role="alert" data-testid="evaluate-explain-error">
          {error}
        </p>
      )}
      {explanation && (
        <div data-testid="evaluate-explanation">
          <p>
            Row {explanation.row} is predicted <strong data-testid="evaluate-explain-prediction">{explanation.prediction}</strong>
            {explanation.probabilities && ` (${Object.entries(explanation.probabilities).map(([k, v]) => `${k}: ${(v * 100).toFixed(1)}%`).join(', ')})`}.
          </p>
          <dl className="evaluate-metrics">
            <div>
              <dt>{additive ? 'Base value' : 'Baseline row'}</dt>
              <dd data-testid="evaluate-explain-base">{(additive ? explanation.baseValue! : explanation.baselineOutput).toPrecision(4)}</dd>
            </div>
            <div>
              <dt>This row ({explanation.scale})</dt>
              <dd data-testid="evaluate-explain-output">{explanation.output.toPrecision(4)}</dd>
            </div>
          </dl>
          <p className="muted" data-testid="evaluate-explain-method">
            Method: {explanationMethodWords(explanation)}. {explanationReading(explanation)} {contributionsSummary(explanation.contributions, explanation.scale)}
          </p>
          <ul className="visually-hidden" data-testid="evaluate-contributions">
            {explanation.contributions.map((c) => (
              <li key={c.column} data-column={c.column}>
                {c.column} = {String(c.value)}: {c.contribution}
              </li>
            ))}
          </ul>
          <PlotlyChart figure={figure} height={barHeight(explanation.contributions.length + (additive ? 2 : 0)) + 30} label={contributionsSummary(explanation.contributions, explanation.scale)} testId="evaluate-contributions-chart" />
        </div>
      )}
    </div>
  );
}
