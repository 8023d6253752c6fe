import type { Decision, DecisionLink } from '../../../shared/governance/decisions';
import type { Db } from '../store/database';

interface Row {
  id: number;
  title: string;
  why: string;
  details: string;
  links: string;
  decided_at: string;
  author: string;
  recorded_at: string;
}

const toDecision = (row: Row): Decision => ({
  id: row.id,
  title: row.title,
  why: row.why,
  details: row.details,
  links: JSON.parse(row.links) as DecisionLink[],
  decidedAt: row.decided_at,
  author: row.author,
  recordedAt: row.recorded_at,
});

/** The dated decision log: who decided what, why, and what it concerns. */
export class DecisionsRepo {
  constructor(private readonly db: Db) {}

  add(entry: { title: string; why: string; details: string; links: DecisionLink[]; decidedAt?: string }, author: string): Decision {
    const now = new Date().toISOString();
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO decisions (title, why, details, links, decided_at, author, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(entry.title, entry.why, entry.details, JSON.stringify(entry.links), entry.decidedAt ?? now, author, now);
    return toDecision(this.db.prepare('SELECT * FROM decisions WHERE id = ?').get(lastInsertRowid) as Row);
  }

  list(limit: number): Decision[] {
    return (this.db.prepare('SELECT * FROM decisions ORDER BY decided_at DESC, id DESC LIMIT ?').all(limit) as Row[]).map(toDecision);
  }
}
