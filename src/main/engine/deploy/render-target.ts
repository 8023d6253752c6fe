import { MlcycleError } from '../../../shared/contract/errors';
import type { ModelVersion } from '../../../shared/registry/models';
import type { StoredConfig } from './deploy-repo';

/** The Kubernetes manifests for a target and version (filled in by the Kubernetes renderer). */
export function renderForTarget(_target: StoredConfig, _version: ModelVersion): string {
  throw new MlcycleError('INVALID_ARGUMENT', 'Rendering Kubernetes manifests is not available in this build.');
}
