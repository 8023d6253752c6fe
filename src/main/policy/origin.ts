/**
 * Where the desktop app's own pages live, and the URL checks every policy builds on.
 * Pure: no Electron, no Node I/O, so the rules are unit-tested under plain Node.
 *
 * The renderer is served from the privileged standard scheme `app://mlcycle/` (never `file://`,
 * security checklist item 18). In development electron-vite serves it from a local dev server,
 * whose URL main passes in as `devServerUrl` only when the app is not packaged.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'mlcycle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** What every policy may know besides the URL it judges. */
export interface PolicyContext {
  /** electron-vite's dev server (ELECTRON_RENDERER_URL); null or absent in a packaged app. */
  devServerUrl?: string | null;
}

/** WHATWG URL parse that never throws; policies treat unparsable input as hostile. */
export function parseUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 32_768) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** True for `app://mlcycle/...` exactly: no other host, no port, no credentials. */
export function isAppUrl(value: unknown): boolean {
  const url = parseUrl(value);
  if (!url) return false;
  // Non-special schemes keep the host's case in Node's parser; Chromium lowercases standard schemes.
  return (
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname.toLowerCase() === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** True when `value` has exactly the dev server's origin (scheme, host and port). */
export function isDevServerUrl(value: unknown, devServerUrl: string | null | undefined): boolean {
  if (!devServerUrl) return false;
  const dev = parseUrl(devServerUrl);
  const url = parseUrl(value);
  if (!dev || !url) return false;
  if (dev.protocol !== 'http:' && dev.protocol !== 'https:') return false;
  return url.origin === dev.origin && url.username === '' && url.password === '';
}

/** A page of this app: the packaged scheme, or the dev server in development. */
export function isOwnPage(value: unknown, context: PolicyContext = {}): boolean {
  return isAppUrl(value) || isDevServerUrl(value, context.devServerUrl);
}
