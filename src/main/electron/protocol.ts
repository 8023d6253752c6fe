import { protocol, session } from 'electron';
import fs from 'node:fs/promises';
import { APP_SCHEME, contentTypeFor, resolveAppRequest } from '../policy';

/** Must run before `app.whenReady()`: makes `app://` a standard, secure scheme with fetch support. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/**
 * Serves the built renderer at `app://mlcycle/` (checklist item 18), with the CSP as a response
 * header (item 7). Requests are resolved by the pure `resolveAppRequest`, which refuses traversal.
 */
export function serveAppScheme(rendererDir: string, csp: string): void {
  const securityHeaders = {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
  protocol.handle(APP_SCHEME, async (request) => {
    const resolved = resolveAppRequest(request.url, rendererDir, request.method);
    if (resolved.kind === 'error') {
      return new Response(resolved.reason, { status: resolved.status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders } });
    }
    try {
      const body = await fs.readFile(resolved.path);
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { 'Content-Type': contentTypeFor(resolved.path), ...securityHeaders },
      });
    } catch {
      return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders } });
    }
  });
}

/** In development the renderer comes from electron-vite's server: give its responses the CSP too. */
export function applyDevServerCsp(devServerUrl: string, csp: string): void {
  const origin = new URL(devServerUrl).origin;
  session.defaultSession.webRequest.onHeadersReceived({ urls: [`${origin}/*`] }, (details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}
