import { useEffect, useState } from 'react';
import type { Client } from '../../../shared/client';
import { toShownError } from '../lib/errors';
import { useAppStore } from '../store';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
}

/**
 * Loads with the engine client whenever `key` or `changes` (a workspace's change counter) moves.
 * What was shown stays shown while the next answer comes, so a refresh after an action does not
 * blank the page; a new key starts empty.
 */
export function useEngineLoad<T>(key: string | null, changes: number, load: (client: Client) => Promise<T>): Loaded<T> {
  const client = useAppStore((s) => s.client);
  const [state, setState] = useState<Loaded<T> & { key: string | null }>({ data: null, error: null, key });
  if (state.key !== key) setState({ data: null, error: null, key });

  useEffect(() => {
    if (!client || key === null) return;
    let current = true;
    load(client)
      .then((data) => current && setState({ data, error: null, key }))
      .catch((e: unknown) => current && setState((s) => ({ ...s, error: toShownError(e).message })));
    return () => {
      current = false;
    };
    // `load` is rebuilt each render; `key` says what it loads.
  }, [client, key, changes]);
  return { data: state.data, error: state.error };
}
