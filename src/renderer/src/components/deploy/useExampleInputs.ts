import { useEffect, useState } from 'react';
import type { ExampleInput } from '../../lib/deploy-words';
import { useAppStore } from '../../store';

/**
 * The served model's inputs, for a request example: the run's feature columns, numeric or not as
 * the dataset version says. Null until known (or when the version cannot be read).
 */
export function useExampleInputs(model: string | null, version: number | null): ExampleInput[] | null {
  const client = useAppStore((s) => s.client);
  const [inputs, setInputs] = useState<{ key: string; inputs: ExampleInput[] } | null>(null);
  const key = model && version !== null ? `${model}@${version}` : null;

  useEffect(() => {
    if (!client || !model || version === null) return;
    let current = true;
    (async () => {
      const detail = await client.call('registry.version', { model, version });
      const run = await client.call('runs.get', { id: detail.version.runId });
      const data = await client.call('data.show', { ref: run.dataset });
      const semantic = new Map(data.version.columns.map((c) => [c.name, c.semantic]));
      return run.features.map((name) => ({ name, numeric: semantic.get(name) === 'numeric' }));
    })()
      .then((found) => current && setInputs({ key: `${model}@${version}`, inputs: found }))
      .catch(() => {
        // No example then: the URL and the metadata link still tell the caller what to send.
      });
    return () => {
      current = false;
    };
  }, [client, model, version]);
  return inputs && inputs.key === key ? inputs.inputs : null;
}
