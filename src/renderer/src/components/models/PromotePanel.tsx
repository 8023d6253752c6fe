import { useEffect, useState } from 'react';
import type { GateReport, GateResult } from '../../../../shared/governance/gates';
import { PRODUCTION_ALIAS, type ModelVersion } from '../../../../shared/registry/models';
import { toShownError } from '../../lib/errors';
import { GATE_LABELS, gateFailure } from '../../lib/registry-words';
import { useAppStore } from '../../store';
import { modelsActions } from './models-store';

type Outcome = { kind: 'refused'; message: string; failed: GateResult[] } | { kind: 'error'; message: string } | { kind: 'done'; previous: number | null } | null;

/**
 * Promote to champion: the engine runs the gates again and either moves the alias or refuses,
 * naming each failed gate. The refusal stays on screen, gate by gate, until the next try.
 */
export function PromotePanel({ version, gates }: { version: ModelVersion; gates: GateReport }) {
  const client = useAppStore((s) => s.client);
  const notify = useAppStore((s) => s.notify);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const isChampion = version.aliases.includes(PRODUCTION_ALIAS);
  // A refusal is about the gates as they were; once they all pass it no longer applies.
  useEffect(() => {
    if (gates.passed) setOutcome((o) => (o?.kind === 'refused' ? null : o));
  }, [gates.passed]);

  const promote = () => {
    if (!client) return;
    setBusy(true);
    client
      .call('registry.promote', { model: version.model, version: version.version })
      .then((r) => {
        setOutcome({ kind: 'done', previous: r.previous });
        notify('info', `${version.model} v${version.version} is now the ${PRODUCTION_ALIAS}.`);
        modelsActions.changed();
      })
      .catch((e: unknown) => {
        const refused = gateFailure(e);
        setOutcome(refused ? { kind: 'refused', ...refused } : { kind: 'error', message: toShownError(e).message });
        // The refusal may have been caused by a change elsewhere: show the gates as they are now.
        modelsActions.changed();
      })
      .finally(() => setBusy(false));
  };

  return (
    <section className="card" aria-labelledby="promote-title" data-testid="version-promote">
      <h3 id="promote-title">Promote to {PRODUCTION_ALIAS}</h3>
      {isChampion ? (
        <p className="promote-done" data-testid="promote-is-champion">
          <span aria-hidden="true">★ </span>
          v{version.version} is the {PRODUCTION_ALIAS}: the version that deployments and scoring by alias use.
          {outcome?.kind === 'done' && (outcome.previous === null ? ' It is the first champion of this model.' : ` It replaced v${outcome.previous}.`)}
        </p>
      ) : (
        <>
          <p className="muted">
            The {PRODUCTION_ALIAS} alias marks the version in production. Moving it runs the gates again; {gates.passed ? 'they all pass now.' : 'some fail now, so it would be refused.'}
          </p>
          <button type="button" className="button primary" disabled={busy} onClick={promote} data-testid="promote-button">
            {busy ? 'Promoting…' : `Promote v${version.version} to ${PRODUCTION_ALIAS}`}
          </button>
        </>
      )}
      {outcome?.kind === 'refused' && (
        <div className="form-error promote-refused" role="alert" data-testid="promote-refused">
          {outcome.failed.length > 0 ? (
            <>
              <p>
                <strong>Promotion refused</strong> by {outcome.failed.length === 1 ? 'one gate' : `${outcome.failed.length} gates`}; v{version.version} stays where it was:
              </p>
              <ul>
                {outcome.failed.map((g) => (
                  <li key={g.gate} data-testid={`promote-failed-${g.gate}`}>
                    <strong>{GATE_LABELS[g.gate]}:</strong> {g.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>
              <strong>Promotion refused.</strong> {outcome.message}
            </p>
          )}
        </div>
      )}
      {outcome?.kind === 'error' && (
        <p className="form-error" role="alert" data-testid="promote-error">
          {outcome.message}
        </p>
      )}
    </section>
  );
}
