import { useCallback, useRef, useSyncExternalStore } from 'react';

/**
 * The Data workspace mounts a tab's panel only while it is shown, so state kept in a component
 * would vanish when the user glances at the Table tab. Work in progress (labels typed but not
 * saved, a running job, a half-filled split form) is remembered here per key (a version id) for
 * the life of the page instead. Every component using a key sees each change at once: the table
 * (always mounted) and the Label tab share the pending labels of a version.
 */
const memory = new Map<string, unknown>();
const listeners = new Map<string, Set<() => void>>();

function changed(key: string): void {
  for (const listener of listeners.get(key) ?? []) listener();
}

export type Setter<T> = (next: T | ((previous: T) => T)) => void;

export function useRemembered<T>(key: string, initial: T): [T, Setter<T>] {
  // The first initial value stands for "nothing remembered", so a snapshot stays the same object.
  const fallback = useRef(initial);
  const subscribe = useCallback(
    (listener: () => void) => {
      const set = listeners.get(key) ?? new Set();
      listeners.set(key, set.add(listener));
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(key);
      };
    },
    [key],
  );
  const read = useCallback(() => (memory.has(key) ? (memory.get(key) as T) : fallback.current), [key]);
  const value = useSyncExternalStore(subscribe, read);
  const set = useCallback<Setter<T>>(
    (next) => {
      const value = typeof next === 'function' ? (next as (p: T) => T)(read()) : next;
      memory.set(key, value);
      changed(key);
    },
    [key, read],
  );
  return [value, set];
}

/** Drops what was remembered for a key (the labels were saved, the version is gone). */
export function forget(key: string): void {
  memory.delete(key);
  changed(key);
}
