import { MlcycleError } from '../../../shared/contract/errors';
import type { Db } from './database';

/**
 * The row of `select` whose `idColumn` is `ref`, or else starts with it: the CLI shows the first 8
 * characters of an id, and a user types back what they see. A prefix needs 4 characters at least;
 * one that fits several rows is a CONFLICT that names `what`. Null when nothing matches, so the
 * caller can try a name or say how to list them.
 */
export function rowByIdOrPrefix<T>(db: Db, select: string, idColumn: string, ref: string, what: string): T | null {
  const exact = db.prepare(`${select} WHERE ${idColumn} = ?`).get(ref) as T | undefined;
  if (exact) return exact;
  if (ref.length < 4) return null;
  const matches = db.prepare(`${select} WHERE ${idColumn} LIKE ? ESCAPE '\\' LIMIT 2`).all(`${ref.replace(/[\\%_]/g, '\\$&')}%`) as T[];
  if (matches.length > 1) throw new MlcycleError('CONFLICT', `More than one ${what} starts with '${ref}'; give more of its id.`, { field: 'id' });
  return matches[0] ?? null;
}
