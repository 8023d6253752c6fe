import { createHash, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { HttpError } from './http-error';
import type { ModelSet } from './model-set';
import type { PredictionLog } from './prediction-log';
import type { PackageStore } from './package-store';

/** Token check in constant time: both sides hashed first, so neither the length nor a prefix leaks. */
export function bearerMatches(expected: string, req: http.IncomingMessage): boolean {
  const header = req.headers.authorization ?? '';
  const given = header.startsWith('Bearer ') ? header.slice(7) : '';
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b) && given.length > 0;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

function parseJsonObject(body: Buffer): Record<string, unknown> {
  try {
    const value = JSON.parse(body.toString('utf8') || '{}') as unknown;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new HttpError(400, 'send a JSON object');
}

/** Packages hold the model and its reference profile: far bigger than a request. */
const MAX_PACKAGE_BYTES = 1024 * 1024 * 1024;

export interface AdminOptions {
  token: string | null;
  models: ModelSet;
  store: PackageStore | null;
  log: PredictionLog | null;
  /** Written to the server's log: who changed what. */
  audit: (line: string) => void;
}

/**
 * The admin API and the prediction-log endpoint, both behind the bearer token: upload a package
 * (verified, installed atomically, loaded), list models, activate a version, split traffic, roll
 * back; read predictions after a cursor. Without a token configured they answer 403.
 */
export function adminRoutes(options: AdminOptions) {
  const { models } = options;
  return async (req: http.IncomingMessage, res: http.ServerResponse, url: URL, body: (limit?: number) => Promise<Buffer>): Promise<boolean> => {
    const path = url.pathname;
    if (!path.startsWith('/v2/admin/') && path !== '/v2/logs/predictions') return false;
    if (!options.token) throw new HttpError(403, 'this server was started without --token-file, so its admin API and prediction log are off');
    if (!bearerMatches(options.token, req)) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      throw new HttpError(401, 'send the admin token as Authorization: Bearer <token>');
    }
    const method = req.method ?? 'GET';

    if (path === '/v2/logs/predictions' && method === 'GET') {
      if (!options.log) throw new HttpError(404, 'prediction logging is off on this server (start it with --log-dir)');
      const after = Number(url.searchParams.get('after') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 1000);
      if (!Number.isSafeInteger(after) || after < 0) throw new HttpError(400, '"after" is the last seq you read (0 to start)');
      if (!Number.isSafeInteger(limit) || limit < 1 || limit > 10_000) throw new HttpError(400, '"limit" is from 1 to 10000');
      sendJson(res, 200, options.log.read(after, limit));
      return true;
    }
    if (path === '/v2/admin/models' && method === 'GET') {
      sendJson(res, 200, { models: models.names().map((n) => ({ ...models.state(n), loaded: models.all().filter((m) => m.name === n).map((m) => ({ version: m.version, manifestSha256: m.manifestSha256, provider: m.provider, loadedAt: m.loadedAt })) })) });
      return true;
    }
    if (path === '/v2/admin/packages' && method === 'POST') {
      if (!options.store) throw new HttpError(404, 'this server has no package store (start it with --store DIR) to install uploads into');
      const bytes = await body(MAX_PACKAGE_BYTES);
      const activate = url.searchParams.get('activate') === 'true';
      const model = await options.store.install(bytes);
      models.add(model, activate);
      options.store.saveState(models);
      options.audit(`installed ${model.name} v${model.version} (${model.manifestSha256.slice(0, 12)})${activate ? ', active' : ''}`);
      sendJson(res, 201, { name: model.name, version: model.version, active: models.state(model.name).active === model.version, manifestSha256: model.manifestSha256 });
      return true;
    }
    const unload = /^\/v2\/admin\/models\/([^/]+)\/unload$/.exec(path);
    if (unload && method === 'POST') {
      const name = decodeURIComponent(unload[1]!);
      const removed = models.remove(name);
      options.store?.remove(name);
      options.store?.saveState(models);
      // In-flight requests hold their own reference; release after they had time to finish.
      setTimeout(() => removed.forEach((m) => void m.release().catch(() => {})), 30_000).unref();
      options.audit(`unloaded ${name} (${removed.map((m) => `v${m.version}`).join(', ')})`);
      sendJson(res, 200, { name, removed: removed.map((m) => m.version) });
      return true;
    }
    const action = /^\/v2\/admin\/models\/([^/]+)\/(activate|split|rollback)$/.exec(path);
    if (action && method === 'POST') {
      const name = decodeURIComponent(action[1]!);
      const args = parseJsonObject(await body());
      if (action[2] === 'activate') {
        if (typeof args.version !== 'string') throw new HttpError(400, 'name the "version" to activate');
        models.activate(name, args.version);
        options.audit(`activated ${name} v${args.version}`);
      } else if (action[2] === 'split') {
        if (typeof args.version !== 'string' || typeof args.percent !== 'number') throw new HttpError(400, 'a split needs "version" and "percent" (0–100)');
        models.split(name, args.version, args.percent);
        options.audit(`split ${name}: ${args.percent}% to v${args.version}`);
      } else {
        const to = models.rollback(name);
        options.audit(`rolled ${name} back to v${to}`);
      }
      options.store?.saveState(models);
      sendJson(res, 200, models.state(name));
      return true;
    }
    throw new HttpError(404, `no admin route for ${method} ${path}`);
  };
}
