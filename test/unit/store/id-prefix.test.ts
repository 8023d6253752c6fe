import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { rowByIdOrPrefix } from '../../../src/main/engine/store/id-prefix';

/** Ids as the CLI shows them (8 characters) find their row; what could mean two rows is refused. */
describe('rowByIdOrPrefix', () => {
  const db = new Database(':memory:');
  db.exec("CREATE TABLE runs (id TEXT PRIMARY KEY, name TEXT); INSERT INTO runs VALUES ('ab12cd34-0000', 'one'), ('ab12ff00-0000', 'two'), ('a_b%-0000', 'odd')");
  const find = (ref: string) => rowByIdOrPrefix<{ name: string }>(db, 'SELECT * FROM runs', 'id', ref, 'run')?.name ?? null;
  afterAll(() => db.close());

  it('takes a whole id or a prefix of 4 characters or more that fits one row', () => {
    expect(find('ab12cd34-0000')).toBe('one');
    expect(find('ab12cd34')).toBe('one');
    expect(find('ab12f')).toBe('two');
  });

  it('refuses a prefix that fits two rows, finds nothing for a short or unknown one, and reads _ and % as themselves', () => {
    expect(() => find('ab12')).toThrow(/More than one run starts with 'ab12'; give more of its id/);
    expect(find('ab1')).toBeNull();
    expect(find('zzzz')).toBeNull();
    expect(find('a_b%')).toBe('odd');
    expect(find('a%b_')).toBeNull();
  });
});
