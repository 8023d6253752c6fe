import { useCallback } from 'react';
import { forget, useRemembered } from './useRemembered';

/** Where a version's pending labels of a column are remembered (and the queue's page beside them). */
const keyOf = (versionId: string, column: string) => `label:${versionId}:${column}`;
const NONE: Record<number, string> = {};

/**
 * The labels typed but not saved for one column of a version, by row position: one list shared by
 * the Label tab (queue and "label chosen rows") and the table's "Set target…", so either can add
 * to it and either saves all of it.
 */
export function usePendingLabels(versionId: string, column: string) {
  const key = keyOf(versionId, column);
  const [pending, setPending] = useRemembered(key, NONE);
  const add = useCallback((rows: number[], text: string) => setPending((p) => ({ ...p, ...Object.fromEntries(rows.map((r) => [r, text])) })), [setPending]);
  const change = useCallback((row: number, text: string) => setPending((p) => ({ ...p, [row]: text })), [setPending]);
  const discard = useCallback(() => setPending({}), [setPending]);
  /** After a save: the labels are in the new version, and the queue starts again from its top. */
  const saved = useCallback(() => {
    forget(key);
    forget(`${key}:offset`);
  }, [key]);
  return { key, pending, add, change, discard, saved };
}

/** How many pending labels are not blank (a cleared queue input stays in the map as ''). */
export function pendingCount(pending: Record<number, string>): number {
  return Object.values(pending).filter((t) => t.trim() !== '').length;
}
