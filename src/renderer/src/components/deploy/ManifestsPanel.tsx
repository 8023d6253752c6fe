import { useEffect, useState, type FormEvent } from 'react';
import { PRODUCTION_ALIAS } from '../../../../shared/registry/models';
import { toShownError } from '../../lib/errors';
import { useAppStore } from '../../store';
import { CopyBlock } from './CopyBlock';
import { useRegisteredModels } from './useDeploy';

type Rendered = { kind: 'yaml'; yaml: string } | { kind: 'error'; message: string } | null;

/**
 * The Kubernetes manifests a deploy of a version to this target would apply, as YAML to review,
 * copy into a GitOps repository or `kubectl apply -f -` — or the engine's reason it cannot render.
 */
export function ManifestsPanel({ target }: { target: string }) {
  const client = useAppStore((s) => s.client);
  const { data: models } = useRegisteredModels();
  const [model, setModel] = useState('');
  const [version, setVersion] = useState(PRODUCTION_ALIAS);
  const [busy, setBusy] = useState(false);
  const [rendered, setRendered] = useState<Rendered>(null);

  useEffect(() => {
    if (!models?.length || model) return;
    const first = models.find((m) => PRODUCTION_ALIAS in m.aliases) ?? models[0]!;
    setModel(first.name);
    setVersion(PRODUCTION_ALIAS in first.aliases ? PRODUCTION_ALIAS : String(first.latestVersion ?? 1));
  }, [models, model]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!client || !model || !version.trim()) return;
    setBusy(true);
    const ref = /^\d+$/.test(version.trim()) ? Number(version.trim()) : version.trim();
    client
      .call('deploy.render', { target, model, version: ref })
      .then((r) => setRendered({ kind: 'yaml', yaml: r.yaml }))
      .catch((e: unknown) => setRendered({ kind: 'error', message: toShownError(e).message }))
      .finally(() => setBusy(false));
  };

  return (
    <section className="card" aria-labelledby="manifests-title" data-testid="deploy-manifests">
      <h3 id="manifests-title">Render manifests</h3>
      <p className="muted">
        Deploying to Kubernetes through its API is not built yet. Render the manifests for a version, review them, and apply them with <code>kubectl apply -f</code> or
        commit them to your GitOps repository.
      </p>
      <form className="models-inline-form deploy-render-form" onSubmit={submit} aria-label="Render manifests">
        <label htmlFor="render-model">Model</label>
        <select id="render-model" value={model} onChange={(e) => setModel(e.target.value)} disabled={busy || !models?.length} data-testid="render-model">
          {!models?.length && <option value="">No registered models</option>}
          {models?.map((m) => (
            <option key={m.id} value={m.name}>
              {m.name}
            </option>
          ))}
        </select>
        <label htmlFor="render-version">Version or alias</label>
        <input id="render-version" value={version} onChange={(e) => setVersion(e.target.value)} autoComplete="off" spellCheck={false} disabled={busy} data-testid="render-version" />
        <button type="submit" className="button primary" disabled={busy || !model || !client} data-testid="render-button">
          {busy ? 'Rendering…' : 'Render'}
        </button>
      </form>
      {rendered?.kind === 'yaml' && <CopyBlock text={rendered.yaml} label="Kubernetes manifests (YAML)" testId="render-yaml" />}
      {rendered?.kind === 'error' && (
        <p className="form-error" role="alert" data-testid="render-error">
          {rendered.message}
        </p>
      )}
    </section>
  );
}
