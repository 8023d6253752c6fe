import { useCallback, useEffect, useState } from 'react';
import type { RowPage } from '../../../../../shared/data/methods';
import { toShownError } from '../../../lib/errors';
import { useAppStore } from '../../../store';

/** Rows a page of the queue shows: enough to work through without scrolling far. */
export const QUEUE_PAGE = 25;

export interface QueuePage {
  /** Each shown row's position in the version (what data.label takes). */
  rowNumbers: number[];
  page: RowPage;
}

/** One page of the rows whose column is empty (data.unlabelled), asked again when the offset changes. */
export function useLabelQueue(versionId: string, column: string, offset: number) {
  const client = useAppStore((s) => s.client);
  const [queue, setQueue] = useState<QueuePage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    if (!client) return;
    let current = true;
    setLoading(true);
    client
      .call('data.unlabelled', { ref: versionId, column, offset, limit: QUEUE_PAGE })
      .then((answer) => {
        if (!current) return;
        setQueue(answer);
        setError(null);
      })
      .catch((e: unknown) => current && setError(toShownError(e).message))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [client, versionId, column, offset, asked]);

  const reload = useCallback(() => setAsked((n) => n + 1), []);
  return { queue, error, loading, reload };
}
