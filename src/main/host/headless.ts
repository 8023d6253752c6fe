import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { MlcycleError } from '../../shared/contract/errors';
import type { Engine } from '../engine/engine';
import { TOKEN_COOKIE, cookieToken, headerToken, hostHeaderAllowed, newToken, originAllowed, tokensMatch } from './auth';
import { HEADLESS_CSP } from './csp';
import { serveEngine } from './serve-engine';
import { contentTypeOf, resolveStaticFile } from './static-files';
import { DEFAULT_UPLOAD_MAX_BYTES, handleUpload } from './upload';

export interface HeadlessOptions {
  engine: Engine;
  host: string;
  port: number;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  token?: string;
  /** Where browser uploads go (default: a temporary folder removed when the host stops). */
  uploadDir?: string;
  uploadMaxBytes?: number;
}

export interface HeadlessHost {
  url: string;
  host: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

const SECURITY_HEADERS = {
  'Content-Security-Policy': HEADLESS_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

function send(res: http.ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type });
  res.end(body);
}

/**
 * The headless host: serves the built workspace and a WebSocket bridge to the engine. Every request
 * needs the random token from the printed URL (first page load moves it into a same-site cookie).
 */
export async function startHeadlessHost(options: HeadlessOptions): Promise<HeadlessHost> {
  const token = options.token ?? newToken();
  if (!fs.existsSync(path.join(options.rendererDir, 'index.html'))) {
    throw new MlcycleError('NOT_FOUND', `The workspace UI is not built (${options.rendererDir}/index.html is missing). Run "npm run build" first.`);
  }

  let uploadDir = options.uploadDir ?? null;
  const ownsUploadDir = !options.uploadDir;
  const uploads = () => (uploadDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'mlcycle-uploads-')));

  const server = http.createServer((req, res) => {
    if (!hostHeaderAllowed(req.headers.host, options.host)) return send(res, 403, 'Forbidden host');
    const url = new URL(req.url ?? '/', 'http://placeholder');
    if (url.pathname === '/api/health') return send(res, 200, JSON.stringify({ ok: true }), 'application/json');
    const queryToken = url.searchParams.get('token');
    const authorised = tokensMatch(token, queryToken) || tokensMatch(token, cookieToken(req)) || tokensMatch(token, headerToken(req));
    if (url.pathname === '/api/upload' && req.method === 'POST') {
      // A page on another origin must not push files here (the cookie is SameSite=Strict too).
      if (!authorised || !originAllowed(req.headers.origin, req.headers.host)) return send(res, 401, 'Uploads need this workspace\'s access token.');
      return void handleUpload(req, res, url, { dir: uploads(), maxBytes: options.uploadMaxBytes ?? DEFAULT_UPLOAD_MAX_BYTES });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
    if (!authorised) {
      return send(res, 401, 'This MLCycle workspace needs its access token. Open the full URL that "mlcycle ui" printed (it ends in ?token=...).');
    }
    const file = resolveStaticFile(options.rendererDir, url.pathname);
    if (!file) return send(res, 404, 'Not found');
    const headers: Record<string, string> = { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file) };
    if (queryToken) headers['Set-Cookie'] = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return res.end();
    fs.createReadStream(file).pipe(res);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  const sockets = new Set<WebSocket>();

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://placeholder');
    const refuse = (status: number, reason: string) => {
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\n\r\n`);
    };
    if (url.pathname !== '/api/ws') return refuse(404, 'Not Found');
    if (!hostHeaderAllowed(req.headers.host, options.host) || !originAllowed(req.headers.origin, req.headers.host)) {
      return refuse(403, 'Forbidden');
    }
    if (!tokensMatch(token, url.searchParams.get('token')) && !tokensMatch(token, cookieToken(req))) {
      return refuse(401, 'Unauthorized');
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      const disconnect = serveEngine(options.engine, {
        send: (message) => {
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
        },
        onRequest: (listener) => {
          const onMessage = (data: Buffer, isBinary: boolean) => {
            let request: unknown;
            try {
              request = JSON.parse(isBinary ? '' : data.toString('utf8'));
            } catch {
              ws.send(JSON.stringify({ id: -1, error: { code: 'BAD_REQUEST', message: 'Messages must be JSON request envelopes {id, method, args}.' } }));
              return;
            }
            listener(request);
          };
          ws.on('message', onMessage);
          return () => ws.off('message', onMessage);
        },
      });
      ws.on('close', () => {
        sockets.delete(ws);
        disconnect();
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new MlcycleError(
            'CONFLICT',
            `Port ${options.port} on ${options.host} is already in use. Pass --port <number> to use another port, or --port 0 to pick a free one.`,
            { host: options.host, port: options.port },
          ),
        );
      } else reject(error);
    });
    server.listen(options.port, options.host, () => resolve());
  });

  const { port } = server.address() as AddressInfo;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${hostForUrl}:${port}/?token=${token}`,
    host: options.host,
    port,
    token,
    async close() {
      for (const ws of sockets) ws.close(1001, 'server shutting down');
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (ownsUploadDir && uploadDir) fs.rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}
