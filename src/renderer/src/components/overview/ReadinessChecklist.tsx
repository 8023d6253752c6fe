import type { ReadinessItem } from '../../../../shared/governance/dashboard';
import { READINESS_WORDS } from '../../lib/governance-words';

const MARKS: Record<ReadinessItem['status'], string> = { done: '✓', pending: '○', failed: '✕', not_available: '–' };

/** What must be true before the model goes to production, each item with its state in words. */
export function ReadinessChecklist({ items }: { items: ReadinessItem[] }) {
  const done = items.filter((item) => item.status === 'done').length;
  return (
    <section className="card readiness-card" aria-labelledby="readiness-title">
      <div className="card-heading">
        <h2 id="readiness-title">Production readiness</h2>
        <span className="muted">
          {done} of {items.length} done
        </span>
      </div>
      <ul className="readiness-list">
        {items.map((item) => (
          <li key={item.id} className={`readiness-item readiness-${item.status}`} data-testid="readiness-item" data-item={item.id} data-status={item.status}>
            <span className="readiness-mark" aria-hidden="true">
              {MARKS[item.status]}
            </span>
            <div>
              <p className="readiness-label">
                {item.label} <span className="visually-hidden">— {READINESS_WORDS[item.status]}</span>
              </p>
              <p className="readiness-detail muted">{item.detail}</p>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
