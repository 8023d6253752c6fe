import { PRODUCTION_ALIAS } from '../../../../shared/registry/models';

/** Aliases as badges, the champion first and coloured: it is the version in production. */
export function AliasBadges({ aliases }: { aliases: Array<{ alias: string; version?: number }> }) {
  const sorted = [...aliases].sort((a, b) => (a.alias === PRODUCTION_ALIAS ? -1 : b.alias === PRODUCTION_ALIAS ? 1 : a.alias.localeCompare(b.alias)));
  if (sorted.length === 0) return null;
  return (
    <span className="models-aliases">
      {sorted.map(({ alias, version }) => (
        <span key={alias} className={alias === PRODUCTION_ALIAS ? 'badge alias-badge alias-champion' : 'badge alias-badge'} data-testid={`alias-${alias}`}>
          {alias === PRODUCTION_ALIAS && (
            <span aria-hidden="true" className="alias-star">
              ★
            </span>
          )}
          {alias}
          {version !== undefined && ` → v${version}`}
        </span>
      ))}
    </span>
  );
}
