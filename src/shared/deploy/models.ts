import { z } from 'zod';

export const TARGET_KINDS = ['local', 'server', 'kubernetes'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const TargetName = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'a target name is 1–63 lower-case letters, digits, "_" or "-"');


/** What a user gives to add a target. Tokens go to the user profile, never into project.db. */
export const TargetConfigInput = z.discriminatedUnion('kind', [
  /** port 0: a free port, chosen when the server starts. */
  z.object({ kind: z.literal('local'), port: z.number().int().min(0).max(65_535, 'a port is from 0 (any free one) to 65535').default(8080) }).strict(),
  z
    .object({
      kind: z.literal('server'),
      url: z.url('the server URL, e.g. https://models.example.com:8443').refine((u) => /^https?:\/\//.test(u), 'the URL starts with https:// (or http:// on a trusted network)'),
      token: z.string().trim().min(8, 'the admin token (the contents of the server’s --token-file, at least 8 characters)'),
      /** PEM of a CA (or the self-signed certificate) to trust for this server. */
      caCert: z.string().trim().optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('kubernetes'),
      context: z.string().trim().min(1, 'the kubeconfig context'),
      namespace: z.string().trim().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, 'a Kubernetes namespace (DNS label)'),
      kubeconfig: z.string().trim().optional(),
      image: z.string().trim().optional(),
      /** Where pods fetch the package from (an http(s) URL you host); `{model}`/`{version}` are filled in. */
      packageUrl: z.string().trim().optional(),
      replicas: z.number().int().min(1).max(100).default(2),
      kserve: z.boolean().default(false),
      /** KServe: a model repository URI (s3://, gs://, pvc://) holding {model}/1/model.onnx. */
      storageUri: z.string().trim().optional(),
    })
    .strict(),
]);
export type TargetConfigInput = z.input<typeof TargetConfigInput>;

/** A stored target as shown: secrets replaced by whether one is set. */
export const Target = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(TARGET_KINDS),
  config: z.record(z.string(), z.unknown()),
  hasToken: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string(),
});
export type Target = z.infer<typeof Target>;

export const CheckResult = z.object({ check: z.string(), ok: z.boolean(), message: z.string() });
export const TargetTest = z.object({ target: z.string(), ok: z.boolean(), checks: z.array(CheckResult) });
export type TargetTest = z.infer<typeof TargetTest>;

export const DEPLOYMENT_STATUSES = ['deploying', 'live', 'failed', 'rolled_back', 'undeployed'] as const;

export const DeployEvent = z.object({ at: z.string(), step: z.string(), outcome: z.enum(['ok', 'error', 'info']), message: z.string() });
export type DeployEvent = z.infer<typeof DeployEvent>;

export const Deployment = z.object({
  id: z.string(),
  target: z.string(),
  kind: z.enum(TARGET_KINDS),
  model: z.string(),
  version: z.number().int(),
  status: z.enum(DEPLOYMENT_STATUSES),
  /** Where the model answers: …/v2/models/{model}/infer. */
  url: z.string().nullable(),
  events: z.array(DeployEvent),
  createdAt: z.string(),
  createdBy: z.string(),
  endedAt: z.string().nullable(),
});
export type Deployment = z.infer<typeof Deployment>;

/** A target's live state, read from the server itself. */
export const TargetStatus = z.object({
  target: z.string(),
  reachable: z.boolean(),
  message: z.string(),
  /** The deployment the project last made here (null when none). */
  deployment: Deployment.nullable(),
  models: z.array(z.object({ name: z.string(), versions: z.array(z.string()), active: z.string(), previous: z.string().nullable(), canary: z.object({ version: z.string(), percent: z.number() }).nullable() })),
  /** From /metrics: requests by outcome, mean latency and in-flight per model version. */
  metrics: z.array(z.object({ model: z.string(), version: z.string(), requests: z.number(), errors: z.number(), meanLatencyMs: z.number().nullable(), p99LatencyMs: z.number().nullable(), inFlight: z.number() })),
});
export type TargetStatus = z.infer<typeof TargetStatus>;
