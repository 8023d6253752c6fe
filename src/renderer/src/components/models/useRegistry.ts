import { useEffect, useState } from 'react';
import type { Client } from '../../../../shared/client';
import type { Job } from '../../../../shared/contract/models';
import type { ModelVersion, RegisteredModel, VersionDetail } from '../../../../shared/registry/models';
import { toShownError } from '../../lib/errors';
import { useAppStore } from '../../store';
import { modelsActions, useModelsStore } from './models-store';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
}

/**
 * Loads with the engine client whenever `key` or the registry changes. What was shown stays shown
 * while the next answer comes, so a refresh after an action does not blank the page.
 */
function useLoad<T>(key: string | null, load: (client: Client) => Promise<T>): Loaded<T> {
  const client = useAppStore((s) => s.client);
  const changes = useModelsStore((s) => s.changes);
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

export const useModels = () => useLoad<RegisteredModel[]>('models', (c) => c.call('registry.list', {}));

export const useVersions = (model: string | null) => useLoad<ModelVersion[]>(model, (c) => c.call('registry.versions', { model: model! }));

export const useVersionsOfRun = (runId: string) => useLoad<ModelVersion[]>(`run\u0000${runId}`, (c) => c.call('registry.ofRun', { run: runId }));

export const useVersionDetail = (model: string, version: number) => useLoad<VersionDetail>(`${model}\u0000${version}`, (c) => c.call('registry.version', { model, version }));

/**
 * Reloads the Models views when the registry changes anywhere: every mutating call is audited
 * (registry.alias, registry.approve, …) and a registration records registry.registered.
 */
export function useRegistryChanges(): void {
  const client = useAppStore((s) => s.client);
  useEffect(() => {
    if (!client) return;
    return client.on('audit.recorded', (entry) => {
      if (entry.action.startsWith('registry.') && entry.outcome === 'ok') modelsActions.changed();
    });
  }, [client]);
}

/** The live snapshot of a job this view started (job.updated keeps the store current). */
export function useJob(id: string | null): Job | undefined {
  return useAppStore((s) => (id ? s.jobs.find((j) => j.id === id) : undefined));
}
