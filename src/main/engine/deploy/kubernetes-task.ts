import type { DeployEvent } from '../../../shared/deploy/models';
import type { Task } from '../jobs/tasks/types';
import type { Signature } from '../registry/package-docs';
import type { DeployOutcome } from './deploy-task';
import { openKubeClient } from './kubernetes/client';
import { deployToKubernetes } from './kubernetes/deploy-kubernetes';
import type { KubernetesDeployInput } from './kubernetes/render';
import { signatureColumns } from './signature-rows';

export interface KubernetesDeployParams {
  kubeconfig: string | null;
  context: string;
  input: KubernetesDeployInput;
  signature: Signature;
}

/** The signature's smoke rows as records keyed by input name. */
function signatureRows(signature: Signature): Array<Record<string, unknown>> {
  const columns = signatureColumns(signature);
  return [0, 1, 2].map((i) => Object.fromEntries(columns.map((c) => [c.name, c.values[i]])));
}

/**
 * Worker task: applies the rendered objects through the Kubernetes API (server-side apply), waits
 * for the rollout, smoke-tests through the Service and rolls back on failure; each step becomes an
 * event of the deployment.
 */
export const kubernetesDeployTask: Task<KubernetesDeployParams, DeployOutcome> = async (params, ctx) => {
  const events: DeployEvent[] = [];
  const client = await openKubeClient({ ...(params.kubeconfig ? { kubeconfigPath: params.kubeconfig } : {}), context: params.context });
  const fractions: Record<string, number> = { check: 0.05, apply: 0.2, rollout: 0.4, 'smoke-test': 0.8, rollback: 0.9 };
  const result = await deployToKubernetes(
    client,
    params.input,
    { signature: params.signature, rows: signatureRows(params.signature) },
    (step, outcome, message) => {
      ctx.progress(fractions[step] ?? 0.5, step);
      if (outcome === 'started') return;
      events.push({ at: new Date().toISOString(), step, outcome: outcome === 'failed' ? 'error' : outcome === 'ok' ? 'ok' : 'info', message });
      ctx.log(`${step}: ${message}`, outcome === 'failed' ? 'error' : 'info');
    },
    { signal: ctx.signal },
  );
  const url = `http://${result.service.name}.${result.service.namespace}.svc:${result.service.port}/v2/models/${params.signature.model}/infer`;
  if (result.ok) events.push({ at: new Date().toISOString(), step: 'live', outcome: 'ok', message: `${params.signature.model} v${params.signature.version} answers inside the cluster at ${url}` });
  return { status: result.ok ? 'live' : result.rolledBack ? 'rolled_back' : 'failed', url, model: params.signature.model, version: params.signature.version, events };
};
