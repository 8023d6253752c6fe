import { z } from 'zod';
import { GateReport } from '../governance/gates';
import { ROLES } from '../governance/people';
import { ParityReport } from '../package/models';

/** The alias that means "in production": moving it is a promotion, and promotions run the gates. */
export const PRODUCTION_ALIAS = 'champion';

/** Registered-model names double as the served model's name (URL path segment), so they are kept URL-safe. */
export const ModelName = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_.-]{0,63}$/, 'a model name is 1–64 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit');

export const AliasName = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{0,31}$/, 'an alias is 1–32 lower-case letters, digits, "_" or "-", starting with a letter (e.g. champion, challenger)');

export const Tag = z.string().trim().min(1, 'a tag cannot be empty').max(64, 'a tag is at most 64 characters');

export const Approval = z.object({
  id: z.number().int(),
  /** The approver as the project's people list names them. */
  by: z.string(),
  role: z.enum(ROLES),
  comment: z.string(),
  at: z.string(),
});
export type Approval = z.infer<typeof Approval>;

export const RegisteredModel = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  tags: z.array(z.string()),
  /** alias → version number. */
  aliases: z.record(z.string(), z.number().int()),
  versions: z.number().int(),
  latestVersion: z.number().int().nullable(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type RegisteredModel = z.infer<typeof RegisteredModel>;

/** One immutable, numbered version: a signed package of one run, with the evidence its gates read. */
export const ModelVersion = z.object({
  id: z.string(),
  model: z.string(),
  version: z.number().int().positive(),
  runId: z.string(),
  runName: z.string(),
  /** The learner kind, e.g. gbdt. */
  learner: z.string(),
  task: z.string(),
  datasetVersionId: z.string(),
  /** name@version of the dataset the run trained on. */
  dataset: z.string(),
  splitId: z.string().nullable(),
  /** The signed .mlpkg in the project's artifacts. */
  packageSha256: z.string(),
  packageBytes: z.number().int(),
  /** Key id of the ed25519 key that signed the package. */
  signer: z.string(),
  parity: ParityReport,
  /** Metric id → value on the test split (null where the run has none). */
  testMetrics: z.record(z.string(), z.number().nullable()),
  /** p99 of single-row onnxruntime latency, measured at registration. */
  latencyP99Ms: z.number().nullable(),
  /** model.onnx size in MB (10^6 bytes). */
  modelSizeMb: z.number(),
  description: z.string(),
  tags: z.array(z.string()),
  aliases: z.array(z.string()),
  approvals: z.array(Approval),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type ModelVersion = z.infer<typeof ModelVersion>;

/** Where a version came from and where it went: dataset version → split → run → package → version → deployments. */
export const LineageNode = z.object({
  id: z.string(),
  kind: z.enum(['dataset', 'split', 'run', 'package', 'version', 'deployment']),
  label: z.string(),
  detail: z.string(),
});
export const Lineage = z.object({
  nodes: z.array(LineageNode),
  edges: z.array(z.object({ from: z.string(), to: z.string() })),
});
export type Lineage = z.infer<typeof Lineage>;

export const AliasChange = z.object({ alias: z.string(), version: z.number().int().nullable(), previous: z.number().int().nullable(), at: z.string(), by: z.string() });
export type AliasChange = z.infer<typeof AliasChange>;

/** Everything the version page shows. */
export const VersionDetail = z.object({
  version: ModelVersion,
  /** The model card from the package (markdown). */
  modelCard: z.string(),
  /** The gates a promotion of this version to the production alias would run now. */
  gates: GateReport,
  lineage: Lineage,
  /** Alias moves that concern this model, newest first. */
  aliasHistory: z.array(AliasChange),
});
export type VersionDetail = z.infer<typeof VersionDetail>;

export const PromoteResult = z.object({ version: ModelVersion, alias: z.string(), previous: z.number().int().nullable(), gates: GateReport });
export type PromoteResult = z.infer<typeof PromoteResult>;
