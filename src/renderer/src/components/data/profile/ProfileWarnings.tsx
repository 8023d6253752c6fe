import type { ProfileWarning } from '../../../../../shared/data/profile';
import { WARNING_LABELS } from '../../../lib/data-words';

/** Where a column's card is, so a warning can take you there. */
export const cardId = (index: number) => `profile-column-${index}`;

/** What looks wrong, in words; a warning about a column links to its card. */
export function ProfileWarnings({ warnings, columns }: { warnings: ProfileWarning[]; columns: string[] }) {
  return (
    <section className="card profile-warnings" aria-labelledby="profile-warnings-title">
      <h2 id="profile-warnings-title">
        Warnings <span className="tab-count">{warnings.length}</span>
      </h2>
      {warnings.length === 0 ? (
        <p className="muted">Nothing stands out: no constant or ID-like columns, heavy skew, missing values, duplicates, leakage or imbalance.</p>
      ) : (
        <ul className="warning-list">
          {warnings.map((w, i) => {
            const index = w.column === null ? -1 : columns.indexOf(w.column);
            return (
              <li key={i} className={`warning warning-${w.kind}`} data-testid="profile-warning" data-kind={w.kind} data-column={w.column ?? undefined}>
                <span className="badge badge-warn">{WARNING_LABELS[w.kind]}</span>
                <span>{w.message}</span>
                {index >= 0 && (
                  <a
                    href={`#${cardId(index)}`}
                    className="warning-link"
                    onClick={(event) => {
                      event.preventDefault();
                      const card = document.getElementById(cardId(index));
                      card?.scrollIntoView({ block: 'start' });
                      card?.focus({ preventScroll: true });
                    }}
                  >
                    Show {w.column}
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
