import { describe, expect, it } from 'vitest';
import { hostHeaderAllowed, newToken, originAllowed, tokensMatch } from '../../../src/main/host/auth';
import { resolveStaticFile } from '../../../src/main/host/static-files';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../../helpers/temp';

describe('headless host access rules', () => {
  it('makes long random tokens and compares them exactly', () => {
    const a = newToken();
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(newToken()).not.toBe(a);
    expect(tokensMatch(a, a)).toBe(true);
    expect(tokensMatch(a, `${a}x`)).toBe(false);
    expect(tokensMatch(a, '')).toBe(false);
    expect(tokensMatch(a, null)).toBe(false);
  });

  it('refuses foreign Host headers on loopback (DNS rebinding)', () => {
    expect(hostHeaderAllowed('127.0.0.1:7311', '127.0.0.1')).toBe(true);
    expect(hostHeaderAllowed('localhost:7311', '127.0.0.1')).toBe(true);
    expect(hostHeaderAllowed('[::1]:7311', '::1')).toBe(true);
    expect(hostHeaderAllowed('evil.example:7311', '127.0.0.1')).toBe(false);
    expect(hostHeaderAllowed(undefined, '127.0.0.1')).toBe(false);
    expect(hostHeaderAllowed('gpu-box:7311', '0.0.0.0')).toBe(true);
  });

  it('accepts WebSockets only from the same origin', () => {
    expect(originAllowed('http://127.0.0.1:7311', '127.0.0.1:7311')).toBe(true);
    expect(originAllowed('http://evil.example', '127.0.0.1:7311')).toBe(false);
    expect(originAllowed('null', '127.0.0.1:7311')).toBe(false);
    expect(originAllowed(undefined, '127.0.0.1:7311')).toBe(true);
  });
});

describe('static files', () => {
  const tmp = tempDir();
  fs.mkdirSync(path.join(tmp.dir, 'ui', 'assets'), { recursive: true });
  fs.writeFileSync(path.join(tmp.dir, 'ui', 'index.html'), 'index');
  fs.writeFileSync(path.join(tmp.dir, 'ui', 'assets', 'app.js'), 'js');
  fs.writeFileSync(path.join(tmp.dir, 'secret.txt'), 'secret');
  const root = path.join(tmp.dir, 'ui');

  it('serves files inside the root and falls back to index.html for app routes', () => {
    expect(resolveStaticFile(root, '/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveStaticFile(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticFile(root, '/data/profile')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticFile(root, '/assets/missing.js')).toBeNull();
  });

  it('never leaves the root', () => {
    expect(resolveStaticFile(root, '/../secret.txt')).not.toBe(path.join(tmp.dir, 'secret.txt'));
    expect(resolveStaticFile(root, '/%2e%2e/secret.txt')).not.toBe(path.join(tmp.dir, 'secret.txt'));
    expect(resolveStaticFile(root, '/..%2fsecret.txt')).not.toBe(path.join(tmp.dir, 'secret.txt'));
    expect(resolveStaticFile(root, '/a%00.js')).toBeNull();
    expect(resolveStaticFile(root, '/%E0%A4%A')).toBeNull();
  });
});
