import type { Dashboard } from '../../../../shared/governance/dashboard';

const HEALTH_WORDS = { healthy: 'Healthy', degraded: 'Degraded', down: 'Down', unknown: 'Unknown' } as const;

/** The champion model and where it runs; until those exist, each slot says when it will fill. */
export function ChampionSlots({ champion, deployments }: Pick<Dashboard, 'champion' | 'deployments'>) {
  return (
    <section className="card slots-card" aria-labelledby="champion-title" data-testid="champion-slot">
      <h2 id="champion-title">Champion model</h2>
      {champion ? (
        <p>
          <strong>
            {champion.name} v{champion.version}
          </strong>{' '}
          — {champion.metric} {champion.value}
        </p>
      ) : (
        <p className="slot-empty">Appears once a model is packaged, registered and promoted in Models.</p>
      )}
      <h3 className="subheading">Deployed to</h3>
      {deployments.length === 0 ? (
        <p className="slot-empty">Appears once the champion is deployed: locally, to a remote server or to Kubernetes.</p>
      ) : (
        <ul className="deployment-list">
          {deployments.map((d) => (
            <li key={`${d.target}-${d.url}`}>
              <span>{d.target}</span> <span className="mono muted">{d.url}</span>{' '}
              <span className={`badge health-${d.health}`}>{HEALTH_WORDS[d.health]}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
