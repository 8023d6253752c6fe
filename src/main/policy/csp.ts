import { parseUrl } from './origin';

/**
 * The renderer's Content-Security-Policy (security checklist item 7), sent as a response header by
 * the `app://` protocol handler. Scripts only from the app itself: no inline script, no eval, no
 * remote code. Inline *styles* are allowed because React style props and charting libraries inject
 * them; styles cannot run code. The engine is reached over a MessagePort, which CSP does not gate,
 * so `connect-src` stays at 'self'.
 *
 * Note for the renderer: plotly's WebGL traces compile shaders with `new Function` (regl) unless the
 * "strict" plotly bundle is used; use that bundle rather than loosening `script-src`.
 */
export type CspDirectives = Record<string, readonly string[]>;

export const BASE_DIRECTIVES: CspDirectives = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

export interface CspOptions {
  /**
   * electron-vite's dev server origin (development only): its scripts, styles and HMR socket are
   * allowed, plus the inline preamble React Fast Refresh injects. Never set in a packaged app.
   */
  devServerUrl?: string | null;
  /** Extra `connect-src` sources, e.g. the headless host's `ws://127.0.0.1:<port>`. */
  connectSrc?: readonly string[];
}

/** Serialises directives as `name src src; name src`. Sources are deduplicated, order kept. */
export function serializeCsp(directives: CspDirectives): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...new Set(sources)].join(' '))
    .join('; ');
}

export function buildCsp(options: CspOptions = {}): string {
  const directives: Record<string, string[]> = Object.fromEntries(
    Object.entries(BASE_DIRECTIVES).map(([name, sources]) => [name, [...sources]]),
  );
  for (const source of options.connectSrc ?? []) {
    if (!isSafeSource(source)) throw new Error(`Refusing CSP source ${JSON.stringify(source)}`);
    directives['connect-src']!.push(source);
  }
  const dev = options.devServerUrl ? parseUrl(options.devServerUrl) : null;
  if (options.devServerUrl && (!dev || (dev.protocol !== 'http:' && dev.protocol !== 'https:'))) {
    throw new Error(`The dev server URL must be http(s): ${options.devServerUrl}`);
  }
  if (dev) {
    const ws = `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}`;
    directives['script-src']!.push(dev.origin, "'unsafe-inline'");
    directives['style-src']!.push(dev.origin);
    directives['img-src']!.push(dev.origin);
    directives['font-src']!.push(dev.origin);
    directives['connect-src']!.push(dev.origin, ws);
    directives['worker-src']!.push(dev.origin);
  }
  return serializeCsp(directives);
}

/** A CSP source may not carry separators or wildcards that would widen the policy. */
function isSafeSource(source: string): boolean {
  return /^(wss?|https?):\/\/[a-z0-9.\-[\]:]+$/i.test(source) && !source.includes('*');
}

/** The packaged app's policy, as one constant. */
export const APP_CSP = buildCsp();
