import { useState } from 'react';
import type { TimelineEntry } from '../../../../shared/governance/methods';
import { TIMELINE_KIND_LABELS } from '../../lib/governance-words';
import { useAppStore } from '../../store';
import { DecisionForm } from './DecisionForm';
import { TimelineItem } from './TimelineItem';

type Filter = 'all' | TimelineEntry['kind'];
const FILTERS: Filter[] = ['all', 'decision', 'objective', 'policy', 'people'];

/** The decision log and the history of every objective, policy and people change, newest first. */
export function DecisionLog() {
  const timeline = useAppStore((s) => s.timeline);
  const [filter, setFilter] = useState<Filter>('all');
  const shown = filter === 'all' ? timeline : timeline.filter((entry) => entry.kind === filter);

  return (
    <div className="stack">
      <DecisionForm />
      <section className="card" aria-labelledby="timeline-title">
        <div className="card-heading">
          <h2 id="timeline-title">History</h2>
          <div className="filter-group" role="group" aria-label="Show">
            {FILTERS.map((f) => (
              <button key={f} type="button" className="button small ghost" aria-pressed={filter === f} data-testid={`timeline-filter-${f}`} onClick={() => setFilter(f)}>
                {f === 'all' ? 'All' : TIMELINE_KIND_LABELS[f]}
              </button>
            ))}
          </div>
        </div>
        {shown.length === 0 ? (
          <p className="muted empty">
            {timeline.length === 0 ? 'Nothing recorded yet. Decisions and every saved version of the objective and policy appear here.' : 'Nothing of this kind yet.'}
          </p>
        ) : (
          <ol className="timeline" aria-label="History, newest first">
            {shown.map((entry, index) => (
              <TimelineItem key={`${entry.kind}-${entry.at}-${index}`} entry={entry} />
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
