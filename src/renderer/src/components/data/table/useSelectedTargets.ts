import { useEffect, useState } from 'react';
import { toShownError } from '../../../lib/errors';
import { isEmptyTarget, planReads } from '../../../lib/label-table-targets';
import { useAppStore } from '../../../store';

export interface SelectedTargets {
  /** Selected rows whose target already holds a value, in order; null while they are being read. */
  filled: number[] | null;
  error: string | null;
  retry(): void;
}

/**
 * Which of the selected rows already have a target, so "Set target…" can say how many it would
 * replace. Rows whose page the table has cached are answered at once; the rest are read with
 * `data.rows` (a selection may reach far beyond the rows in view).
 */
export function useSelectedTargets(versionId: string, rows: number[], target: number): SelectedTargets {
  const client = useAppStore((s) => s.client);
  const rowAt = useAppStore((s) => s.rowAt);
  const [state, setState] = useState<{ filled: number[] | null; error: string | null }>({ filled: null, error: null });
  const [asked, setAsked] = useState(0);

  useEffect(() => {
    let current = true;
    const filled: number[] = [];
    const missing: number[] = [];
    for (const row of rows) {
      const values = rowAt(versionId, row);
      if (!values) missing.push(row);
      else if (!isEmptyTarget(values[target])) filled.push(row);
    }
    if (missing.length === 0 || !client) {
      setState({ filled, error: client ? null : 'Not connected to the engine.' });
      return;
    }
    setState({ filled: null, error: null });
    void (async () => {
      try {
        let next = 0;
        for (const read of planReads(missing)) {
          const page = await client.call('data.rows', { ref: versionId, offset: read.offset, limit: read.limit });
          if (!current) return;
          for (; next < missing.length && missing[next]! < read.offset + read.limit; next++) {
            const row = missing[next]!;
            if (!isEmptyTarget(page.rows[row - read.offset]?.[target])) filled.push(row);
          }
        }
        setState({ filled: filled.sort((a, b) => a - b), error: null });
      } catch (e) {
        if (current) setState({ filled: null, error: toShownError(e).message });
      }
    })();
    return () => {
      current = false;
    };
  }, [client, rowAt, versionId, rows, target, asked]);

  return { ...state, retry: () => setAsked((n) => n + 1) };
}
