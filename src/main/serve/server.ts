import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { ENGINE_VERSION } from '../engine/version';
import { feedsOf, type Columns } from './columns';
import { HttpError } from './http-error';
import { ServerMetrics, type Outcome } from './metrics';
import { invocationsResponse, parseInvocations } from './mlflow';
import type { ModelSet } from './model-set';
import { inferResponse, parseInferRequest } from './oip';
import type { ServedModel } from './served-model';

export interface ServeOptions {
  models: ModelSet;
  host: string;
  port: number;
  /** PEM certificate and key: HTTPS instead of HTTP. */
  tls?: { cert: Buffer; key: Buffer };
  /** Largest request body accepted (413 above it). */
  maxBodyBytes?: number;
  /** A request not answered within this many ms gets 504 (the model call is left to finish). */
  requestTimeoutMs?: number;
  /** Refuse categories the model never saw (400) instead of scoring them as "other". */
  strictCategories?: boolean;
  /** Extra routes (admin API, prediction log); return true when handled. */
  extraRoutes?: (req: http.IncomingMessage, res: http.ServerResponse, url: URL, body: (limit?: number) => Promise<Buffer>) => Promise<boolean>;
  /** Told of every scored request, for the prediction log. */
  onPrediction?: (p: Prediction) => void;
  log?: (line: string) => void;
}

/** What one scored request was: the monitoring stage reads these from the prediction log. */
export interface Prediction {
  at: string;
  requestId: string | null;
  model: string;
  version: string;
  rows: number;
  latencyMs: number;
  columns: Columns;
  outputs: Record<string, Array<number | string | null>>;
}

