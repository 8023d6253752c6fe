import { useEffect } from 'react';
import type { Client } from '../../../../shared/client';
import type { Job } from '../../../../shared/contract/models';
import type { ModelVersion, RegisteredModel, VersionDetail } from '../../../../shared/registry/models';
import { useEngineLoad, type Loaded } from '../../hooks/useEngineLoad';
import { useAppStore } from '../../store';
import { modelsActions, useModelsStore } from './models-store';

export type { Loaded } from '../../hooks/useEngineLoad';

/** Loads whenever `key` changes or the models workspace records a change. */
function useLoad<T>(key: string | null, load: (client: Client) => Promise<T>): Loaded<T> {
  return useEngineLoad(key, useModelsStore((s) => s.changes), load);
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
