import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const TOKEN_COOKIE = 'mlcycle_token';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function tokensMatch(expected: string, given: string | null | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieToken(request: IncomingMessage): string | null {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return value.join('=');
  }
  return null;
}

/** Scripts (and the upload request) may send the token as a header instead of a cookie. */
export function headerToken(request: IncomingMessage): string | null {
  const value = request.headers['x-mlcycle-token'];
  return typeof value === 'string' ? value : null;
}

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/**
 * Refuses requests whose Host header names another site while we listen on loopback: a page on
 * evil.example that resolves its name to 127.0.0.1 (DNS rebinding) must not reach the engine.
 */
export function hostHeaderAllowed(hostHeader: string | undefined, boundHost: string): boolean {
  if (!hostHeader) return false;
  const name = hostHeader.startsWith('[') ? hostHeader.slice(0, hostHeader.indexOf(']') + 1) : hostHeader.split(':')[0]!;
  if (LOOPBACK_NAMES.has(boundHost)) return LOOPBACK_NAMES.has(name);
  return true;
}

/** A WebSocket from a page must come from this same origin (a browser always sends Origin). */
export function originAllowed(origin: string | undefined, hostHeader: string | undefined): boolean {
  if (origin === undefined) return true; // non-browser clients (CLI, tests) send none; the token still applies
  try {
    return new URL(origin).host === hostHeader;
  } catch {
    return false;
  }
}
