import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Deployment, Target } from '../../../../shared/deploy/models';
import { PRODUCTION_ALIAS, type ModelVersion } from '../../../../shared/registry/models';
import { DEPLOYMENT_STATUS_WORDS, KIND_WORDS } from '../../lib/deploy-words';
import { toShownError } from '../../lib/errors';
import { isActive } from '../../lib/jobs';
import { useAppStore } from '../../store';
import { JobProgress } from '../data/label/JobProgress';
import { JobLog } from '../JobLog';
import { useJob } from '../models/useRegistry';
import { deployActions } from './deploy-store';
import { DeploymentEvents } from './DeploymentEvents';
import { StatusBadge } from './StatusBadge';
import { useRegisteredModels } from './useDeploy';

/** "champion" or "3" → what deploy.start takes. */
const versionRef = (choice: string): string | number => (/^\d+$/.test(choice) ? Number(choice) : choice);

/** The version to offer first: the champion when there is one, else the newest. */
function preferred(versions: readonly ModelVersion[]): string {
  if (versions.some((v) => v.aliases.includes(PRODUCTION_ALIAS))) return PRODUCTION_ALIAS;
  return versions.length ? String(Math.max(...versions.map((v) => v.version))) : '';
}

/**
 * Deploy a registered version to a target: a job that pushes the signed package, activates it,
 * smoke-tests it against the package's own predictions and rolls back when that fails. The dialog
 * follows the job (progress, each step as it happens) and shows how it ended. Escape closes; the
 * job goes on in the Jobs panel.
 */
