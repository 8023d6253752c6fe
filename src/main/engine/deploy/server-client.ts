import http from 'node:http';
import https from 'node:https';

export interface ServerEndpoint {
  url: string;
  token: string | null;
  /** PEM to trust (a private CA or the server's self-signed certificate). */
  caCert?: string;
}

export interface HttpReply {
  status: number;
  body: unknown;
  text: string;
}

/** Something went wrong talking to a server: unreachable, refused, or an {error} answer. */
export class ServerCallError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
  }
}

const TIMEOUT_MS = 30_000;

/**
 * A client for a remote `mlcycle serve`: health, the admin API (with the bearer token), inference
 * and /metrics. Errors say which server and what it answered, for the deployment timeline.
 */
export class ServerClient {
  constructor(private readonly endpoint: ServerEndpoint) {}

  get url(): string {
    return this.endpoint.url.replace(/\/+$/, '');
  }

  call(method: string, path: string, body?: Buffer | string | object, admin = false, contentType = 'application/json'): Promise<HttpReply> {
    const url = new URL(`${this.url}${path}`);
    const payload = body === undefined ? undefined : Buffer.isBuffer(body) || typeof body === 'string' ? body : JSON.stringify(body);
    const headers: Record<string, string | number> = { 'Content-Type': contentType };
    if (payload !== undefined) headers['Content-Length'] = Buffer.byteLength(payload);
    if (admin && this.endpoint.token) headers.Authorization = `Bearer ${this.endpoint.token}`;
    const lib = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = lib.request(url, { method, headers, agent: false, timeout: TIMEOUT_MS, ...(this.endpoint.caCert ? { ca: this.endpoint.caCert } : {}) }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = null;
          try {
            parsed = JSON.parse(text);
          } catch {
            parsed = null;
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, text });
        });
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
      req.on('error', (error) => reject(new ServerCallError(`${this.url} cannot be reached (${error.message}): ${unreachableHint(error as NodeJS.ErrnoException)}`, null)));
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }

  /** Calls and insists on a 2xx answer, turning {error} bodies into a ServerCallError. */
  async ok(method: string, path: string, body?: Buffer | string | object, admin = false, contentType?: string): Promise<unknown> {
    const reply = await this.call(method, path, body, admin, contentType);
    if (reply.status >= 200 && reply.status < 300) return reply.body;
    const why = (reply.body as { error?: string } | null)?.error ?? reply.text.slice(0, 200);
    throw new ServerCallError(`${this.url}${path} answered ${reply.status}: ${why}`, reply.status);
  }

  live(): Promise<unknown> {
    return this.ok('GET', '/v2/health/live');
  }

  models(): Promise<{ models: Array<{ name: string; versions: string[]; active: string; previous: string | null; canary: { version: string; percent: number } | null }> }> {
    return this.ok('GET', '/v2/admin/models', undefined, true) as never;
  }

  upload(pkg: Buffer, activate: boolean): Promise<{ name: string; version: string; active: boolean }> {
    return this.ok('POST', `/v2/admin/packages${activate ? '?activate=true' : ''}`, pkg, true, 'application/zip') as never;
  }

  activate(model: string, version: string): Promise<unknown> {
    return this.ok('POST', `/v2/admin/models/${encodeURIComponent(model)}/activate`, { version }, true);
  }

  rollback(model: string): Promise<{ active: string }> {
    return this.ok('POST', `/v2/admin/models/${encodeURIComponent(model)}/rollback`, {}, true) as never;
  }

  unload(model: string): Promise<unknown> {
    return this.ok('POST', `/v2/admin/models/${encodeURIComponent(model)}/unload`, {}, true);
  }

  infer(model: string, version: string | null, request: object): Promise<{ model_version: string; outputs: Array<{ name: string; data: Array<number | string | null> }> }> {
    const path = version ? `/v2/models/${encodeURIComponent(model)}/versions/${encodeURIComponent(version)}/infer` : `/v2/models/${encodeURIComponent(model)}/infer`;
    return this.ok('POST', path, request) as never;
  }

  async metrics(): Promise<string> {
    const reply = await this.call('GET', '/metrics');
    if (reply.status !== 200) throw new ServerCallError(`${this.url}/metrics answered ${reply.status}`, reply.status);
    return reply.text;
  }
}

/** What to check when a server does not answer, by how the connection failed. */
function unreachableHint(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'nothing listens there: start `mlcycle serve` on that machine, or correct the URL and port of the target';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve: correct the URL of the target, or check the network and DNS';
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'no answer from that address: check that the machine is up and that a firewall lets this port through';
    case 'ECONNRESET':
      return 'the connection was cut: check that the URL uses https:// when the server has TLS (and http:// when it has not)';
    default:
      return /certificate|self[- ]signed|CERT/i.test(error.message) ? 'its TLS certificate is not trusted: give the target its CA or self-signed certificate (--ca)' : 'check the URL of the target and that the server runs';
  }
}
