import { MlcycleError } from '../../../../shared/contract/errors';
import type { KubeClient } from './client';
import { FIELD_MANAGER } from './render';
import type { KubeObject } from './types';

/**
 * The transaction every deploy runs: read what is there, apply the new objects, wait, smoke-test,
 * and on any failure put back exactly what was there before (or delete what this deploy created).
 */

export type DeployStep = 'check' | 'apply' | 'rollout' | 'smoke-test' | 'rollback';
export type StepOutcome = 'started' | 'ok' | 'failed' | 'skipped';
export type OnStep = (step: DeployStep, outcome: StepOutcome, message: string) => void;

export interface WaitOptions {
  /** How long the rollout may take before it counts as failed (default five minutes). */
  timeoutMs?: number;
  /** Between two looks at the rollout (default two seconds). */
  pollMs?: number;
  /** Cancels the deploy; what was applied is rolled back. */
  signal?: AbortSignal;
  /** For tests: time without waiting. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export interface DeployResult {
  ok: boolean;
  /** The step that failed, when one did. */
  failedStep: DeployStep | null;
  /** What a failure left behind: the previous objects re-applied, or the new ones deleted. */
  rolledBack: 'previous' | 'deleted' | null;
  message: string;
}

/** Poll result: done, still waiting (with why), or failed for good. */
export type Progress = { done: true; message: string } | { done: false; failed: boolean; message: string };

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `look` until done, failed, timed out or cancelled; resolves with the failure in words, or null. */
export async function waitUntil(look: () => Promise<Progress>, onProgress: (message: string) => void, options: WaitOptions): Promise<string | null> {
  const { timeoutMs = 300_000, pollMs = 2_000, signal, sleep = defaultSleep, now = Date.now } = options;
  const deadline = now() + timeoutMs;
  let last = '';
  for (;;) {
    if (signal?.aborted) return 'the deploy was cancelled';
    const p = await look();
    if (p.done) return null;
    if (p.failed) return p.message;
    if (p.message !== last) onProgress((last = p.message));
    if (now() >= deadline) return `not ready after ${Math.round(timeoutMs / 1000)} s: ${p.message}`;
    await sleep(pollMs);
  }
}

export const isManagedByUs = (o: KubeObject) => o.metadata.labels?.['app.kubernetes.io/managed-by'] === FIELD_MANAGER;

/**
 * An object as read from the server, made fit to apply again: server-set metadata and status go;
 * so does the replica count where an autoscaler owns it, and the controller's revision annotation.
 */
export function restorable(previous: KubeObject, keepReplicas: boolean): KubeObject {
  const { name, namespace, labels, annotations } = previous.metadata;
  const { status: _status, metadata: _metadata, ...rest } = previous;
  const kept = { ...annotations };
  delete kept['deployment.kubernetes.io/revision'];
  delete kept['kubectl.kubernetes.io/last-applied-configuration'];
  const out: KubeObject = { ...rest, metadata: { name, namespace, ...(labels ? { labels } : {}), ...(Object.keys(kept).length ? { annotations: kept } : {}) } };
  if (!keepReplicas && out.kind === 'Deployment' && out.spec && typeof out.spec === 'object') {
    const { replicas: _replicas, ...spec } = out.spec as Record<string, unknown>;
    out.spec = spec;
  }
  return out;
}

const label = (o: KubeObject) => `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`;

export interface Transaction {
  objects: KubeObject[];
  /** Waits for the new objects to run; returns the failure in words, or null. */
  wait: (onProgress: (message: string) => void) => Promise<string | null>;
  /** null: no smoke test. Returns the failure in words, or null. */
  smoke: (() => Promise<string | null>) | null;
  /** Whether a restored Deployment keeps its replica count (not when an autoscaler owns it). */
  keepReplicas: boolean;
}

