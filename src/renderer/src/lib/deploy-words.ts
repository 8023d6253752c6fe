import type { Deployment, Target, TargetKind } from '../../../shared/deploy/models';

/** How the Deploy workspace words targets and deployments: pure functions, the same in every view. */

export const KIND_WORDS: Record<TargetKind, string> = {
  local: 'Local server',
  server: 'Remote MLCycle server',
  kubernetes: 'Kubernetes',
};

export const DEPLOYMENT_STATUS_WORDS: Record<Deployment['status'], string> = {
  deploying: 'Deploying',
  live: 'Live',
  failed: 'Failed',
  rolled_back: 'Rolled back',
  undeployed: 'Undeployed',
};

/** The badge tone of a status: live is good news, a rollback a warning, a failure an error. */
export const DEPLOYMENT_STATUS_TONE: Record<Deployment['status'], 'pass' | 'warn' | 'fail' | 'neutral'> = {
  deploying: 'neutral',
  live: 'pass',
  failed: 'fail',
  rolled_back: 'warn',
  undeployed: 'neutral',
};

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/** Where a target is, in a few words: "loopback, any free port", "https://models.example.com", "prod / ml-serving". */
export function whereOf(target: Target): string {
  const c = target.config;
  if (target.kind === 'local') return Number(c.port) === 0 ? 'this machine, any free port' : `this machine, port ${text(c.port)}`;
  if (target.kind === 'server') return text(c.url);
  return `context ${text(c.context)}, namespace ${text(c.namespace)}`;
}

/** What a server target's secrets look like in a list: never the token itself. */
export function secretsOf(target: Target): string | null {
  if (target.kind !== 'server') return null;
  const parts = [target.hasToken ? 'token set' : 'no token on this machine'];
  if (typeof target.config.caCert === 'string' && target.config.caCert) parts.push('custom CA');
  return parts.join(', ');
}

/** An input of the served model: its name and whether it takes numbers or strings. */
export interface ExampleInput {
  name: string;
  numeric: boolean;
}

/**
 * A one-row Open Inference Protocol v2 request for the model's inputs, as a curl command. Placeholder
 * values (0, "value") mark where the caller's row goes; the URL is the deployment's infer endpoint.
 */
export function curlExample(url: string, inputs: readonly ExampleInput[]): string {
  // One input per line: readable, and still one JSON document.
  const lines = inputs.map((i) => `    ${JSON.stringify({ name: i.name, shape: [1], datatype: i.numeric ? 'FP64' : 'BYTES', data: [i.numeric ? 0 : 'value'] })}`);
  const body = `{"inputs": [\n${lines.join(',\n')}\n  ]}`.replace(/'/g, "'\\''");
  return `curl -s -X POST '${url}' \\\n  -H 'Content-Type: application/json' \\\n  -d '${body}'`;
}

/** The model's metadata (its inputs and outputs) lives one path above the infer endpoint. */
export const metadataUrl = (inferUrl: string) => inferUrl.replace(/\/infer$/, '');

/**
 * What to do about a failed check, for the errors people meet most: nothing listening, a wrong host
 * name, a refused token, an untrusted certificate. Null when the engine's words say it all.
 */
export function hintFor(message: string): string | null {
  if (/ECONNREFUSED/.test(message)) return 'Nothing answers at that address: check that the server is running and that the host and port are right.';
  if (/ENOTFOUND|EAI_AGAIN/.test(message)) return 'The host name does not resolve: check the URL for typos, or use an IP address.';
  if (/ETIMEDOUT|no answer within/.test(message)) return 'The server did not answer in time: a firewall may be dropping the connection.';
  if (/answered 401|answered 403/.test(message)) return 'The server refused the admin token: edit the target and enter the contents of the server’s --token-file.';
  if (/self[- ]signed|certificate|UNABLE_TO_VERIFY/i.test(message)) return 'The server’s certificate is not trusted: edit the target and paste its CA certificate (PEM).';
  return null;
}

/**
 * The live deployment, else the one that served last (latest to end): after an undeploy that is
 * the undeployed version, not a newer one that was rolled back earlier.
 */
export function lastServed(deployments: readonly Deployment[]): Deployment | null {
  if (!deployments.length) return null;
  const live = deployments.find((d) => d.status === 'live');
  if (live) return live;
  const ended = (d: Deployment) => d.endedAt ?? d.createdAt;
  return [...deployments].sort((a, b) => (ended(a) < ended(b) ? 1 : ended(a) > ended(b) ? -1 : 0))[0]!;
}
