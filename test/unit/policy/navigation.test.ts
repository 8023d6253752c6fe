import { describe, expect, it } from 'vitest';
import { decideNavigation, externalOpenPolicy, isAllowedNavigation, isLocalHost } from '../../../src/main/policy/navigation';

const dev = { devServerUrl: 'http://localhost:5173' };

describe('isAllowedNavigation', () => {
  it('allows the app’s own pages', () => {
    expect(isAllowedNavigation('app://mlcycle/index.html')).toBe(true);
    expect(isAllowedNavigation('app://mlcycle/')).toBe(true);
    expect(isAllowedNavigation('app://mlcycle/data?x=1#profile')).toBe(true);
    expect(isAllowedNavigation('app://MLCYCLE/index.html')).toBe(true);
  });

  it('allows the dev server only when one is given, and only its exact origin', () => {
    expect(isAllowedNavigation('http://localhost:5173/')).toBe(false);
    expect(isAllowedNavigation('http://localhost:5173/', dev)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', dev)).toBe(false);
    expect(isAllowedNavigation('https://localhost:5173/', dev)).toBe(false);
    expect(isAllowedNavigation('http://user@localhost:5173/', dev)).toBe(false);
  });

  it.each([
    'https://example.com/',
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://mlcycle/1234',
    'about:blank',
    'app://mlcycle.evil/',
    'app://evil/mlcycle/',
    'app://mlcycle@evil/',
    'app://mlcycle:8080/',
    'app://user:pw@mlcycle/',
    'apps://mlcycle/',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'mlcycle/index.html',
    '',
    '   ',
  ])('refuses %s', (url) => {
    expect(isAllowedNavigation(url, dev)).toBe(false);
  });

  it('refuses non-strings and absurdly long URLs', () => {
    expect(isAllowedNavigation(undefined as unknown as string)).toBe(false);
    expect(isAllowedNavigation(`app://mlcycle/${'a'.repeat(40_000)}`)).toBe(false);
  });
});

describe('externalOpenPolicy', () => {
  it.each(['https://mlcycle.dev/docs', 'http://example.com/', 'https://onnx.ai/onnx/operators/', 'https://[2001:db8::1]/', 'https://8.8.8.8/'])(
    'opens %s in the browser',
    (url) => {
      expect(externalOpenPolicy(url)).toBe('open-external');
    },
  );

  it.each([
    'file:///etc/passwd',
    'file://server/share/x.exe',
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,hi',
    'vbscript:msgbox',
    'mailto:a@b.c',
    'smb://host/share',
    'ms-msdt:/id PCWDiagnostic',
    'app://mlcycle/index.html',
    'ftp://example.com/',
    'ws://example.com/',
    'https://user:pass@example.com/',
    'https://user@example.com/',
    'not a url',
    '//example.com/',
  ])('denies %s', (url) => {
    expect(externalOpenPolicy(url)).toBe('deny');
  });

  it.each([
    'http://localhost:7311/',
    'http://LOCALHOST./',
    'http://api.localhost/',
    'http://printer.local/',
    'http://127.0.0.1:8080/',
    'http://127.1/',
    'http://2130706433/',
    'http://0x7f.0.0.1/',
    'http://0.0.0.0/',
    'http://10.1.2.3/',
    'http://172.16.0.1/',
    'http://172.31.255.255/',
    'http://192.168.1.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.0.1/',
    'http://[::1]/',
    'http://[::]/',
    'http://[fe80::1]/',
    'http://[fd12:3456::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:192.168.0.1]/',
  ])('denies local or private host %s', (url) => {
    expect(externalOpenPolicy(url)).toBe('deny');
  });

  it('allows public neighbours of private ranges', () => {
    expect(externalOpenPolicy('http://172.32.0.1/')).toBe('open-external');
    expect(externalOpenPolicy('http://192.169.0.1/')).toBe('open-external');
    expect(externalOpenPolicy('http://localhost.example.com/')).toBe('open-external');
    expect(externalOpenPolicy('http://[::ffff:8.8.8.8]/')).toBe('open-external');
  });

  it('denies URLs longer than the limit', () => {
    expect(externalOpenPolicy(`https://example.com/${'a'.repeat(5000)}`)).toBe('deny');
  });
});

describe('isLocalHost', () => {
  it('classifies names and addresses', () => {
    expect(isLocalHost('localhost')).toBe(true);
    expect(isLocalHost('[::1]')).toBe(true);
    expect(isLocalHost('example.com')).toBe(false);
    expect(isLocalHost('11.0.0.1')).toBe(false);
    expect(isLocalHost('[2001:db8::1]')).toBe(false);
    expect(isLocalHost('[not-an-address]')).toBe(true);
  });
});

describe('decideNavigation', () => {
  it('keeps in-app navigation, never opens new windows, hands web links to the browser', () => {
    expect(decideNavigation('app://mlcycle/index.html', 'navigate')).toBe('allow');
    expect(decideNavigation('app://mlcycle/index.html', 'new-window')).toBe('deny');
    expect(decideNavigation('https://example.com/', 'navigate')).toBe('open-external');
    expect(decideNavigation('https://example.com/', 'new-window')).toBe('open-external');
    expect(decideNavigation('http://localhost:5173/', 'new-window', dev)).toBe('deny');
    expect(decideNavigation('http://127.0.0.1:9000/', 'navigate')).toBe('deny');
    expect(decideNavigation('file:///etc/passwd', 'navigate')).toBe('deny');
    expect(decideNavigation('javascript:alert(1)', 'new-window')).toBe('deny');
  });
});
