import { MlcycleError } from '../../../../shared/contract/errors';
import { checkDnsLabel, checkQuantity, checkWhole, kubernetesName } from './names';
import { commonLabels } from './render';
import type { InferenceService, Resources } from './types';

/**
 * For clusters with KServe: an InferenceService that serves the package's model.onnx on KServe's
 * ONNX runtime (Triton, `kserve-tritonserver`, chosen by modelFormat onnx with protocol v2).
 *
 * Triton does not load a bare model.onnx: it reads a model repository. The storageUri must hold
 * `<served name>/1/model.onnx` (see `kserveModelPath`), and the folder's name is the name Triton
 * serves under, so the same /v2/models/{name}/infer path works as on the MLCycle server. With a
 * bare /mnt/models/model.onnx Triton starts with no models (kserve/kserve#2287).
 *
 * What is lost on this path: the package signature is not checked (KServe only downloads the graph),
 * and there is no MLCycle prediction log; the MLCycle-server Deployment keeps both.
 */

export interface KServeInput {
  /** The served model name: also the model folder name inside the repository at storageUri. */
  name: string;
  resourceName?: string;
  version: string;
  namespace: string;
  /** A Triton model repository KServe can download (s3://, gs://, pvc://, https:// …). */
  storageUri: string;
  /** Pin a ServingRuntime; by default KServe picks one for onnx + v2. */
  runtime?: string;
  resources?: Resources;
  minReplicas?: number;
  maxReplicas?: number;
}

/** Triton itself needs more memory than the MLCycle server (its runtime asks 1 CPU and 2Gi). */
export const KSERVE_DEFAULT_RESOURCES: Required<Resources> = { requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1', memory: '2Gi' } };

/** Where the graph goes inside the repository at storageUri. */
export function kserveModelPath(servedName: string): string {
  return `${servedName}/1/model.onnx`;
}

export function renderInferenceService(input: KServeInput): InferenceService {
  // KServe appends '-predictor' (and more in serverless mode) to make its Service names.
  const name = checkDnsLabel(input.resourceName ?? kubernetesName(input.name, 45), 'resourceName', 45);
  checkDnsLabel(input.namespace, 'namespace');
  if (!/^[a-zA-Z0-9_.-]{1,128}$/.test(input.name)) throw new MlcycleError('INVALID_ARGUMENT', `'${input.name}' cannot be a Triton model folder name: letters, digits, '_', '.', '-'.`, { field: 'name' });
  if (!/^[a-z][a-z0-9+.-]*:\/\/\S+$/.test(input.storageUri)) throw new MlcycleError('INVALID_ARGUMENT', `storageUri '${input.storageUri}' is not a URI KServe can download (s3://, gs://, pvc://, https://…).`, { field: 'storageUri' });
  const min = checkWhole(input.minReplicas ?? 1, 'minReplicas', 0);
  const max = checkWhole(input.maxReplicas ?? Math.max(min, 3), 'maxReplicas', Math.max(min, 1));
  const resources: Resources = { requests: { ...KSERVE_DEFAULT_RESOURCES.requests, ...input.resources?.requests }, limits: { ...KSERVE_DEFAULT_RESOURCES.limits, ...input.resources?.limits } };
  for (const kind of ['requests', 'limits'] as const) for (const [k, v] of Object.entries(resources[kind]!)) checkQuantity(v, `resources.${kind}.${k}`);
  return {
    apiVersion: 'serving.kserve.io/v1beta1',
    kind: 'InferenceService',
    metadata: { name, namespace: input.namespace, labels: commonLabels(name, input.version), annotations: { 'mlcycle.dev/served-model': input.name } },
    spec: {
      predictor: {
        minReplicas: min,
        maxReplicas: max,
        model: {
          modelFormat: { name: 'onnx' },
          protocolVersion: 'v2',
          storageUri: input.storageUri,
          ...(input.runtime ? { runtime: input.runtime } : {}),
          resources,
        },
      },
    },
  };
}
