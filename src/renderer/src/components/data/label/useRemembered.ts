import { useCallback, useState } from 'react';

/**
 * The Data workspace mounts a tab's panel only while it is shown, so state kept in a component
 * would vanish when the user glances at the Table tab. Work in progress (labels typed but not
 * saved, a running job, a half-filled split form) is remembered here per key (a version id) for
 * the life of the page instead.
 */
const memory = new Map<string, unknown>();

export type Setter<T> = (next: T | ((previous: T) => T)) => void;

export function useRemembered<T>(key: string, initial: T): [T, Setter<T>] {
  const [value, setValue] = useState<T>(() => (memory.has(key) ? (memory.get(key) as T) : initial));
  const set = useCallback<Setter<T>>(
    (next) =>
      setValue((previous) => {
        const value = typeof next === 'function' ? (next as (p: T) => T)(previous) : next;
        memory.set(key, value);
        return value;
      }),
    [key],
  );
  return [value, set];
}

/** Drops what was remembered for a key (the labels were saved, the version is gone). */
export function forget(key: string): void {
  memory.delete(key);
}
