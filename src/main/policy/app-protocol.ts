import path from 'node:path';
import { APP_HOST, APP_SCHEME, parseUrl } from './origin';

/**
 * Maps an `app://mlcycle/<path>` request to a file under the built renderer folder.
 * Pure (path arithmetic only; the protocol handler does the I/O). Refuses other hosts, encoded
 * separators, NUL bytes and anything that would leave the root after decoding, so a page can never
 * read arbitrary files through the scheme (the reason to prefer it over `file://`).
 */
export type AppRequestResolution =
  | { kind: 'file'; path: string; fallback: boolean }
  | { kind: 'error'; status: 400 | 403 | 404 | 405; reason: string };

export const INDEX_FILE = 'index.html';

export function resolveAppRequest(requestUrl: string, rootDir: string, method = 'GET'): AppRequestResolution {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'error', status: 405, reason: `Method ${method} not allowed` };
  const url = parseUrl(requestUrl);
  if (!url || url.protocol !== `${APP_SCHEME}:`) return { kind: 'error', status: 400, reason: 'Not an app:// URL' };
  if (url.hostname.toLowerCase() !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') {
    return { kind: 'error', status: 403, reason: `Unknown host ${url.host}` };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'error', status: 400, reason: 'Malformed percent-encoding' };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { kind: 'error', status: 400, reason: 'Illegal character in path' };
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return { kind: 'error', status: 403, reason: 'Path traversal refused' };
  const root = path.resolve(rootDir);
  if (segments.length === 0) return { kind: 'file', path: path.join(root, INDEX_FILE), fallback: false };
  const file = path.resolve(root, ...segments);
  const relative = path.relative(root, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) {
    return { kind: 'error', status: 403, reason: 'Path traversal refused' };
  }
  // Client-side routes (no file extension) get the single page; assets must exist as named.
  const last = segments[segments.length - 1] ?? '';
  if (!last.includes('.')) return { kind: 'file', path: path.join(root, INDEX_FILE), fallback: true };
  return { kind: 'file', path: file, fallback: false };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