export interface RunningServer {
  url: string;
  port: number;
  metrics: ServerMetrics;
  /** Requests received and not yet answered. */
  requestsInFlight(): number;
  /** Stops taking new requests, finishes those in flight (up to `graceMs`), then closes. */
  close(graceMs?: number): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 32 * 1024 * 1024;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

const JSON_HEADERS = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { ...JSON_HEADERS, 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Past this, an oversized body is not even drained: the connection is closed after the 413. */
const DRAIN_FACTOR = 8;

/**
 * Reads the body up to `limit` bytes; a declared or actual size above it is a 413 (the rest is read
 * and dropped, so the client gets the answer instead of a reset, up to DRAIN_FACTOR × the limit), a
 * cut-off upload a 400.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? Number.NaN);
  const tooBig = (what: string) => new HttpError(413, `${what}; this server accepts at most ${limit}`);
  if (declared > limit) {
    if (declared <= DRAIN_FACTOR * limit) req.resume();
    return Promise.reject(tooBig(`the request body is ${declared} bytes`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > DRAIN_FACTOR * limit) req.destroy();
      else if (size > limit) {
        chunks.length = 0;
        reject(tooBig('the request body is over the limit'));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('aborted', () => reject(new HttpError(400, 'the request body was cut off')));
    req.on('error', (error) => reject(new HttpError(400, `the request body could not be read: ${error.message}`)));
  });
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new HttpError(400, `malformed JSON: ${(error as Error).message}`);
  }
}

const OUTCOMES: Record<number, Outcome> = { 400: 'bad_request', 404: 'not_found', 413: 'bad_request', 415: 'bad_request', 503: 'unavailable', 504: 'timeout' };

/** /v2/models/{name}[/versions/{version}][/ready|/infer] → its parts (names are URL-decoded). */
function modelPath(pathname: string): { name: string; version: string | null; action: 'metadata' | 'ready' | 'infer' } | null {
  const m = /^\/v2\/models\/([^/]+)(?:\/versions\/([^/]+))?(?:\/(ready|infer))?\/?$/.exec(pathname);
  if (!m) return null;
  try {
    return { name: decodeURIComponent(m[1]!), version: m[2] ? decodeURIComponent(m[2]) : null, action: (m[3] as 'ready' | 'infer' | undefined) ?? 'metadata' };
  } catch {
    return null;
  }
}

function metadata(models: ModelSet, model: ServedModel) {
  return {
    name: model.name,
    versions: models.versions(model.name),
    platform: 'onnx_onnxv1',
    inputs: model.signature.inputs.map((i) => ({ name: i.name, datatype: i.datatype, shape: i.shape })),
    outputs: model.signature.outputs.map((o) => ({ name: o.name, datatype: o.datatype, shape: o.shape })),
  };
}

/**
 * The model server: Open Inference Protocol v2 REST and MLflow's /invocations over onnxruntime-node,
 * Prometheus /metrics, a body limit, a per-request timeout and a graceful shutdown that finishes
 * the requests in flight.
 */
export async function startModelServer(options: ServeOptions): Promise<RunningServer> {
  const { models } = options;
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const strict = options.strictCategories ?? false;
  const metrics = new ServerMetrics();
  let draining = false;
  let inFlight = 0;
  let drained: (() => void) | null = null;

  /** Scores columns on a model, with the timeout, metrics and prediction log around the call. */
  async function score(model: ServedModel, columns: Columns, requestId: string | null, started: number) {
    const series = { model: model.name, version: model.version };
    metrics.begin(series);
    let timer: NodeJS.Timeout | undefined;
    try {
      const run = model.run(feedsOf(model.signature, columns));
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new HttpError(504, `scoring took longer than ${timeoutMs} ms`)), timeoutMs);
      });
      const results = await Promise.race([run, timeout]);
      metrics.end(series, 'success', (performance.now() - started) / 1000, columns.rows);
      if (options.onPrediction) {
        const outputs = Object.fromEntries(model.signature.outputs.map((o) => [o.name, Array.from(results[o.name]!.data as ArrayLike<number | string>)]));
        options.onPrediction({ at: new Date().toISOString(), requestId, model: model.name, version: model.version, rows: columns.rows, latencyMs: performance.now() - started, columns, outputs });
      }
      return results;
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      metrics.end(series, OUTCOMES[status] ?? 'error', (performance.now() - started) / 1000, 0);
      if (error instanceof HttpError) throw error;
      throw new HttpError(500, `inference failed: ${(error as Error).message}`);
    } finally {
      clearTimeout(timer);
    }
  }

  /** `arrivedDraining`: the request came after shutdown began (one that came before is still served). */
  async function route(req: http.IncomingMessage, res: http.ServerResponse, started: number, arrivedDraining: boolean): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const body = (limit = maxBody) => readBody(req, limit);
    const method = req.method ?? 'GET';
    const path = url.pathname;
    if (method === 'GET' && path === '/v2/health/live') return sendJson(res, 200, { live: true });
    if (method === 'GET' && (path === '/v2/health/ready' || path === '/ping' || path === '/health')) {
      const ready = !draining && models.names().length > 0;
      return sendJson(res, ready ? 200 : 503, { ready });
    }
    if (method === 'GET' && (path === '/v2' || path === '/v2/')) return sendJson(res, 200, { name: 'mlcycle', version: ENGINE_VERSION, extensions: ['model_repository', 'mlflow_invocations', 'metrics'] });
    if (method === 'GET' && path === '/metrics') {
      res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(metrics.render());
      return;
    }
    if (options.extraRoutes && (await options.extraRoutes(req, res, url, body))) return;

    const target = modelPath(path);
    if (target) {
      if (target.action === 'infer') {
        if (method !== 'POST') throw new HttpError(405, 'inference is a POST');
        if (arrivedDraining) throw new HttpError(503, 'the server is shutting down');
        const model = models.pick(target.name, target.version);
        let request;
        try {
          request = parseInferRequest(parseJson(await body()), model.signature, strict);
        } catch (error) {
          if (error instanceof HttpError) metrics.count({ model: model.name, version: model.version }, OUTCOMES[error.status] ?? 'error', (performance.now() - started) / 1000);
          throw error;
        }
        const results = await score(model, request.columns, request.id, started);
        return sendJson(res, 200, inferResponse(model, request.id, request.outputs, results));
      }
      if (method !== 'GET') throw new HttpError(405, `${path} answers GET`);
      const model = models.pick(target.name, target.version ?? models.state(target.name).active);
      if (target.action === 'ready') return sendJson(res, draining ? 503 : 200, { name: model.name, ready: !draining });
      return sendJson(res, 200, metadata(models, model));
    }
    if (path === '/invocations') {
      if (method !== 'POST') throw new HttpError(405, '/invocations is a POST');
      if (arrivedDraining) throw new HttpError(503, 'the server is shutting down');
      const type = String(req.headers['content-type'] ?? 'application/json');
      if (!type.includes('json')) throw new HttpError(415, `send JSON (Content-Type: application/json); got ${type}`);
      const names = models.names();
      const name = url.searchParams.get('model') ?? (names.length === 1 ? names[0]! : null);
      if (!name) throw new HttpError(400, `this server has several models (${names.join(', ')}); name one with /invocations?model=NAME`);
      const model = models.pick(name, url.searchParams.get('version'));
      const columns = parseInvocations(parseJson(await body()), model.signature, strict);
      const results = await score(model, columns, (req.headers['x-request-id'] as string | undefined) ?? null, started);
      return sendJson(res, 200, invocationsResponse(model.signature, results));
    }
    throw new HttpError(404, `no route for ${method} ${path}`);
  }

  const handler = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const started = performance.now();
    inFlight++;
    res.on('close', () => {
      inFlight--;
      if (draining && inFlight === 0) drained?.();
    });
    route(req, res, started, draining).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) options.log?.(`internal error on ${req.method} ${req.url}: ${(error as Error).stack ?? error}`);
      // After a 413 the rest of an oversized body is not worth keeping the connection for.
      if (status === 413) res.setHeader('Connection', 'close');
      sendJson(res, status, { error: error instanceof Error ? error.message : String(error) });
    });
  };

  // A client that trickles its headers or body cannot hold a connection open for long: the
  // timeouts are checked every second (Node's default is every 30 s).
  const limits = { headersTimeout: Math.min(timeoutMs, 20_000), requestTimeout: timeoutMs, keepAliveTimeout: 5_000, connectionsCheckingInterval: 1_000 };
  const server = options.tls ? https.createServer({ ...limits, cert: options.tls.cert, key: options.tls.key }, handler) : http.createServer(limits, handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `${options.tls ? 'https' : 'http'}://${shownHost}:${port}`,
    port,
    metrics,
    requestsInFlight: () => inFlight,
    async close(graceMs = 10_000) {
      draining = true;
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([new Promise<void>((resolve) => (drained = resolve)), new Promise((resolve) => setTimeout(resolve, graceMs))]);
      }
      server.closeAllConnections();
      await stopped;
      await Promise.all(models.all().map((m) => m.release().catch(() => {})));
    },
  };
}
