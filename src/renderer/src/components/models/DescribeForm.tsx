import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { toShownError } from '../../lib/errors';
import { parseTags } from '../../lib/registry-words';
import { useAppStore } from '../../store';
import { modelsActions } from './models-store';

/**
 * Edit the description and tags of a model (no version) or of one version. Folded behind a button:
 * Enter in the tags field (or Ctrl+Enter in the description) saves, Escape puts everything back.
 */
export function DescribeForm({ model, version, description, tags }: { model: string; version?: number; description: string; tags: string[] }) {
  const client = useAppStore((s) => s.client);
  const [open, setOpen] = useState(false);
  const [text, setText] = useState(description);
  const [tagText, setTagText] = useState(tags.join(', '));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const what = version === undefined ? 'model' : 'version';
  const idBase = `describe-${what}`;

  const reset = () => {
    setOpen(false);
    setText(description);
    setTagText(tags.join(', '));
    setError(null);
  };

  const save = (event?: FormEvent) => {
    event?.preventDefault();
    if (!client) return;
    setBusy(true);
    client
      .call('registry.describe', { model, ...(version === undefined ? {} : { version }), description: text.trim(), tags: parseTags(tagText) })
      .then(() => {
        setOpen(false);
        setError(null);
        modelsActions.changed();
      })
      .catch((e: unknown) => setError(toShownError(e).message))
      .finally(() => setBusy(false));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      // Handled here: the workspace's Escape (closing the Jobs drawer) skips prevented keys.
      event.preventDefault();
      reset();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) save();
  };

  if (!open)
    return (
      <button type="button" className="button small" data-testid={`${idBase}-edit`} aria-expanded="false" onClick={() => setOpen(true)}>
        Edit description and tags
      </button>
    );

  return (
    <form className="models-form" onSubmit={save} onKeyDown={onKeyDown} data-testid={`${idBase}-form`} aria-label={`Description and tags of the ${what}`}>
      <div className="field">
        <label htmlFor={`${idBase}-text`}>Description</label>
        <textarea id={`${idBase}-text`} rows={3} value={text} maxLength={5000} onChange={(e) => setText(e.target.value)} data-testid={`${idBase}-text`} autoFocus />
        <p className="hint">What this {what} is for and how it differs from the others. Ctrl+Enter saves.</p>
      </div>
      <div className="field">
        <label htmlFor={`${idBase}-tags`}>Tags</label>
        <input id={`${idBase}-tags`} value={tagText} onChange={(e) => setTagText(e.target.value)} placeholder="baseline, q3-data" data-testid={`${idBase}-tags`} autoComplete="off" />
        <p className="hint">Separated by commas.</p>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary small" disabled={busy} data-testid={`${idBase}-save`}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button small" onClick={reset}>
          Cancel
        </button>
      </div>
    </form>
  );
}
