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
  // Newest first; at the same instant an arrival counts as older than an edit of that person.
  const rank = (e: TimelineEntry) => (e.kind === 'people' && e.title.startsWith('Added') ? 0 : 1);
  const all = [...decisions, ...versions('objective'), ...versions('policy'), ...people];
  return coalesce(all.sort((a, b) => sortKey(b).localeCompare(sortKey(a)) || rank(b) - rank(a))).slice(0, limit);
}

/**
 * A decision dated by day only sorts at the moment it was recorded that day (not at midnight, below
 * everything else that day); a back-dated one at the end of its day.
 */
function sortKey(entry: TimelineEntry): string {
  if (!entry.decision || entry.at.includes('T')) return entry.at;
  const endOfDay = `${entry.at}T23:59:59.999Z`;
  return entry.decision.recordedAt < endOfDay ? entry.decision.recordedAt : endOfDay;
}

/** Repeated edits of one person by one author within ten minutes read as one entry (the newest). */
function coalesce(entries: TimelineEntry[]): TimelineEntry[] {
  const lastKept = new Map<string, number>();
  return entries.filter((entry) => {
    if (entry.kind !== 'people' || !entry.title.startsWith('Updated')) return true;
    const key = `${entry.who}\u0000${entry.title}`;
    const at = Date.parse(entry.at);
    const kept = lastKept.get(key);
    if (kept !== undefined && kept - at < 10 * 60_000) return false;
    lastKept.set(key, at);
    return true;
  });
}
