import { useState } from 'react';
import type { Deployment, Target } from '../../../../shared/deploy/models';
import { KIND_WORDS, lastServed, secretsOf, whereOf } from '../../lib/deploy-words';
import { timeOfDay } from '../../lib/format';
import { deployActions, useDeployStore } from './deploy-store';
import { StatusBadge } from './StatusBadge';
import { TestButton } from './TestButton';
import { useDeployments } from './useDeploy';

/** What each target serves now, or served last. */
function lastByTarget(deployments: readonly Deployment[]): Map<string, Deployment> {
  const byTarget = new Map<string, Deployment[]>();
  for (const d of deployments) byTarget.set(d.target, [...(byTarget.get(d.target) ?? []), d]);
  return new Map([...byTarget].map(([target, list]) => [target, lastServed(list)!]));
}

/** Every deploy target: kind, where, what it serves, its last connection test; open one to manage it. */
export function TargetList({ targets, onAdd, onEdit }: { targets: Target[]; onAdd(): void; onEdit(t: Target): void }) {
  const { data: deployments } = useDeployments(null);
  const tests = useDeployStore((s) => s.tests);
  const latest = lastByTarget(deployments ?? []);
  const [testing, setTesting] = useState<string | null>(null);

  if (targets.length === 0)
    return (
      <section className="card deploy-empty" data-testid="deploy-empty">
        <h2>No deploy targets yet.</h2>
        <p className="muted">
          A target is where registered versions are served: a local server on this machine (one click), a remote MLCycle server, or a Kubernetes cluster. Add one,
          test its connection, then deploy a version to it.
        </p>
        <button type="button" className="button primary" onClick={onAdd} data-testid="deploy-empty-add">
          Add a target…
        </button>
      </section>
    );

  return (
    <section className="card" aria-labelledby="targets-title" data-testid="targets-list">
      <h2 id="targets-title">Targets</h2>
      <div className="models-table-wrap">
        <table className="train-table models-table deploy-targets">
          <thead>
            <tr>
              <th scope="col">Target</th>
              <th scope="col">Kind</th>
              <th scope="col">Where</th>
              <th scope="col">Serves</th>
              <th scope="col">Last test</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {targets.map((t) => {
              const d = latest.get(t.name);
              const test = tests[t.name];
              return (
                <tr key={t.id} data-testid="target-row" data-target={t.name}>
                  <th scope="row">
                    <button type="button" className="link-button mono" data-testid="target-open" onClick={() => deployActions.openTarget(t.name)}>
                      {t.name}
                    </button>
                  </th>
                  <td>{KIND_WORDS[t.kind]}</td>
                  <td className="deploy-where">
                    <span className="mono">{whereOf(t)}</span>
                    {secretsOf(t) && <span className="muted small-text"> · {secretsOf(t)}</span>}
                  </td>
                  <td data-testid="target-serves">
                    {d ? (
                      <>
                        <span className="mono">
                          {d.model} v{d.version}
                        </span>{' '}
                        <StatusBadge status={d.status} />
                      </>
                    ) : (
                      <span className="muted">nothing yet</span>
                    )}
                  </td>
                  <td data-testid="target-last-test">
                    {testing === t.name ? (
                      <span className="muted">testing…</span>
                    ) : !test ? (
                      <span className="muted">not tested</span>
                    ) : 'error' in test || !test.result.ok ? (
                      <span className="deploy-test-fail">✗ failed at {timeOfDay(test.at)}</span>
                    ) : (
                      <span className="deploy-test-ok">✓ ok at {timeOfDay(test.at)}</span>
                    )}
                  </td>
                  <td className="deploy-row-actions">
                    <TestButton target={t.name} small onBusy={(busy) => setTesting(busy ? t.name : null)} />
                    <button type="button" className="button small ghost" onClick={() => onEdit(t)} aria-label={`Edit ${t.name}`}>
                      Edit
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
