import type { TimelineEntry } from '../../../shared/governance/methods';
import type { ProjectStore } from '../store/project-store';

/** One line per changed field, e.g. "primaryMetric.threshold: 0.8 → 0.85". */
export function describeChanges(changes: TimelineEntry['changes']): string {
  const show = (v: unknown) => (v === null || v === '' ? '∅' : typeof v === 'string' ? v : JSON.stringify(v));
  return changes.map((c) => `${c.field}: ${show(c.from)} → ${show(c.to)}`).join('\n');
}

/**
 * The decision log and every objective, policy and people change in one dated list, newest first:
 * the history a reviewer reads.
 */
export function buildTimeline(store: ProjectStore, limit: number): TimelineEntry[] {
  const decisions: TimelineEntry[] = store.decisions.list(limit).map((d) => ({
    at: d.decidedAt,
    kind: 'decision',
    who: d.author,
    title: d.title,
    detail: d.why,
    decision: d,
    changes: [],
  }));
  const versions = (kind: 'objective' | 'policy'): TimelineEntry[] =>
    store[kind].history().map((v) => ({
      at: v.changedAt,
      kind,
      who: v.changedBy,
      title: `${kind === 'objective' ? 'Objective' : 'Policy'} version ${v.version}${v.note ? `: ${v.note}` : ''}`,
      detail: describeChanges(v.changes),
      decision: null,
      changes: v.changes,
    }));
  // Arrivals and departures come from the people table; edits from the audit log.
  const people: TimelineEntry[] = [
    ...store.people.events(),
    ...store.audit
      .list(10_000)
      .filter((e) => e.outcome === 'ok' && e.action === 'people.save' && (e.details as { person?: { id?: string } } | null)?.person?.id)
      .map((e) => ({ at: e.at, who: e.actor, title: `Updated ${store.people.nameOf(e.target ?? '') ?? 'a person'}` })),
  ].map((event) => ({ ...event, kind: 'people' as const, detail: '', decision: null, changes: [] }));
  return [...decisions, ...versions('objective'), ...versions('policy'), ...people].sort((a, b) => b.at.localeCompare(a.at)).slice(0, limit);
}
