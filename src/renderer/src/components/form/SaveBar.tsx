import { dateTime } from '../../lib/format';
import type { SaveOutcome } from '../../store/objective-slice';

interface SaveBarProps {
  /** 'objective' or 'policy': names the test ids and the words. */
  what: 'objective' | 'policy';
  dirty: boolean;
  saving: boolean;
  /** Why the last save was refused, if it was. */
  refused?: string;
  outcome: SaveOutcome;
  saved: { version: number; changedAt: string | null; changedBy: string | null };
  note: string;
  onNote(note: string): void;
  onDiscard(): void;
}

function statusText({ what, dirty, saving, refused, outcome, saved }: SaveBarProps): string {
  if (saving) return 'Saving…';
  if (refused) return refused;
  if (dirty) return 'Unsaved changes';
  if (outcome?.kind === 'saved') return `Saved as version ${outcome.version}.`;
  if (outcome?.kind === 'unchanged') return `No changes — version ${outcome.version} is still current.`;
  if (saved.version === 0) return what === 'policy' ? 'The defaults; not saved yet.' : 'Not saved yet.';
  return `Version ${saved.version}${saved.changedAt ? `, saved ${dateTime(saved.changedAt)}` : ''}${saved.changedBy ? ` by ${saved.changedBy}` : ''}.`;
}

/**
 * The foot of a versioned form, always in view: whether there are unsaved edits, what the last save
 * did, an optional note for the history, and Save (the form's submit button; Ctrl+S also saves).
 */
export function SaveBar(props: SaveBarProps) {
  const { what, dirty, saving, refused, note, onNote, onDiscard } = props;
  return (
    <div className={`save-bar${dirty ? ' is-dirty' : ''}`}>
      <p className={refused ? 'save-status refused' : 'save-status'} role="status" data-testid={`${what}-status`} data-dirty={dirty ? 'true' : undefined}>
        {dirty && <span className="dirty-dot" aria-hidden="true" />}
        {statusText(props)}
      </p>
      <div className="save-actions">
        <label className="visually-hidden" htmlFor={`${what}-note`}>
          Note for the history (optional)
        </label>
        <input
          id={`${what}-note`}
          className="save-note"
          data-testid={`${what}-note`}
          value={note}
          onChange={(e) => onNote(e.target.value)}
          placeholder="Note for the history (optional)"
          maxLength={2000}
        />
        <button type="button" className="button" data-testid={`${what}-discard`} disabled={!dirty || saving} onClick={onDiscard}>
          Discard changes
        </button>
        <button type="submit" className="button primary" data-testid={`${what}-save`} disabled={saving} aria-keyshortcuts="Control+S Meta+S" title="Save (Ctrl+S)">
          {saving ? 'Saving…' : `Save ${what}`}
        </button>
      </div>
    </div>
  );
}
