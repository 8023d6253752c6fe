import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ModelVersion, RegisteredModel } from '../../../../shared/registry/models';
import type { Run } from '../../../../shared/train/models';
import { toShownError } from '../../lib/errors';
import { isActive } from '../../lib/jobs';
import { parseTags, suggestedModelName } from '../../lib/registry-words';
import { useAppStore } from '../../store';
import { JobProgress } from '../data/label/JobProgress';
import { modelsActions } from './models-store';
import { useJob } from './useRegistry';
import '../../styles/models.css';

const NEW = '\u0000new';

/** Opens the Models workspace on a version (from anywhere: Train's Register, a link). */
export function openVersionInModels(model: string, version: number): void {
  const { project, setView } = useAppStore.getState();
  modelsActions.adopt(project?.id ?? null);
  modelsActions.openVersion(model, version, 'overview');
  setView('models');
}

/**
 * Register a finished run as the next version of a model (an existing one or a new one): a job that
 * exports the run to ONNX, checks parity on its test rows, signs the package and stores it. A parity
 * failure registers nothing and says why. Escape closes; the job goes on in the Jobs panel.
 */
export function RegisterDialog({ run, onClose }: { run: Run; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const client = useAppStore((s) => s.client);
  const applyJobUpdate = useAppStore((s) => s.applyJobUpdate);
  const [models, setModels] = useState<RegisteredModel[] | null>(null);
  const [choice, setChoice] = useState(NEW);
  const [name, setName] = useState(suggestedModelName(run.name));
  const [description, setDescription] = useState('');
  const [tags, setTags] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const done = job?.status === 'succeeded' ? (job.result as ModelVersion) : null;
  const busy = jobId !== null && (!job || isActive(job.status));

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  useEffect(() => {
    client
      ?.call('registry.list', {})
      .then((list) => {
        setModels(list);
        // A model already named after this run is the likely home of its next version.
        if (list.some((m) => m.name === suggestedModelName(run.name))) setChoice(suggestedModelName(run.name));
      })
      .catch((e: unknown) => setError(toShownError(e).message));
  }, [client, run.name]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!client || busy) return;
    setError(null);
    setJobId(null);
    const model = choice === NEW ? name.trim() : choice;
    client
      .call('registry.register', { run: run.id, model, description: description.trim(), tags: parseTags(tags) })
      .then((started) => {
        applyJobUpdate(started);
        setJobId(started.id);
      })
      .catch((e: unknown) => setError(toShownError(e).message));
  };

  return (
    <dialog
      ref={ref}
      className="dialog register-dialog"
      aria-labelledby="register-title"
      data-testid="register-dialog"
      onClose={onClose}
      onKeyDown={(event) => {
        // The native dialog closes on Escape; keep the key from also closing the Jobs drawer.
        if (event.key === 'Escape') event.nativeEvent.stopPropagation();
      }}
    >
      <div className="dialog-header">
        <h2 id="register-title">Register {run.name}</h2>
        <button type="button" className="icon-button" aria-label="Close (Escape)" onClick={() => ref.current?.close()}>
          ×
        </button>
      </div>
      <p className="muted register-intro">
        Exports the run to ONNX with its preprocessing, checks that it predicts what the trained model predicts on every test row, signs the package and stores it as
        the model’s next version. If parity fails, nothing is registered.
      </p>
      <form className="models-form" onSubmit={submit} aria-label="Register the run">
        <div className="field">
          <label htmlFor="register-model">Model</label>
          <select id="register-model" value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="register-model" disabled={busy}>
            <option value={NEW}>A new model…</option>
            {models?.map((m) => (
              <option key={m.id} value={m.name}>
                {m.name} (next: v{(m.latestVersion ?? 0) + 1})
              </option>
            ))}
          </select>
        </div>
        {choice === NEW && (
          <div className="field">
            <label htmlFor="register-name">New model name</label>
            <input id="register-name" value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" spellCheck={false} data-testid="register-name" disabled={busy} aria-describedby="register-name-hint" />
            <p className="hint" id="register-name-hint">
              Lower-case letters, digits, “.”, “_” or “-”; it is also the name the model is served under.
            </p>
          </div>
        )}
        <div className="field">
          <label htmlFor="register-description">Description of this version</label>
          <textarea id="register-description" rows={2} value={description} onChange={(e) => setDescription(e.target.value)} maxLength={5000} data-testid="register-description" disabled={busy} />
        </div>
        <div className="field">
          <label htmlFor="register-tags">Tags of this version</label>
          <input id="register-tags" value={tags} onChange={(e) => setTags(e.target.value)} placeholder="baseline, q3-data" autoComplete="off" data-testid="register-tags" disabled={busy} />
          <p className="hint">Separated by commas.</p>
        </div>
        {error && (
          <p className="form-error" role="alert" data-testid="register-error">
            {error}
          </p>
        )}
        {job && isActive(job.status) && <JobProgress job={job} label="Registration progress" testId="register-progress" />}
        {job && !isActive(job.status) && job.status !== 'succeeded' && (
          <p className="form-error" role="alert" data-testid="register-error">
            Not registered ({job.status}): {job.error?.message ?? 'no reason given.'}
          </p>
        )}
        {done ? (
          <div className="models-success register-done" role="status" data-testid="register-done">
            <p>
              <span aria-hidden="true">✓ </span>Registered <strong>{done.model}</strong> v{done.version}: parity passed on {done.parity.rows.toLocaleString('en')} {done.parity.set} rows.
            </p>
            <button type="button" className="button primary" autoFocus data-testid="register-open" onClick={() => openVersionInModels(done.model, done.version)}>
              Open v{done.version} in Models
            </button>
          </div>
        ) : (
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={busy || !client} data-testid="register-submit">
              {busy ? 'Registering…' : 'Register'}
            </button>
            <button type="button" className="button" onClick={() => ref.current?.close()}>
              {busy ? 'Close (keeps running)' : 'Cancel'}
            </button>
          </div>
        )}
      </form>
    </dialog>
  );
}
