import { useEffect, useState } from 'react';
import type { DatasetVersion } from '../../../../shared/data/models';
import { toShownError } from '../../lib/errors';
import { useAppStore } from '../../store';

/** A dataset's versions, newest first (data.show), for the version picker of the New run form. */
export function useVersions(dataset: string | null): { versions: DatasetVersion[] | null; error: string | null } {
  const client = useAppStore((s) => s.client);
  // A new version of this dataset (a clean or a label elsewhere) changes its latest: ask again.
  const latestId = useAppStore((s) => s.datasets.find((d) => d.name === dataset)?.latest.id ?? null);
  const [state, setState] = useState<{ key: string; versions: DatasetVersion[] | null; error: string | null }>({ key: '', versions: null, error: null });
  const key = `${dataset}:${latestId}`;

  useEffect(() => {
    if (!client || !dataset) return;
    let current = true;
    client
      .call('data.show', { ref: dataset })
      .then((shown) => current && setState({ key, versions: [...shown.versions].sort((a, b) => b.version - a.version), error: null }))
      .catch((e: unknown) => current && setState({ key, versions: null, error: toShownError(e).message }));
    return () => {
      current = false;
    };
  }, [client, dataset, key]);

  // Until the answer for this dataset arrives, show nothing rather than the previous dataset's versions.
  return state.key === key ? { versions: state.versions, error: state.error } : { versions: null, error: null };
}
