import { z } from 'zod';
import { Job } from '../contract/models';
import { ScoreFiles } from '../package/methods';
import { AliasName, Approval, ModelName, ModelVersion, PromoteResult, RegisteredModel, Tag, VersionDetail } from './models';

/** A version by number, or by an alias it holds ("champion", "challenger", …). */
const VersionRef = z.union([z.number().int().positive('versions are numbered from 1'), AliasName]);
const model = z.string().trim().min(1, 'name the registered model');

/** The model registry: numbered versions of signed packages, movable aliases, approvals and gated promotion. */
export const registryMethods = {
  'registry.list': { args: z.object({}).strict(), result: z.array(RegisteredModel), mutates: false },
  'registry.versions': { args: z.object({ model }).strict(), result: z.array(ModelVersion), mutates: false },
  /** Every registered version made from a run (a run may be registered under several models). */
  'registry.ofRun': { args: z.object({ run: z.string().min(1, 'name a run (id or name)') }).strict(), result: z.array(ModelVersion), mutates: false },
  'registry.version': { args: z.object({ model, version: VersionRef }).strict(), result: VersionDetail, mutates: false },
  /**
   * Starts a job that packages the run (ONNX export, parity on the full test split, signing) and, when
   * parity passes, stores the package and registers it as the next version of `model` (created if new;
   * default name: the run's name made URL-safe). A failed parity registers nothing and names the worst
   * rows. The job's result is the ModelVersion.
   */
  'registry.register': {
    args: z
      .object({
        run: z.string().min(1, 'name a run (id or name)'),
        model: ModelName.optional(),
        description: z.string().max(5000).default(''),
        tags: z.array(Tag).max(50).default([]),
      })
      .strict(),
    result: Job,
    mutates: true,
  },
  /** Sets the description and/or tags of a model (no version) or of one version. */
  'registry.describe': {
    args: z
      .object({ model, version: VersionRef.optional(), description: z.string().max(5000).optional(), tags: z.array(Tag).max(50).optional() })
      .strict(),
    result: z.union([RegisteredModel, ModelVersion]),
    mutates: true,
  },
  /**
   * Points an alias at a version (or removes it with version null). The production alias cannot be
   * set here: moving it is a promotion, which runs the gates.
   */
  'registry.alias': {
    args: z.object({ model, alias: AliasName, version: z.number().int().positive().nullable() }).strict(),
    result: RegisteredModel,
    mutates: true,
  },
  /** Records the caller's approval of a version (who is looked up in the project's people, for the role). */
  'registry.approve': {
    args: z.object({ model, version: VersionRef, comment: z.string().trim().max(2000).default('') }).strict(),
    result: Approval,
    mutates: true,
  },
  /** Runs the gates for the version and, when every required one passes, moves the production alias to it; a refusal names each failed gate and why. */
  'registry.promote': {
    args: z.object({ model, version: VersionRef }).strict(),
    result: PromoteResult,
    mutates: true,
  },
  /** Writes the version's signed package to `out`: a new folder, or a file ending in .mlpkg. */
  'registry.export': {
    args: z.object({ model, version: VersionRef, out: z.string().trim().min(1, 'name the folder or .mlpkg file to write') }).strict(),
    result: z.object({ out: z.string(), bytes: z.number().int(), sha256: z.string() }),
    mutates: false,
  },
  /** Starts a models.score job over the version's stored package (see models.score). */
  'registry.score': {
    args: ScoreFiles.extend({ model, version: VersionRef }).strict(),
    result: Job,
    mutates: false,
  },
} as const;
