import type { TimelineEntry } from '../../../../shared/governance/methods';
import { dateTime } from '../../lib/format';
import { LINK_KIND_LABELS, TIMELINE_KIND_LABELS, describeChange } from '../../lib/governance-words';

/** A date-only decision reads as a date; a saved version shows the time too. */
function when(at: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(at) ? new Date(`${at}T00:00:00`).toLocaleDateString(undefined, { dateStyle: 'medium' }) : dateTime(at);
}

/** One entry of the history: a decision with its reasons and links, or a version with each field's old → new. */
export function TimelineItem({ entry }: { entry: TimelineEntry }) {
  const decision = entry.decision;
  return (
    <li className={`timeline-entry kind-${entry.kind}`} data-testid="timeline-entry" data-kind={entry.kind}>
      <span className="timeline-dot" aria-hidden="true" />
      <div className="timeline-body">
        <p className="timeline-meta">
          <span className={`badge kind-badge kind-${entry.kind}`}>{TIMELINE_KIND_LABELS[entry.kind]}</span>
          <time dateTime={entry.at}>{when(entry.at)}</time>
          <span className="muted">by {entry.who}</span>
        </p>
        <h3 className="timeline-title">{entry.title}</h3>
        {decision ? (
          <>
            {decision.why && <p className="timeline-why">{decision.why}</p>}
            {decision.details && <p className="timeline-details muted">{decision.details}</p>}
            {decision.links.length > 0 && (
              <ul className="link-chips" aria-label="Links">
                {decision.links.map((link, i) => (
                  <li key={i} className="link-chip" data-testid="timeline-link">
                    {LINK_KIND_LABELS[link.kind]}: <span className="mono">{link.ref}</span>
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : (
          entry.changes.length > 0 && (
            <table className="change-table">
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Was</th>
                  <th scope="col">Now</th>
                </tr>
              </thead>
              <tbody>
                {entry.changes.map((change) => {
                  const words = describeChange(entry.kind, change);
                  return (
                    <tr key={change.field} data-testid="timeline-change" data-field={change.field}>
                      <th scope="row">{words.label}</th>
                      <td className="was">{words.from}</td>
                      <td className="now">{words.to}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )
        )}
      </div>
    </li>
  );
}
