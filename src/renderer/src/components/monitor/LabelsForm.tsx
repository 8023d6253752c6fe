import { useState, type FormEvent } from 'react';
import type { LabelsAdded } from '../../../../shared/monitor/models';
import { toShownError } from '../../lib/errors';
import { labelsWords } from '../../lib/monitor-words';
import { useAppStore } from '../../store';
import { HostFileField } from '../models/HostFileField';
import { monitorActions } from './monitor-store';

/**
 * Ground truth that arrives after the predictions: a CSV or Parquet file with a request id and a
 * label per row, joined to the collected predictions. Says what was read, added and matched, and
 * the first rejected lines with why.
 */
export function LabelsForm({ target }: { target: string }) {
  const client = useAppStore((s) => s.client);
  const [path, setPath] = useState('');
  const [idColumn, setIdColumn] = useState('request_id');
  const [labelColumn, setLabelColumn] = useState('label');
  const [rowColumn, setRowColumn] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<LabelsAdded | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!client || busy) return;
    if (!path.trim()) return setError('Give the path of the labels file (CSV or Parquet), or choose it.');
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const added = await client.call('monitor.labels.add', { target, path: path.trim(), idColumn: idColumn.trim() || 'request_id', labelColumn: labelColumn.trim() || 'label', ...(rowColumn.trim() ? { rowColumn: rowColumn.trim() } : {}) });
      setResult(added);
      monitorActions.changed();
    } catch (e) {
      setError(toShownError(e).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="labels-title" data-testid="monitor-labels">
      <h3 id="labels-title">Add labels</h3>
      <p className="muted">
        The true outcome of served predictions, when it becomes known: one line per scored row with its request id (the <span className="mono">id</span> the request was sent with), its row within the
        request (0 for single-row requests) and the label. Adding a file again changes nothing.
      </p>
      <form className="models-form" onSubmit={(e) => void submit(e)} aria-label="Add labels">
        <HostFileField id="monitor-labels-path" label="Labels file" value={path} onChange={setPath} hint="CSV or Parquet on the machine running MLCycle." accept=".csv,.tsv,.txt,.parquet" placeholder="/path/to/labels.csv" testId="monitor-labels-path" />
        <div className="field-grid monitor-label-columns">
          <div className="field">
            <label htmlFor="monitor-labels-id">Request id column</label>
            <input id="monitor-labels-id" value={idColumn} onChange={(e) => setIdColumn(e.target.value)} autoComplete="off" spellCheck={false} />
          </div>
          <div className="field">
            <label htmlFor="monitor-labels-row">Row column (empty: every label is row 0)</label>
            <input id="monitor-labels-row" value={rowColumn} onChange={(e) => setRowColumn(e.target.value)} autoComplete="off" spellCheck={false} data-testid="monitor-labels-row" />
          </div>
          <div className="field">
            <label htmlFor="monitor-labels-label">Label column</label>
            <input id="monitor-labels-label" value={labelColumn} onChange={(e) => setLabelColumn(e.target.value)} autoComplete="off" spellCheck={false} />
          </div>
        </div>
        {error && (
          <p className="form-error" role="alert" data-testid="monitor-labels-error">
            No labels added: {error}
          </p>
        )}
        {result && (
          <div role="status" data-testid="monitor-labels-result" data-matched={result.matched}>
            <p className={result.rejected ? 'monitor-warn' : 'models-success'}>{labelsWords(result)}</p>
            {result.rejectedSample.length > 0 && (
              <ul className="monitor-rejected" aria-label="Rejected lines">
                {result.rejectedSample.map((line) => (
                  <li key={line}>{line}</li>
                ))}
                {result.rejected > result.rejectedSample.length && <li>…</li>}
              </ul>
            )}
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={!client || busy} data-testid="monitor-labels-add">
            {busy ? 'Adding labels…' : 'Add labels'}
          </button>
        </div>
      </form>
    </section>
  );
}
