import { useEffect, useId, useState, type FormEvent } from 'react';
import type { SimulateOutcome } from '../../../../shared/monitor/models';
import { toShownError } from '../../lib/errors';
import { isActive } from '../../lib/jobs';
import { useAppStore } from '../../store';
import { JobProgress } from '../data/label/JobProgress';
import { useTargetJob } from './useTargetJob';

/**
 * Sample traffic before real users arrive: rows of a dataset sent to the live model at a steady
 * rate, features optionally shifted from a row on (to rehearse drift), their true labels added
 * and the log pulled — so drift, performance and alerts fill in with one click.
 */
export function SimulatePanel({ target }: { target: string }) {
  const client = useAppStore((s) => s.client);
  const datasets = useAppStore((s) => s.datasets);
  const loadDatasets = useAppStore((s) => s.loadDatasets);
  const applyJobUpdate = useAppStore((s) => s.applyJobUpdate);
  const { job, running } = useTargetJob('monitor.simulate', target);
  const id = useId();
  const [from, setFrom] = useState('');
  const [rate, setRate] = useState('200');
  const [shifts, setShifts] = useState<Array<{ feature: string; expression: string }>>([]);
  const [after, setAfter] = useState('100');
  const [error, setError] = useState<string | null>(null);
  const setShift = (i: number, change: Partial<{ feature: string; expression: string }>) => setShifts(shifts.map((sh, j) => (j === i ? { ...sh, ...change } : sh)));

  useEffect(() => {
    void loadDatasets();
  }, [loadDatasets]);
  const chosen = from || datasets[0]?.name || '';
  const columns = datasets.find((d) => d.name === chosen)?.latest.columns.map((c) => c.name) ?? [];


  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!client || running) return;
    setError(null);
    const given = shifts.filter((sh) => sh.feature && sh.expression.trim()).map((sh) => ({ feature: sh.feature, expression: sh.expression.trim() }));
    try {
      applyJobUpdate(await client.call('monitor.simulate', { target, from: chosen, rate: Number(rate), shifts: given, ...(given.length ? { shiftAfterRows: Number(after) } : {}) }));
    } catch (e) {
      setError(toShownError(e).message);
    }
  };

  const outcome = job?.status === 'succeeded' ? (job.result as SimulateOutcome) : null;
  return (
    <details className="monitor-simulate" data-testid="monitor-simulate">
      <summary>Send sample traffic…</summary>
      <form className="models-form" onSubmit={(e) => void submit(e)} aria-label="Send sample traffic">
        <p className="muted">Rows of a dataset go to the live model on {target} as clients would send them; their true labels are added and the log pulled afterwards.</p>
        <div className="simulate-grid">
          <label htmlFor={`${id}-from`}>Rows from</label>
          <select id={`${id}-from`} value={chosen} onChange={(e) => setFrom(e.target.value)} data-testid="simulate-from">
            {datasets.map((d) => (
              <option key={d.id} value={d.name}>
                {d.name} ({d.latest.rows.toLocaleString('en')} rows)
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-rate`}>Rows per second</label>
          <input id={`${id}-rate`} type="number" min={1} max={10000} value={rate} onChange={(e) => setRate(e.target.value)} data-testid="simulate-rate" />
          {shifts.length > 0 && (
            <>
              <label htmlFor={`${id}-after`}>Shift from row</label>
              <input id={`${id}-after`} type="number" min={0} value={after} onChange={(e) => setAfter(e.target.value)} data-testid="simulate-after" />
            </>
          )}
        </div>
        {shifts.map((sh, i) => (
          <div className="simulate-shift" key={i} data-testid="simulate-shift" data-index={i}>
            <select aria-label={`Feature of shift ${i + 1}`} value={sh.feature} onChange={(e) => setShift(i, { feature: e.target.value })} data-testid="simulate-feature">
              <option value="">choose a feature</option>
              {columns.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
            <span aria-hidden="true">becomes</span>
            <input
              aria-label={`New value of shift ${i + 1} (DuckDB SQL)`}
              className="mono"
              value={sh.expression}
              onChange={(e) => setShift(i, { expression: e.target.value })}
              placeholder={sh.feature ? `${sh.feature} * 1.2` : 'an SQL expression'}
              data-testid="simulate-expression"
            />
            <button type="button" className="button small ghost" onClick={() => setShifts(shifts.filter((_, j) => j !== i))} aria-label={`Remove shift ${i + 1}`}>
              Remove
            </button>
          </div>
        ))}
        <button type="button" className="button small" onClick={() => setShifts([...shifts, { feature: '', expression: '' }])} data-testid="simulate-add-shift">
          + Shift a feature
        </button>
        {error && (
          <p className="form-error" role="alert" data-testid="simulate-error">
            Not started: {error}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={!client || running || !chosen} data-testid="simulate-start">
            {running ? 'Sending…' : 'Send traffic'}
          </button>
        </div>
      </form>
      {job && isActive(job.status) && <JobProgress job={job} label="Traffic progress" testId="simulate-progress" />}
      {outcome && (
        <p className="muted" role="status" data-testid="simulate-outcome">
          {outcome.rowsSent.toLocaleString('en')} rows sent to {outcome.model} v{outcome.version} ({outcome.rowsShifted.toLocaleString('en')} shifted, {outcome.errors} errors)
          {outcome.labelsAdded !== null ? `; ${outcome.labelsAdded.toLocaleString('en')} labels added` : ''}
          {outcome.alertsRaised !== null ? `; pulled, ${outcome.alertsRaised} new alert${outcome.alertsRaised === 1 ? '' : 's'}` : ''}.
        </p>
      )}
      {job && !isActive(job.status) && job.status !== 'succeeded' && (
        <p className="form-error" role="alert" data-testid="simulate-failed">
          The traffic did not finish ({job.status}): {job.error?.message ?? 'no reason given.'}
        </p>
      )}
    </details>
  );
}
