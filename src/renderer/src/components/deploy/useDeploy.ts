import { useEffect } from 'react';
import type { Client } from '../../../../shared/client';
import type { Deployment, Target } from '../../../../shared/deploy/models';
import type { RegisteredModel } from '../../../../shared/registry/models';
import { useEngineLoad, type Loaded } from '../../hooks/useEngineLoad';
import { toShownError } from '../../lib/errors';
import { useAppStore } from '../../store';
import { deployActions, useDeployStore } from './deploy-store';

export type { Loaded } from '../../hooks/useEngineLoad';

/** Loads whenever `key` changes or the deploy workspace records a change. */
function useLoad<T>(key: string | null, load: (client: Client) => Promise<T>): Loaded<T> {
  return useEngineLoad(key, useDeployStore((s) => s.changes), load);
}

export const useTargets = () => useLoad<Target[]>('targets', (c) => c.call('targets.list', {}));

/** Deployments, newest first (of one target, or all). */
export const useDeployments = (target: string | null) => useLoad<Deployment[]>(`deployments\u0000${target ?? ''}`, (c) => c.call('deploy.list', target ? { target } : {}));

export const useRegisteredModels = () => useLoad<RegisteredModel[]>('models', (c) => c.call('registry.list', {}));

/**
 * Reloads the Deploy views when targets or deployments change anywhere: every mutating call is
 * audited (targets.add, deploy.rollback, …), and a deploy job records each of its steps as deploy.<step>.
 */
export function useDeployChanges(): void {
  const client = useAppStore((s) => s.client);
  useEffect(() => {
    if (!client) return;
    return client.on('audit.recorded', (entry) => {
      if (/^(targets|deploy)\./.test(entry.action)) deployActions.changed();
    });
  }, [client]);
}

/** How often the open target's status (and so its traffic) is read. */
export const POLL_MS = 3_000;

/**
 * Reads deploy.status every few seconds while the window is visible (a hidden window polls
 * nothing), once more at once when it becomes visible again. One request at a time: a slow server
 * never piles up calls.
 */
export function useStatusPolling(target: string | null): void {
  const client = useAppStore((s) => s.client);
  const changes = useDeployStore((s) => s.changes);
  useEffect(() => {
    if (!client || !target) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let inFlight = false;
    const poll = () => {
      clearTimeout(timer);
      if (stopped || document.visibilityState !== 'visible' || inFlight) return;
      inFlight = true;
      client
        .call('deploy.status', { target })
        .then((status) => !stopped && deployActions.observed(status, Date.now()))
        .catch(() => {
          // The target was removed, or the engine is gone: the list and the banner say so.
        })
        .finally(() => {
          inFlight = false;
          if (!stopped) timer = setTimeout(poll, POLL_MS);
        });
    };
    const onVisibility = () => poll();
    document.addEventListener('visibilitychange', onVisibility);
    poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [client, target, changes]);
}

/** Runs targets.test and keeps its answer (or the error) as the target's last test. */
export async function testTarget(client: Client, target: string): Promise<void> {
  const at = new Date().toISOString();
  try {
    deployActions.tested(target, { at, result: await client.call('targets.test', { target }) });
  } catch (e) {
    deployActions.tested(target, { at, error: toShownError(e).message });
  }
}
