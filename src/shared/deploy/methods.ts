import { z } from 'zod';
import { Job } from '../contract/models';
import { Deployment, Target, TargetConfigInput, TargetName, TargetStatus, TargetTest } from './models';

const target = z.string().trim().min(1, 'name the target');
const VersionRef = z.union([z.number().int().positive(), z.string().trim().min(1)]);

/** Deploy targets stored in the project, and deployments of registry versions to them. */
export const deployMethods = {
  'targets.list': { args: z.object({}).strict(), result: z.array(Target), mutates: false },
  /** Adds a target, or replaces the settings of one with the same name (`replace: true`). */
  'targets.add': { args: z.object({ name: TargetName, config: TargetConfigInput, replace: z.boolean().default(false) }).strict(), result: Target, mutates: true },
  'targets.remove': { args: z.object({ target }).strict(), result: z.null(), mutates: true },
  /** Checks that the target can be reached and used: each check with what it found. */
  'targets.test': { args: z.object({ target }).strict(), result: TargetTest, mutates: true },
  /**
   * Starts a job that deploys a registry version (number or alias) to a target: for local, starts the
   * server if needed; then pushes the signed package, activates it, smoke-tests it with rows from the
   * version's test split against the package's own predictions, and rolls back when that fails.
   * The job's result is the Deployment. A package file from elsewhere (`package`) is verified against
   * your trusted keys and smoke-tested with rows built from its signature.
   */
  'deploy.start': {
    args: z
      .object({ target, model: z.string().trim().min(1).optional(), version: VersionRef.optional(), package: z.string().trim().min(1).optional() })
      .strict()
      .refine((a) => (a.package ? !a.model && a.version === undefined : Boolean(a.model) && a.version !== undefined), 'name a registered version (model and version) or a package file, not both'),
    result: Job,
    mutates: true,
  },
  'deploy.list': { args: z.object({ target: target.optional() }).strict(), result: z.array(Deployment), mutates: false },
  'deploy.status': { args: z.object({ target }).strict(), result: TargetStatus, mutates: false },
  /** Back to the version active before the last deploy on this target. */
  'deploy.rollback': { args: z.object({ target }).strict(), result: Deployment, mutates: true },
  /** Takes the model off the target (stops a local server). */
  'deploy.undeploy': { args: z.object({ target }).strict(), result: Deployment.nullable(), mutates: true },
  /** The Kubernetes manifests a deploy to this target would apply, as YAML (for GitOps). */
  'deploy.render': { args: z.object({ target, model: z.string().trim().min(1), version: VersionRef }).strict(), result: z.object({ yaml: z.string() }), mutates: false },
} as const;
