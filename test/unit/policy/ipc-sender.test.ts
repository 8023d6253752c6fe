import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../src/main/policy/ipc-sender';

describe('isTrustedSender', () => {
  it('trusts the app’s own top-level page', () => {
    expect(isTrustedSender('app://mlcycle/index.html')).toBe(true);
    expect(isTrustedSender('app://mlcycle/index.html', { isMainFrame: true })).toBe(true);
    expect(isTrustedSender('app://mlcycle/runs/42#compare')).toBe(true);
  });

  it('never trusts a sub frame, even of the app', () => {
    expect(isTrustedSender('app://mlcycle/index.html', { isMainFrame: false })).toBe(false);
  });

  it('trusts the dev server only when it is given', () => {
    expect(isTrustedSender('http://localhost:5173/')).toBe(false);
    expect(isTrustedSender('http://localhost:5173/', { devServerUrl: 'http://localhost:5173/' })).toBe(true);
    expect(isTrustedSender('http://localhost:5173.evil.com/', { devServerUrl: 'http://localhost:5173/' })).toBe(false);
    expect(isTrustedSender('http://127.0.0.1:5173/', { devServerUrl: 'http://localhost:5173/' })).toBe(false);
  });

  it('ignores a dev server URL that is not http(s)', () => {
    expect(isTrustedSender('file:///x/index.html', { devServerUrl: 'file:///x/index.html' })).toBe(false);
  });

  it.each([
    'app://mlcycle.evil/index.html',
    'app://evil.mlcycle/',
    'app://evil/?app://mlcycle/',
    'app://mlcycle@evil/',
    'app://mlcycle:1/',
    'https://mlcycle/',
    'https://example.com/',
    'file:///home/u/out/renderer/index.html',
    'about:blank',
    'data:text/html,hi',
    'javascript:alert(1)',
    'devtools://devtools/',
    'chrome-extension://abc/',
    '',
    null,
    undefined,
  ])('refuses %s', (url) => {
    expect(isTrustedSender(url as string)).toBe(false);
  });
});
