import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveAppRequest } from '../../../src/main/policy/app-protocol';

const root = path.resolve('/srv/mlcycle/out/renderer');
const file = (p: string) => ({ kind: 'file', path: path.join(root, p), fallback: false });

describe('resolveAppRequest', () => {
  it('serves index.html at the root and files by path', () => {
    expect(resolveAppRequest('app://mlcycle/', root)).toEqual(file('index.html'));
    expect(resolveAppRequest('app://mlcycle', root)).toEqual(file('index.html'));
    expect(resolveAppRequest('app://mlcycle/index.html', root)).toEqual(file('index.html'));
    expect(resolveAppRequest('app://mlcycle/assets/index-abc.js?v=1#x', root)).toEqual(file('assets/index-abc.js'));
    expect(resolveAppRequest('app://mlcycle/assets/a%20b.css', root)).toEqual(file('assets/a b.css'));
    expect(resolveAppRequest('app://mlcycle/index.html', root, 'HEAD')).toEqual(file('index.html'));
  });

  it('answers client-side routes with the single page', () => {
    expect(resolveAppRequest('app://mlcycle/runs/42', root)).toEqual({ kind: 'file', path: path.join(root, 'index.html'), fallback: true });
  });

  it.each([
    'app://mlcycle/../../etc/passwd',
    'app://mlcycle/%2e%2e/%2e%2e/etc/passwd',
    'app://mlcycle/assets/..%2F..%2F..%2Fetc%2Fpasswd',
    'app://mlcycle/assets/%2E%2E%2Fsecret.txt',
    'app://mlcycle/..%5C..%5Cwindows%5Cwin.ini',
    'app://mlcycle/a%00.js',
    'app://mlcycle/%E0%A4%A',
  ])('refuses %s', (url) => {
    const result = resolveAppRequest(url, root);
    if (result.kind === 'file') {
      // The URL parser may already have resolved the dots; then the file must still be inside root.
      expect(path.relative(root, result.path).startsWith('..')).toBe(false);
      expect(result.path.startsWith(root + path.sep)).toBe(true);
    } else {
      expect([400, 403]).toContain(result.status);
    }
  });

  it('never resolves outside the root for traversal attempts', () => {
    for (const url of ['app://mlcycle/../../etc/passwd', 'app://mlcycle/%2e%2e/%2e%2e/etc/passwd']) {
      const result = resolveAppRequest(url, root);
      expect(result.kind === 'error' || (result.kind === 'file' && result.path.startsWith(root))).toBe(true);
    }
    expect(resolveAppRequest('app://mlcycle/assets/..%2F..%2F..%2Fetc%2Fpasswd', root)).toMatchObject({ kind: 'error', status: 403 });
  });

  it.each(['app://mlcycle.evil/index.html', 'app://evil/index.html', 'app://mlcycle:99/index.html', 'app://u@mlcycle/index.html'])(
    'refuses other hosts: %s',
    (url) => {
      expect(resolveAppRequest(url, root)).toMatchObject({ kind: 'error', status: 403 });
    },
  );

  it('refuses other schemes and methods', () => {
    expect(resolveAppRequest('file:///etc/passwd', root)).toMatchObject({ kind: 'error', status: 400 });
    expect(resolveAppRequest('https://mlcycle/index.html', root)).toMatchObject({ kind: 'error', status: 400 });
    expect(resolveAppRequest('app://mlcycle/index.html', root, 'POST')).toMatchObject({ kind: 'error', status: 405 });
  });
});

describe('contentTypeFor', () => {
  it('maps the renderer’s file types', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/a.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/x/a.wasm')).toBe('application/wasm');
    expect(contentTypeFor('/x/a.bin')).toBe('application/octet-stream');
  });
});
