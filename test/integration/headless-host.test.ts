import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/main/engine/engine';
import { startHeadlessHost, type HeadlessHost } from '../../src/main/host/headless';
import { tempDir } from '../helpers/temp';

/** The headless host over real HTTP and WebSocket on loopback: token, headers, refusals. */
describe('headless host', () => {
  const home = tempDir();
  const ui = tempDir();
  let engine: Engine;
  let host: HeadlessHost;

  beforeAll(async () => {
    fs.writeFileSync(path.join(ui.dir, 'index.html'), '<!doctype html><title>MLCycle</title>');
    engine = createEngine({ host: 'headless', homeDir: home.dir, identity: 't' });
    host = await startHeadlessHost({ engine, host: '127.0.0.1', port: 0, rendererDir: ui.dir });
  });
  afterAll(async () => {
    await host.close();
    await engine.dispose();
    home.cleanup();
    ui.cleanup();
  });

  const base = () => `http://127.0.0.1:${host.port}`;

  it('prints a URL that carries the token and serves the UI with a strict CSP', async () => {
    expect(host.url).toBe(`${base()}/?token=${host.token}`);
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>MLCycle</title>');
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('set-cookie')).toMatch(/mlcycle_token=.*HttpOnly; SameSite=Strict/);
  });

  it('refuses the UI without the token, and explains how to get in', async () => {
    const res = await fetch(`${base()}/`);
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('mlcycle ui');
    expect((await fetch(`${base()}/?token=wrong`)).status).toBe(401);
  });

  it('accepts the cookie set by the first page load', async () => {
    const res = await fetch(`${base()}/index.html`, { headers: { cookie: `mlcycle_token=${host.token}` } });
    expect(res.status).toBe(200);
  });

  const upgradeStatus = (url: string, headers: Record<string, string> = {}) =>
    new Promise<number>((resolve) => {
      const ws = new WebSocket(url, { headers });
      ws.on('open', () => {
        ws.close();
        resolve(101);
      });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => resolve(-1));
    });

  it('refuses WebSockets without the token, from another origin, or for another Host', async () => {
    const ws = `ws://127.0.0.1:${host.port}/api/ws`;
    expect(await upgradeStatus(`${ws}?token=${host.token}`)).toBe(101);
    expect(await upgradeStatus(ws)).toBe(401);
    expect(await upgradeStatus(`${ws}?token=${host.token}`, { Origin: 'http://evil.example' })).toBe(403);
    expect(await upgradeStatus(`${ws}?token=${host.token}`, { Host: 'evil.example' })).toBe(403);
  });

  it('answers a malformed message with BAD_REQUEST instead of dropping the connection', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/api/ws?token=${host.token}`);
    await new Promise((resolve) => ws.once('open', resolve));
    const reply = new Promise<string>((resolve) => ws.once('message', (data) => resolve(String(data))));
    ws.send('{not json');
    expect(JSON.parse(await reply)).toMatchObject({ id: -1, error: { code: 'BAD_REQUEST' } });
    const second = new Promise<string>((resolve) => ws.once('message', (data) => resolve(String(data))));
    ws.send(JSON.stringify({ id: 7, method: 'project.current', args: {} }));
    expect(JSON.parse(await second)).toEqual({ id: 7, result: null });
    ws.close();
  });

  it('names the port and the way out when the port is taken', async () => {
    const otherEngine = createEngine({ host: 'headless', homeDir: home.dir, identity: 't' });
    await expect(startHeadlessHost({ engine: otherEngine, host: '127.0.0.1', port: host.port, rendererDir: ui.dir })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining(`Port ${host.port} on 127.0.0.1 is already in use`),
    });
    await otherEngine.dispose();
  });
});