export async function applyWithRollback(client: KubeClient, t: Transaction, onStep: OnStep, wait: WaitOptions): Promise<DeployResult> {
  onStep('check', 'started', `Reading what is deployed now (${t.objects.map(label).join(', ')}).`);
  const previous = new Map<KubeObject, KubeObject | null>();
  for (const o of t.objects) previous.set(o, await client.get(o.apiVersion, o.kind, o.metadata.namespace!, o.metadata.name));
  const foreign = [...previous.values()].filter((p): p is KubeObject => p !== null && !isManagedByUs(p));
  if (foreign.length) {
    const message = `${foreign.map(label).join(', ')} exist${foreign.length === 1 ? 's' : ''} and ${foreign.length === 1 ? 'is' : 'are'} not managed by MLCycle: choose another name or namespace.`;
    onStep('check', 'failed', message);
    throw new MlcycleError('CONFLICT', message, { objects: foreign.map(label) });
  }
  const existing = [...previous.values()].filter(Boolean).length;
  onStep('check', 'ok', existing ? `${existing} of ${t.objects.length} objects exist and will be updated.` : 'Nothing is deployed here yet.');

  const fail = async (step: DeployStep, message: string): Promise<DeployResult> => {
    onStep(step, 'failed', message);
    const rolledBack = await rollBack(client, previous, t, onStep, wait);
    return { ok: false, failedStep: step, rolledBack, message: `${message}${rolledBack === 'previous' ? ' The previous version was restored.' : rolledBack === 'deleted' ? ' What this deploy created was deleted.' : ''}` };
  };

  onStep('apply', 'started', `Applying ${t.objects.length} objects (server-side apply, field manager ${FIELD_MANAGER}).`);
  for (const o of t.objects) {
    try {
      await client.apply(o);
    } catch (error) {
      return fail('apply', `Applying ${label(o)} failed: ${(error as Error).message}`);
    }
  }
  onStep('apply', 'ok', `Applied ${t.objects.map(label).join(', ')}.`);

  onStep('rollout', 'started', 'Waiting for the new version to run.');
  let waitFailure: string | null;
  try {
    waitFailure = await t.wait((m) => onStep('rollout', 'started', m));
  } catch (error) {
    waitFailure = (error as Error).message;
  }
  if (waitFailure) return fail('rollout', `The rollout did not finish: ${waitFailure}.`);
  onStep('rollout', 'ok', 'The new version runs.');

  if (!t.smoke) onStep('smoke-test', 'skipped', 'No smoke-test rows were given.');
  else {
    onStep('smoke-test', 'started', 'Scoring the smoke-test rows through the Service.');
    let problem: string | null;
    try {
      problem = await t.smoke();
    } catch (error) {
      problem = (error as Error).message;
    }
    if (problem) return fail('smoke-test', `The smoke test failed: ${problem}.`);
    onStep('smoke-test', 'ok', 'The smoke-test rows scored as expected.');
  }
  return { ok: true, failedStep: null, rolledBack: null, message: 'Deployed.' };
}

/** Each object back as it was; objects this deploy created are deleted, last applied first. */
async function rollBack(client: KubeClient, previous: Map<KubeObject, KubeObject | null>, t: Transaction, onStep: OnStep, wait: WaitOptions): Promise<'previous' | 'deleted' | null> {
  const hadAny = [...previous.values()].some(Boolean);
  onStep('rollback', 'started', hadAny ? 'Restoring the previous version.' : 'Deleting what this deploy created.');
  const problems: string[] = [];
  for (const o of [...t.objects].reverse()) {
    const before = previous.get(o) ?? null;
    try {
      if (before) await client.apply(restorable(before, t.keepReplicas));
      else await client.delete(o.apiVersion, o.kind, o.metadata.namespace!, o.metadata.name);
    } catch (error) {
      problems.push(`${label(o)}: ${(error as Error).message}`);
    }
  }
  if (problems.length) {
    onStep('rollback', 'failed', `The rollback left things half done: ${problems.join('; ')}`);
    return null;
  }
  if (hadAny) {
    // Best effort: the previous version was running, so it should come back; say so if it does not.
    const failure = await t.wait((m) => onStep('rollback', 'started', m)).catch((error: Error) => error.message);
    if (failure && !wait.signal?.aborted) onStep('rollback', 'failed', `The previous version was re-applied but is not running yet: ${failure}.`);
    else onStep('rollback', 'ok', 'The previous version was re-applied.');
    return 'previous';
  }
  onStep('rollback', 'ok', 'What this deploy created was deleted.');
  return 'deleted';
}
