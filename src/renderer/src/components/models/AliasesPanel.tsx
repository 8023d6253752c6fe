import { useState, type FormEvent } from 'react';
import { PRODUCTION_ALIAS, type ModelVersion } from '../../../../shared/registry/models';
import { toShownError } from '../../lib/errors';
import { useAppStore } from '../../store';
import { modelsActions } from './models-store';

/**
 * Other aliases (challenger, staging, …): set on this version — moving them from another version
 * if they were there — or removed. The champion moves only by promotion, which runs the gates.
 */
export function AliasesPanel({ version }: { version: ModelVersion }) {
  const client = useAppStore((s) => s.client);
  const [alias, setAlias] = useState('challenger');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const others = version.aliases.filter((a) => a !== PRODUCTION_ALIAS);

  const change = (name: string, to: number | null) => {
    if (!client) return;
    setBusy(true);
    client
      .call('registry.alias', { model: version.model, alias: name, version: to })
      .then(() => {
        setError(null);
        modelsActions.changed();
      })
      .catch((e: unknown) => setError(toShownError(e).message))
      .finally(() => setBusy(false));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change(alias.trim().toLowerCase(), version.version);
  };

  return (
    <section className="card" aria-labelledby="aliases-title" data-testid="version-aliases">
      <h3 id="aliases-title">Other aliases</h3>
      <p className="muted">A name that points at one version at a time, for a staging or challenger slot. Setting it here moves it from whichever version had it.</p>
      {others.length > 0 ? (
        <ul className="alias-list">
          {others.map((a) => (
            <li key={a}>
              <span className="badge alias-badge">{a}</span>
              <button type="button" className="button small" disabled={busy} onClick={() => change(a, null)} data-testid={`alias-remove-${a}`} aria-label={`Remove the alias ${a} from v${version.version}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">This version holds no other alias.</p>
      )}
      <form className="models-inline-form" onSubmit={submit} aria-label="Set an alias on this version">
        <label htmlFor="alias-name">Alias</label>
        <input id="alias-name" value={alias} onChange={(e) => setAlias(e.target.value)} list="alias-suggestions" autoComplete="off" spellCheck={false} data-testid="alias-name" />
        <datalist id="alias-suggestions">
          <option value="challenger" />
          <option value="staging" />
          <option value="candidate" />
        </datalist>
        <button type="submit" className="button" disabled={busy || !alias.trim()} data-testid="alias-set">
          Set on v{version.version}
        </button>
      </form>
      {error && (
        <p className="form-error" role="alert" data-testid="alias-error">
          {error}
        </p>
      )}
    </section>
  );
}
