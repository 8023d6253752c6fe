import { useCallback, useEffect, useState } from 'react';
import type { Split } from '../../../../../shared/data/split';
import { toShownError } from '../../../lib/errors';
import { useAppStore } from '../../../store';

/** The splits saved for a version (data.splits), newest first; `reload` after a split job ends. */
export function useSplits(versionId: string) {
  const client = useAppStore((s) => s.client);
  const [splits, setSplits] = useState<Split[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    if (!client) return;
    let current = true;
    client
      .call('data.splits', { ref: versionId })
      .then((list) => {
        if (!current) return;
        setSplits(list);
        setError(null);
      })
      .catch((e: unknown) => current && setError(toShownError(e).message));
    return () => {
      current = false;
    };
  }, [client, versionId, asked]);

  return { splits, error, reload: useCallback(() => setAsked((n) => n + 1), []) };
}
