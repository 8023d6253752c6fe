import { useEffect, useState } from 'react';
import type { ColumnInfo } from '../../../../../shared/data/models';
import { classesFrom, labelKind } from '../../../lib/label-split-values';
import { useAppStore } from '../../../store';

/** Rows read to guess the classes when no profile is cached: one cheap page. */
const SAMPLE_ROWS = 2_000;

export interface LabelClasses {
  classes: string[];
  /** Where they came from, said next to them: "from the profile", "seen in the first 2,000 rows". */
  source: string | null;
}

/**
 * The classes a label can be picked from. Asking `data.profile` with `start: false` only reads a
 * cached profile (never starts a job); without one, the values in the first rows stand in.
 * Numeric targets that are quantities have no classes: the label is typed.
 */
export function useLabelClasses(versionId: string, column: ColumnInfo): LabelClasses {
  const client = useAppStore((s) => s.client);
  const kind = labelKind(column);
  const wanted = kind === 'text' || column.semantic === 'categorical';
  const [found, setFound] = useState<LabelClasses>({ classes: [], source: null });

  useEffect(() => {
    if (!client || !wanted || kind === 'boolean') return;
    let current = true;
    void (async () => {
      try {
        const { profile } = await client.call('data.profile', { ref: versionId, start: false });
        const top = profile?.columns.find((c) => c.name === column.name)?.top;
        if (top?.length) {
          if (current) setFound({ classes: top.map((t) => t.value), source: 'from the profile' });
          return;
        }
        const sample = await client.call('data.rows', { ref: versionId, offset: 0, limit: SAMPLE_ROWS });
        const at = sample.columns.findIndex((c) => c.name === column.name);
        const classes = classesFrom(sample.rows.map((r) => r[at]));
        if (current) setFound({ classes, source: classes.length ? `seen in the first ${Math.min(SAMPLE_ROWS, sample.total).toLocaleString('en-US')} rows` : null });
      } catch {
        // Classes are a convenience: without them the label is typed, which always works.
      }
    })();
    return () => {
      current = false;
    };
  }, [client, versionId, column.name, kind, wanted]);

  if (kind === 'boolean') return { classes: ['true', 'false'], source: null };
  return wanted ? found : { classes: [], source: null };
}
