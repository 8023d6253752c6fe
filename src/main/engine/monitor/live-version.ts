import { MlcycleError } from '../../../shared/contract/errors';
import type { Deployment, Target } from '../../../shared/deploy/models';
import type { ModelVersion } from '../../../shared/registry/models';
import type { ReferenceProfile } from '../registry/reference-profile';
import { readPackage } from '../signing/verify';
import type { ProjectStore } from '../store/project-store';

export interface LiveVersion {
  target: Target;
  deployment: Deployment;
  version: ModelVersion;
  /** The package's reference profile (the training split's distributions). */
  reference: ReferenceProfile;
  /** The collected Parquet files of this target's model, oldest first. */
  files: string[];
}

/** What a target serves now, with what monitoring compares it against and what was collected from it. */
export function liveVersion(store: ProjectStore, targetName: string): LiveVersion {
  const target = store.deploy.target(targetName);
  const deployment = store.deploy.current(target.name);
  if (!deployment) throw new MlcycleError('NOT_FOUND', `Nothing is deployed to ${target.name}: deploy a model version there first.`, { field: 'target' });
  const version = store.registry.version(deployment.model, deployment.version);
  const profile = readPackage(store.artifacts.pathOf(version.packageSha256)).contents.get('reference-profile.json');
  if (!profile) throw new MlcycleError('NOT_FOUND', `${version.model} v${version.version}'s package has no reference profile to compare with.`, { field: 'target' });
  const reference = JSON.parse(Buffer.from(profile).toString('utf8')) as ReferenceProfile;
  const files = store.monitor
    .batches(target.id)
    .filter((b) => b.model === deployment.model)
    .map((b) => store.artifacts.pathOf(b.sha256));
  return { target, deployment, version, reference, files };
}
