import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { ROLE_LABELS } from '../../../../shared/governance/people';
import { DEFAULT_POLICY } from '../../../../shared/governance/policy';
import type { ModelVersion } from '../../../../shared/registry/models';
import { toShownError } from '../../lib/errors';
import { dateTime } from '../../lib/format';
import { useAppStore } from '../../store';
import { modelsActions } from './models-store';

/** Who the caller is in the project's people (by name or email), as the engine looks them up. */
function useMe() {
  const identity = useAppStore((s) => s.system?.identity ?? '');
  const person = useAppStore((s) => {
    const me = identity.trim().toLowerCase();
    return s.people.find((p) => p.name.trim().toLowerCase() === me || (p.email && p.email.toLowerCase() === me)) ?? null;
  });
  return { identity, person };
}

/**
 * The approvals a version has (who, in which role, when, why) and an Approve form for the caller.
 * It says up front whether the caller's approval would count under the policy, and how to fix it.
 */
export function ApprovalsPanel({ version }: { version: ModelVersion }) {
  const client = useAppStore((s) => s.client);
  // Until the policy has loaded, the defaults (a constant, so the selector's answer is stable).
  const { roles, required } = useAppStore((s) => s.policy?.value.promotion.approvals ?? DEFAULT_POLICY.promotion.approvals);
  const openObjectives = useAppStore((s) => s.openObjectives);
  const { identity, person } = useMe();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mine = person ? version.approvals.find((a) => a.by === person.name) : undefined;
  const counted = roles.map((r) => ROLE_LABELS[r].toLowerCase()).join(' or ');

  const approve = (event?: FormEvent) => {
    event?.preventDefault();
    if (!client || busy) return;
    setBusy(true);
    client
      .call('registry.approve', { model: version.model, version: version.version, comment: comment.trim() })
      .then(() => {
        setComment('');
        setError(null);
        modelsActions.changed();
      })
      .catch((e: unknown) => setError(toShownError(e).message))
      .finally(() => setBusy(false));
  };
  // The comment box is multi-line: Ctrl+Enter (or Cmd+Enter) approves, as a plain Enter adds a line.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) approve();
  };

  return (
    <section className="card" aria-labelledby="approvals-title" data-testid="version-approvals">
      <h3 id="approvals-title">
        Approvals <span className="muted">({version.approvals.length})</span>
      </h3>
      <p className="muted">
        The policy needs {required} approval{required === 1 ? '' : 's'} from a {counted}; each person counts once.
      </p>
      {version.approvals.length === 0 ? (
        <p className="muted" data-testid="approvals-empty">
          No approvals yet.
        </p>
      ) : (
        <ul className="approval-list" data-testid="approval-list">
          {version.approvals.map((a) => (
            <li key={a.id} data-testid="approval">
              <p>
                <strong>{a.by}</strong>, {ROLE_LABELS[a.role].toLowerCase()} · <span className="muted">{dateTime(a.at)}</span>
              </p>
              {a.comment ? <p className="approval-comment">“{a.comment}”</p> : <p className="muted">No comment.</p>}
            </li>
          ))}
        </ul>
      )}

      {mine ? (
        <p className="muted" data-testid="approval-mine">
          You ({mine.by}) approved this version.
        </p>
      ) : !person ? (
        <div className="models-note" data-testid="approval-not-person">
          <p>
            You are working as <strong>{identity || 'an unknown user'}</strong>, who is not in this project’s people, so your approval would carry no role. Add yourself as a {counted} first.
          </p>
          <button type="button" className="button small" onClick={() => openObjectives('people')}>
            Open People
          </button>
        </div>
      ) : (
        <form className="models-form" onSubmit={approve} onKeyDown={onKeyDown} aria-label="Approve this version" data-testid="approve-form">
          <div className="field">
            <label htmlFor="approve-comment">
              Approve as {person.name} ({ROLE_LABELS[person.role].toLowerCase()})
            </label>
            <textarea id="approve-comment" rows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} placeholder="What you checked, and why it is fit to ship" data-testid="approve-comment" />
            {!roles.includes(person.role) && (
              <p className="hint" data-testid="approve-role-hint">
                The policy counts approvals only from a {counted}; as a {ROLE_LABELS[person.role].toLowerCase()} yours would be refused.
              </p>
            )}
          </div>
          {error && (
            <p className="form-error" role="alert" data-testid="approve-error">
              {error}
            </p>
          )}
          <div className="form-actions">
            <button type="submit" className="button primary" disabled={busy} data-testid="approve-button">
              {busy ? 'Approving…' : `Approve v${version.version}`}
            </button>
            <span className="hint">Ctrl+Enter in the comment approves.</span>
          </div>
        </form>
      )}
    </section>
  );
}
