/**
 * Content-Security-Policy for the workspace when a browser loads it from the headless host.
 * Same policy as the desktop window: only our own scripts, no eval, connections back to this host.
 */
export const HEADLESS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
