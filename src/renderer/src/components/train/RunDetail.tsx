import { useEffect, useRef, useState } from 'react';
import type { Run } from '../../../../shared/train/models';
import { dateTime } from '../../lib/format';
import { metricTable, SETS } from '../../lib/train-compare';
import { effectiveParams } from '../../lib/train-params';
import { metricLabel, paramText, thresholdVerdict } from '../../lib/train-words';
import { useAppStore } from '../../store';
import { RegisterDialog } from '../models/RegisterDialog';
import { RegisteredAs } from '../models/RegisteredAs';
import { CrossValidationTable } from './CrossValidationTable';
import { CurveChart } from './CurveChart';
import { LiveRun } from './LiveRun';
import { MetricsTable } from './MetricsTable';
import { RunFacts } from './RunFacts';
import { STATUS_TEXT } from './RunTable';
import { trainActions, useTrainStore } from './train-store';
import { learnerOf, useStep } from './useLearners';

const present = (run: Run) => SETS.filter((set) => run.metrics[set] !== null);

/** The hyperparameters the run used, those it left at the learner's default marked so. */
function ParamsTable({ run }: { run: Run }) {
  const learner = useTrainStore((s) => learnerOf(s.learners, run.model));
  const params = effectiveParams(learner?.parameters ?? [], run.params);
  return (
    <table className="train-table train-params-table" data-testid="train-detail-params">
      <caption>Hyperparameters</caption>
      <tbody>
        {Object.keys(params).length === 0 ? (
          <tr>
            <td className="muted">The learner’s defaults.</td>
          </tr>
        ) : (
          Object.entries(params).map(([name, value]) => (
            <tr key={name}>
              <th scope="row" className="mono">
                {name}
              </th>
              <td className="num">
                {paramText(value)}
                {!(name in run.params) && <span className="muted"> (default)</span>}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

/** One run opened: what it was, how it went (live while it trains), its metrics per set, settings and curve. */
export function RunDetail({ run }: { run: Run }) {
  // Opened from the table or the form, it lies below them: bring it into view once.
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView({ block: 'start' });
  }, []);
  const objective = useAppStore((s) => s.objective?.value);
  const sets = present(run);
  const primary = objective?.primaryMetric ?? null;
  const step = useStep(run.model);
  const verdict = primary ? thresholdVerdict(primary.metric, run.metrics.test?.[primary.metric], primary) : null;
  const [registering, setRegistering] = useState(false);

  return (
    <section ref={ref} className="card train-detail" aria-labelledby="train-detail-title" data-testid="train-detail" data-run-id={run.id}>
      <header className="train-detail-head">
        <h2 id="train-detail-title">{run.name}</h2>
        <span className={`badge train-status-${run.status}`} data-testid="train-detail-status">
          {STATUS_TEXT[run.status]}
        </span>
        <span className="muted">
          {run.createdBy}, {dateTime(run.createdAt)} · id <span className="mono">{run.id.slice(0, 8)}</span>
        </span>
        {/* A finished run can become a version in the model registry (Models). */}
        {run.status === 'succeeded' && (
          <button type="button" className="button small train-register" data-testid="train-register" aria-haspopup="dialog" onClick={() => setRegistering(true)}>
            Register…
          </button>
        )}
      </header>
      {registering && <RegisterDialog run={run} onClose={() => setRegistering(false)} />}
      {run.status === 'succeeded' && <RegisteredAs runId={run.id} />}
      {run.parentRunId && (
        <p className="train-parent-link">
          A trial of a search or auto run.{' '}
          <button type="button" className="button small" data-testid="train-open-parent" onClick={() => trainActions.open({ kind: 'run', id: run.parentRunId! })}>
            Back to all its trials
          </button>
        </p>
      )}
      {run.status === 'running' && run.jobId && <LiveRun jobId={run.jobId} step={step} />}
      {run.error && (
        <p className="form-error" role="alert" data-testid="train-run-error">
          {run.status === 'cancelled' ? 'Cancelled' : 'Failed'}: {run.error}
        </p>
      )}
      <RunFacts run={run} constraints={objective?.constraints} />
      <div className="train-detail-grid">
        <div className="train-detail-tables">
          {sets.length > 0 && (
            <MetricsTable caption="Metrics per set" columns={sets} rows={metricTable(sets.map((s) => run.metrics[s]))} testId="train-detail-metrics" />
          )}
          {verdict && (
            <p className={verdict.ok ? 'train-ok' : 'train-over'} data-testid="train-threshold">
              <span aria-hidden="true">{verdict.ok ? '✓' : '✗'}</span> Test {metricLabel(primary!.metric)} {verdict.text}.
            </p>
          )}
          {run.crossValidation && <CrossValidationTable cv={run.crossValidation} />}
          <ParamsTable run={run} />
        </div>
        {run.status !== 'running' && (
          <div>
            <h3 className="subheading">Loss per {step}</h3>
            <CurveChart points={run.curves} step={step} testId="train-detail-curve" empty={run.status === 'succeeded' ? 'This learner recorded no curve.' : 'No curve: the run stopped before its first iteration.'} />
          </div>
        )}
      </div>
    </section>
  );
}
