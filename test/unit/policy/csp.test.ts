import { describe, expect, it } from 'vitest';
import { APP_CSP, buildCsp, serializeCsp } from '../../../src/main/policy/csp';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name, ...sources] = part.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

describe('the app CSP', () => {
  const csp = directives(APP_CSP);

  it('denies by default and allows scripts only from the app', () => {
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(APP_CSP).not.toContain('unsafe-eval');
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('locks down objects, frames, base, forms and embedding', () => {
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('has no wildcard and no remote origin', () => {
    expect(APP_CSP).not.toMatch(/\*|https?:|wss?:/);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('is the same as buildCsp() with no options', () => {
    expect(buildCsp()).toBe(APP_CSP);
  });
});

describe('buildCsp', () => {
  it('opens just enough for the dev server', () => {
    const csp = directives(buildCsp({ devServerUrl: 'http://localhost:5173/' }));
    expect(csp.get('script-src')).toEqual(["'self'", 'http://localhost:5173', "'unsafe-inline'"]);
    expect(csp.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173']);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
  });

  it('adds connect sources for the headless host', () => {
    const csp = directives(buildCsp({ connectSrc: ['ws://127.0.0.1:7311'] }));
    expect(csp.get('connect-src')).toEqual(["'self'", 'ws://127.0.0.1:7311']);
  });

  it.each(['*', 'https://*.example.com', "ws://x; script-src 'unsafe-eval'", "'unsafe-inline'", 'javascript:'])('refuses connect source %s', (source) => {
    expect(() => buildCsp({ connectSrc: [source] })).toThrow(/Refusing CSP source/);
  });

  it('refuses a dev server that is not http(s)', () => {
    expect(() => buildCsp({ devServerUrl: 'file:///tmp' })).toThrow(/http/);
    expect(() => buildCsp({ devServerUrl: 'nonsense' })).toThrow(/http/);
  });

  it('serialises in order without duplicates', () => {
    expect(serializeCsp({ a: ['x', 'x', 'y'], b: ["'none'"] })).toBe("a x y; b 'none'");
  });
});
