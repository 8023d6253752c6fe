import { useState, type FormEvent } from 'react';
import type { ScoreResult } from '../../../../shared/package/models';
import type { ModelVersion } from '../../../../shared/registry/models';
import { toShownError } from '../../lib/errors';
import { isActive } from '../../lib/jobs';
import { useAppStore } from '../../store';
import { JobProgress } from '../data/label/JobProgress';
import { HostFileField } from './HostFileField';
import { useJob } from './useRegistry';

/** "/data/new.csv" → "/data/new.scored.csv": a first guess at the output, beside the input. */
const besideInput = (input: string) => (/\.(csv|parquet)$/i.test(input) ? input.replace(/\.(csv|parquet)$/i, '.scored.$1') : '');

/** Scores a file with the version's package as a job (progress, Cancel), then says how it went. */
export function ScorePanel({ version }: { version: ModelVersion }) {
  const client = useAppStore((s) => s.client);
  const applyJobUpdate = useAppStore((s) => s.applyJobUpdate);
  const [input, setInput] = useState('');
  const [out, setOut] = useState('');
  const [outTouched, setOutTouched] = useState(false);
  const [id, setId] = useState('');
  const [jobId, setJobId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const job = useJob(jobId);
  const running = job ? isActive(job.status) : jobId !== null;
  const result = job?.status === 'succeeded' ? (job.result as ScoreResult) : null;

  const changeInput = (path: string) => {
    setInput(path);
    if (!outTouched) setOut(besideInput(path.trim()));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!client || running) return;
    setError(null);
    client
      .call('registry.score', { model: version.model, version: version.version, input: input.trim(), out: out.trim(), ...(id.trim() ? { id: id.trim() } : {}) })
      .then((started) => {
        applyJobUpdate(started);
        setJobId(started.id);
      })
      .catch((e: unknown) => setError(toShownError(e).message));
  };

  return (
    <section className="card" aria-labelledby="score-title" data-testid="version-score">
      <h3 id="score-title">Score a file</h3>
      <p className="muted">Predictions for every row of a CSV or Parquet file with the same columns the model was trained on, written to a new file.</p>
      <form className="models-form" onSubmit={submit} aria-label="Score a file">
        <HostFileField
          id="score-input"
          label="Rows to score"
          value={input}
          onChange={changeInput}
          accept=".csv,.parquet"
          placeholder="/home/me/data/new-customers.csv"
          hint={
            <>
              A <code>.csv</code> or <code>.parquet</code> file.
            </>
          }
          testId="score-input"
        />
        <div className="field">
          <label htmlFor="score-out">Write predictions to</label>
          <input
            id="score-out"
            value={out}
            onChange={(e) => {
              setOut(e.target.value);
              setOutTouched(true);
            }}
            placeholder="/home/me/data/new-customers.scored.csv"
            autoComplete="off"
            spellCheck={false}
            data-testid="score-out"
          />
          <p className="hint">A new .csv or .parquet file on the machine running MLCycle.</p>
        </div>
        <div className="field">
          <label htmlFor="score-id">ID column (optional)</label>
          <input id="score-id" value={id} onChange={(e) => setId(e.target.value)} placeholder="customer_id" autoComplete="off" spellCheck={false} data-testid="score-id" />
          <p className="hint">Copied into the output beside each prediction, so rows can be joined back.</p>
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={running || !input.trim() || !out.trim()} data-testid="score-button">
            {running ? 'Scoring…' : 'Score'}
          </button>
        </div>
      </form>
      {job && isActive(job.status) && <JobProgress job={job} label="Scoring progress" testId="score-progress" />}
      {error && (
        <p className="form-error" role="alert" data-testid="score-error">
          {error}
        </p>
      )}
      {job && !isActive(job.status) && job.status !== 'succeeded' && (
        <p className="form-error" role="alert" data-testid="score-error">
          Scoring {job.status}: {job.error?.message ?? 'no reason given.'}
        </p>
      )}
      {result && <ScoreOutcome result={result} />}
    </section>
  );
}

function ScoreOutcome({ result }: { result: ScoreResult }) {
  return (
    <div className="score-outcome" role="status" data-testid="score-done">
      <p className="models-success">
        <span aria-hidden="true">✓ </span>Wrote <code>{result.out}</code>.
      </p>
      <dl className="evaluate-metrics">
        <div data-metric="rows">
          <dt>Rows</dt>
          <dd>{result.rows.toLocaleString('en')}</dd>
        </div>
        <div data-metric="scored">
          <dt>Scored</dt>
          <dd data-testid="score-scored">{result.scored.toLocaleString('en')}</dd>
        </div>
        <div data-metric="invalid">
          <dt>Invalid</dt>
          <dd data-testid="score-invalid">{result.invalid.toLocaleString('en')}</dd>
        </div>
        <div data-metric="speed">
          <dt>Rows per second</dt>
          <dd>{Math.round(result.rowsPerSecond).toLocaleString('en')}</dd>
        </div>
      </dl>
      {result.rejectSample.length > 0 && (
        <table className="train-table" data-testid="score-rejects">
          <caption>Rows written without a prediction (first {result.rejectSample.length})</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Row
              </th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {result.rejectSample.map((r) => (
              <tr key={r.row}>
                <td className="num">{r.row}</td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
