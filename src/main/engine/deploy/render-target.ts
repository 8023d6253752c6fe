import { MlcycleError } from '../../../shared/contract/errors';
import type { Signature } from '../registry/package-docs';
import type { StoredConfig } from './deploy-repo';
import { renderInferenceService } from './kubernetes/kserve';
import { manifestObjects, renderManifests, toYaml, type KubernetesDeployInput } from './kubernetes/render';
import type { KubeObject } from './kubernetes/types';

/** What a Kubernetes deploy of one version needs beyond the target's settings. */
export interface VersionToRender {
  signature: Signature;
  packageSha256: string;
  /** The key that signed the package, trusted by the pods. */
  signer: { name: string; publicKey: string };
}

const fill = (template: string, s: Signature) => template.replaceAll('{model}', s.model).replaceAll('{version}', s.version);

/** The render input for a target and version; a missing package URL is named with how to set it. */
export function kubernetesInput(target: StoredConfig, v: VersionToRender): KubernetesDeployInput {
  if (typeof target.packageUrl !== 'string' || !target.packageUrl) {
    throw new MlcycleError('INVALID_ARGUMENT', 'Pods download the package from a URL you host: set the target’s package URL (mlcycle targets add NAME --kind kubernetes … --package-url https://artifacts.example.com/{model}-{version}.mlpkg --replace), and upload the file there (mlcycle registry export MODEL VERSION --out FILE.mlpkg).', { field: 'packageUrl' });
  }
  return {
    name: v.signature.model,
    version: v.signature.version,
    namespace: target.namespace as string,
    ...(typeof target.image === 'string' && target.image ? { image: target.image } : {}),
    packageUrl: fill(target.packageUrl, v.signature),
    packageSha256: v.packageSha256,
    trustedKeys: [v.signer],
    replicas: (target.replicas as number | undefined) ?? 2,
  };
}

/** The manifests a deploy would apply (plus a KServe InferenceService when the target asks for one), as YAML. */
export function renderForTarget(target: StoredConfig, v: VersionToRender): string {
  const objects: KubeObject[] = manifestObjects(renderManifests(kubernetesInput(target, v)));
  if (target.kserve) {
    if (typeof target.storageUri !== 'string' || !target.storageUri) {
      throw new MlcycleError('INVALID_ARGUMENT', 'A KServe InferenceService needs a model repository URI (s3://…, gs://…, pvc://…) holding <model>/1/model.onnx: set the target’s storage URI (--storage-uri).', { field: 'storageUri' });
    }
    objects.push(renderInferenceService({ name: v.signature.model, version: v.signature.version, namespace: target.namespace as string, storageUri: fill(target.storageUri, v.signature) }));
  }
  return toYaml(objects);
}
