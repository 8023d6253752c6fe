import { randomUUID } from 'node:crypto';
import { MlcycleError } from '../../../shared/contract/errors';
import type { Person, PersonInput } from '../../../shared/governance/people';
import type { Db } from '../store/database';

interface Row {
  id: string;
  name: string;
  role: Person['role'];
  email: string;
  raci: string;
  added_at: string;
  added_by: string;
  removed_at: string | null;
  removed_by: string | null;
}

const toPerson = (row: Row): Person => ({
  id: row.id,
  name: row.name,
  role: row.role,
  email: row.email,
  raci: JSON.parse(row.raci) as Person['raci'],
  addedAt: row.added_at,
  addedBy: row.added_by,
});

/** A person's arrival and departure, for the timeline. */
export interface PersonEvent {
  at: string;
  who: string;
  title: string;
}

/** Stakeholders and their RACI letters per stage. Removal keeps the row so history can name them. */
export class PeopleRepo {
  constructor(private readonly db: Db) {}

  list(): Person[] {
    return (this.db.prepare('SELECT * FROM people WHERE removed_at IS NULL ORDER BY added_at, name').all() as Row[]).map(toPerson);
  }

  get(id: string): Person {
    const row = this.db.prepare('SELECT * FROM people WHERE id = ? AND removed_at IS NULL').get(id) as Row | undefined;
    if (!row) throw new MlcycleError('NOT_FOUND', `No person with id '${id}' in this project`, { id });
    return toPerson(row);
  }

  /** Adds a person, or updates one when `id` names an existing person. */
  save(input: Required<Pick<PersonInput, 'name' | 'role'>> & { id?: string; email: string; raci: Person['raci'] }, by: string): Person {
    if (input.id) {
      this.get(input.id);
      this.db
        .prepare('UPDATE people SET name = ?, role = ?, email = ?, raci = ? WHERE id = ?')
        .run(input.name, input.role, input.email, JSON.stringify(input.raci), input.id);
      return this.get(input.id);
    }
    const id = randomUUID();
    this.db
      .prepare('INSERT INTO people (id, name, role, email, raci, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, input.name, input.role, input.email, JSON.stringify(input.raci), new Date().toISOString(), by);
    return this.get(id);
  }

  remove(id: string, by: string): void {
    this.get(id);
    this.db.prepare('UPDATE people SET removed_at = ?, removed_by = ? WHERE id = ?').run(new Date().toISOString(), by, id);
  }

  /** Name of anyone who was ever in the project, removed or not. */
  nameOf(id: string): string | null {
    return (this.db.prepare('SELECT name FROM people WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? null;
  }

  events(): PersonEvent[] {
    const rows = this.db.prepare('SELECT * FROM people').all() as Row[];
    return rows.flatMap((row) => [
      { at: row.added_at, who: row.added_by, title: `Added ${row.name} (${row.role.replace('_', ' ')})` },
      ...(row.removed_at ? [{ at: row.removed_at, who: row.removed_by ?? 'unknown', title: `Removed ${row.name}` }] : []),
    ]);
  }
}
