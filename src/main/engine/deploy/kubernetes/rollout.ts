import type { Deployment, KubeObject } from './types';

export interface RolloutStatus {
  /** Every desired replica runs the newest template and is available. */
  ready: boolean;
  /** The controller gave up (ProgressDeadlineExceeded): waiting longer will not help. */
  failed: boolean;
  updated: number;
  available: number;
  desired: number;
  message: string;
}

/**
 * A Deployment's rollout, read the way `kubectl rollout status` reads it: the controller must have
 * seen the newest spec, every replica must run it, old ones must be gone and the new ones available.
 */
export function rolloutStatusOf(d: Deployment): RolloutStatus {
  const desired = d.spec.replicas ?? 1;
  const s = d.status ?? {};
  const updated = s.updatedReplicas ?? 0;
  const available = s.availableReplicas ?? 0;
  const base = { updated, available, desired };
  const generation = (d.metadata as { generation?: number }).generation ?? 0;
  const progressing = s.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    return { ...base, ready: false, failed: true, message: `The rollout failed: ${progressing.message ?? 'no progress before the deadline'}.` };
  }
  if (generation > (s.observedGeneration ?? 0)) return { ...base, ready: false, failed: false, message: 'Waiting for the controller to see the new spec.' };
  if (updated < desired) return { ...base, ready: false, failed: false, message: `${updated} of ${desired} replicas run the new version.` };
  if ((s.replicas ?? 0) > updated) return { ...base, ready: false, failed: false, message: `${(s.replicas ?? 0) - updated} old replicas are still stopping.` };
  if (available < updated) return { ...base, ready: false, failed: false, message: `${available} of ${updated} new replicas are available.` };
  return { ...base, ready: true, failed: false, message: `${available} of ${desired} replicas run the new version and are available.` };
}

/** An InferenceService's Ready condition, and its message when it is not. */
export function inferenceServiceReady(isvc: KubeObject): { ready: boolean; message: string } {
  const conditions = (isvc.status as { conditions?: Array<{ type: string; status: string; message?: string; reason?: string }> } | undefined)?.conditions ?? [];
  const ready = conditions.find((c) => c.type === 'Ready');
  if (ready?.status === 'True') return { ready: true, message: 'The InferenceService is ready.' };
  return { ready: false, message: ready?.message ?? ready?.reason ?? 'Waiting for KServe to report the InferenceService ready.' };
}
