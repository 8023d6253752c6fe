import { useState, type FormEvent } from 'react';
import type { ModelVersion } from '../../../../shared/registry/models';
import { bytesInWords } from '../../lib/data-words';
import { toShownError } from '../../lib/errors';
import { useAppStore } from '../../store';

type Outcome = { kind: 'done'; out: string; bytes: number; sha256: string } | { kind: 'error'; message: string } | null;

/** Writes the version's signed package where the user says: a new folder, or a file ending in .mlpkg. */
export function ExportForm({ version }: { version: ModelVersion }) {
  const client = useAppStore((s) => s.client);
  const platform = useAppStore((s) => s.system?.platform ?? '');
  const [out, setOut] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const example = `${platform.startsWith('win32') ? 'C:\\Users\\me\\models\\' : '/home/me/models/'}${version.model}-v${version.version}.mlpkg`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!client || !out.trim()) return;
    setBusy(true);
    client
      .call('registry.export', { model: version.model, version: version.version, out: out.trim() })
      .then((r) => setOutcome({ kind: 'done', ...r }))
      .catch((e: unknown) => setOutcome({ kind: 'error', message: toShownError(e).message }))
      .finally(() => setBusy(false));
  };

  return (
    <section className="card" aria-labelledby="export-title" data-testid="version-export">
      <h3 id="export-title">Export the package</h3>
      <p className="muted">
        The signed package ({bytesInWords(version.packageBytes)}): the ONNX graph with its preprocessing, the model card and a manifest signed by key{' '}
        <span className="mono">{version.signer}</span>. Anyone who trusts that key can check it with <code>mlcycle package verify</code>.
      </p>
      <form className="models-form" onSubmit={submit} aria-label="Export the package">
        <div className="field">
          <label htmlFor="export-out">Write to</label>
          <input id="export-out" value={out} onChange={(e) => setOut(e.target.value)} placeholder={example} autoComplete="off" spellCheck={false} data-testid="export-out" aria-describedby="export-out-hint" />
          <p className="hint" id="export-out-hint">
            A path on the machine running MLCycle: a file ending in <code>.mlpkg</code> (one zip file), or a new folder (the files unpacked). Nothing existing is overwritten.
          </p>
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={busy || !out.trim()} data-testid="export-button">
            {busy ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
      {outcome?.kind === 'done' && (
        <p className="models-success" role="status" data-testid="export-done">
          <span aria-hidden="true">✓ </span>Wrote {bytesInWords(outcome.bytes)} to <code>{outcome.out}</code> (SHA-256 <span className="mono">{outcome.sha256.slice(0, 16)}…</span>).
        </p>
      )}
      {outcome?.kind === 'error' && (
        <p className="form-error" role="alert" data-testid="export-error">
          {outcome.message}
        </p>
      )}
    </section>
  );
}