export function DeployDialog({ targets, initialTarget, onClose }: { targets: Target[]; initialTarget: string | null; onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const client = useAppStore((s) => s.client);
  const applyJobUpdate = useAppStore((s) => s.applyJobUpdate);
  const { data: models, error: modelsError } = useRegisteredModels();
  const deployable = targets;
  const [model, setModel] = useState('');
  const [versions, setVersions] = useState<ModelVersion[] | null>(null);
  const [version, setVersion] = useState('');
  const [target, setTarget] = useState(initialTarget && deployable.some((t) => t.name === initialTarget) ? initialTarget : (deployable[0]?.name ?? ''));
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const result = job?.status === 'succeeded' ? (job.result as Deployment) : null;
  const busy = starting || (jobId !== null && (!job || isActive(job.status)));

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  useEffect(() => {
    if (models && !model && models.length) setModel(models.find((m) => PRODUCTION_ALIAS in m.aliases)?.name ?? models[0]!.name);
  }, [models, model]);
  useEffect(() => {
    if (!client || !model) return;
    let current = true;
    setVersions(null);
    client
      .call('registry.versions', { model })
      .then((list) => {
        if (!current) return;
        setVersions(list);
        setVersion(preferred(list));
      })
      .catch((e: unknown) => current && setError(toShownError(e).message));
    return () => {
      current = false;
    };
  }, [client, model]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!client || busy || !model || !version || !target) return;
    setError(null);
    setJobId(null);
    setStarting(true);
    client
      .call('deploy.start', { target, model, version: versionRef(version) })
      .then((started) => {
        applyJobUpdate(started);
        setJobId(started.id);
        deployActions.changed();
      })
      .catch((e: unknown) => setError(toShownError(e).message))
      .finally(() => setStarting(false));
  };

  const chosenTarget = targets.find((t) => t.name === target);
  const aliases = [...new Set((versions ?? []).flatMap((v) => v.aliases))].sort((a, b) => (a === PRODUCTION_ALIAS ? -1 : b === PRODUCTION_ALIAS ? 1 : a.localeCompare(b)));

  return (
    <dialog
      ref={ref}
      className="dialog deploy-dialog"
      aria-labelledby="deploy-dialog-title"
      data-testid="deploy-dialog"
      onClose={onClose}
      onKeyDown={(event) => {
        if (event.key === 'Escape') event.nativeEvent.stopPropagation();
      }}
    >
      <div className="dialog-header">
        <h2 id="deploy-dialog-title">Deploy a model</h2>
        <button type="button" className="icon-button" aria-label="Close (Escape)" onClick={() => ref.current?.close()}>
          ×
        </button>
      </div>
      <p className="muted register-intro">
        Pushes the signed package to the target, activates it, scores test rows through the server and compares them with the package’s own predictions. If they
        differ, the version that served before comes back.
      </p>
      {models && models.length === 0 ? (
        <p className="form-error" role="alert" data-testid="deploy-no-models">
          No registered models yet: register a finished run in Train (Register…) first.
        </p>
      ) : (
        <form className="models-form" onSubmit={submit} aria-label="Deploy a model">
          <div className="field-grid">
            <div className="field">
              <label htmlFor="deploy-model">Model</label>
              <select id="deploy-model" value={model} onChange={(e) => setModel(e.target.value)} disabled={busy || !models} data-testid="deploy-model">
                {!models && <option value="">Loading…</option>}
                {models?.map((m) => (
                  <option key={m.id} value={m.name}>
                    {m.name}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="deploy-version">Version or alias</label>
              <select id="deploy-version" value={version} onChange={(e) => setVersion(e.target.value)} disabled={busy || !versions} data-testid="deploy-version">
                {!versions && <option value="">Loading…</option>}
                {aliases.length > 0 && (
                  <optgroup label="Aliases">
                    {aliases.map((a) => (
                      <option key={a} value={a}>
                        {a} (v{versions!.find((v) => v.aliases.includes(a))!.version})
                      </option>
                    ))}
                  </optgroup>
                )}
                {versions && (
                  <optgroup label="Versions">
                    {[...versions]
                      .sort((a, b) => b.version - a.version)
                      .map((v) => (
                        <option key={v.id} value={String(v.version)}>
                          v{v.version} — {v.runName}
                        </option>
                      ))}
                  </optgroup>
                )}
              </select>
            </div>
            <div className="field span-2">
              <label htmlFor="deploy-target">Target</label>
              <select id="deploy-target" value={target} onChange={(e) => setTarget(e.target.value)} disabled={busy} data-testid="deploy-target" aria-describedby="deploy-target-hint">
                {deployable.length === 0 && <option value="">No target to deploy to</option>}
                {targets.map((t) => (
                  <option key={t.id} value={t.name}>
                    {t.name} — {KIND_WORDS[t.kind]}
                  </option>
                ))}
              </select>
              <p className="hint" id="deploy-target-hint">
                {chosenTarget?.kind === 'local'
                  ? 'The local server starts if it is not running.'
                  : chosenTarget?.kind === 'kubernetes'
                    ? 'Applied through the Kubernetes API: the rollout is awaited, smoke-tested through the Service and rolled back on failure.'
                    : 'The server verifies the signed package, then it is smoke-tested and rolled back on failure.'}
              </p>
            </div>
          </div>
          {(error ?? modelsError) && (
            <p className="form-error" role="alert" data-testid="deploy-error">
              {error ?? modelsError}
            </p>
          )}
          {starting && (
            <p className="muted" role="status" data-testid="deploy-starting">
              <span className="spinner" aria-hidden="true" /> {chosenTarget?.kind === 'local' ? 'Starting the local server…' : 'Connecting…'}
            </p>
          )}
          {job && isActive(job.status) && <JobProgress job={job} label="Deploy progress" testId="deploy-progress" />}
          {/* The live step log while it runs; once it ends, the result's timeline says the same, better. */}
          {job && !result && <JobLog jobId={job.id} id="deploy-log" />}
          {job && !isActive(job.status) && job.status !== 'succeeded' && (
            <p className="form-error" role="alert" data-testid="deploy-error">
              The deploy did not finish ({job.status}): {job.error?.message ?? 'no reason given.'}
            </p>
          )}
          {result ? (
            <div className={`deploy-result status-${result.status}`} role="status" data-testid="deploy-result" data-status={result.status}>
              <p>
                <StatusBadge status={result.status} /> <strong className="mono">{result.model}</strong> v{result.version} on <strong>{result.target}</strong>:{' '}
                {RESULT_WORDS[result.status]}
              </p>
              <DeploymentEvents events={result.events} testId="deploy-result-events" />
              <div className="form-actions">
                <button
                  type="button"
                  className="button primary"
                  autoFocus
                  data-testid="deploy-open-target"
                  onClick={() => {
                    deployActions.openTarget(result.target);
                    ref.current?.close();
                  }}
                >
                  Open {result.target}
                </button>
              </div>
            </div>
          ) : (
            <div className="form-actions">
              <button type="submit" className="button primary" disabled={busy || !client || !model || !version || !target} data-testid="deploy-submit">
                {busy ? 'Deploying…' : 'Deploy'}
              </button>
              <button type="button" className="button" onClick={() => ref.current?.close()}>
                {busy ? 'Close (keeps running)' : 'Cancel'}
              </button>
            </div>
          )}
        </form>
      )}
    </dialog>
  );
}

const RESULT_WORDS: Record<Deployment['status'], string> = {
  live: 'live and answering.',
  rolled_back: 'the smoke test failed, so the version that served before is back.',
  failed: 'not deployed; see the step that failed.',
  undeployed: 'taken off again.',
  deploying: `${DEPLOYMENT_STATUS_WORDS.deploying.toLowerCase()}…`,
};
