import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../src/main/engine/engine';
import { startHeadlessHost, type HeadlessHost } from '../../src/main/host/headless';
import { safeUploadName } from '../../src/main/host/upload';
import { succeeded } from '../helpers/jobs';
import { tempDir } from '../helpers/temp';
import { typedClient, type Client } from '../../src/shared/client';
import { inProcessBridge } from '../../src/main/engine/in-process';

/** Browser uploads over real loopback HTTP: stored whole and importable, refused cut off, too big or unauthorised. */
describe('headless host uploads', () => {
  const home = tempDir();
  const ui = tempDir();
  const uploads = tempDir();
  let engine: Engine;
  let host: HeadlessHost;

  beforeAll(async () => {
    fs.writeFileSync(path.join(ui.dir, 'index.html'), '<!doctype html><title>MLCycle</title>');
    engine = createEngine({ host: 'headless', homeDir: home.dir, identity: 't' });
    host = await startHeadlessHost({ engine, host: '127.0.0.1', port: 0, rendererDir: ui.dir, uploadDir: uploads.dir, uploadMaxBytes: 1024 * 1024 });
  });
  afterAll(async () => {
    await host.close();
    await engine.dispose();
    for (const t of [home, ui, uploads]) t.cleanup();
  });

  const upload = (name: string, body: string | Buffer, headers: Record<string, string> = { cookie: `mlcycle_token=${host.token}` }) =>
    fetch(`http://127.0.0.1:${host.port}/api/upload?name=${encodeURIComponent(name)}`, { method: 'POST', body, headers });
  const leftovers = () => fs.readdirSync(uploads.dir).flatMap((d) => fs.readdirSync(path.join(uploads.dir, d)));

  it('stores the file whole under its own name, and the engine imports it', async () => {
    const csv = 'x,y\n1,a\n2,b\n3,c\n';
    const res = await upload('../../etc/measurements.csv', csv);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { path: string; name: string; bytes: number };
    expect(body).toMatchObject({ name: 'measurements.csv', bytes: Buffer.byteLength(csv) });
    // the name's folders were dropped: the file lives inside the upload folder
    expect(path.relative(uploads.dir, body.path).startsWith('..')).toBe(false);
    expect(fs.readFileSync(body.path, 'utf8')).toBe(csv);

    const client: Client = typedClient(inProcessBridge(engine));
    await client.call('project.create', { dir: path.join(home.dir, 'project') });
    const job = await client.call('data.import', { source: { kind: 'csv', path: body.path }, options: {} });
    const done = await succeeded(client, job);
    expect((done.result as { rows: number }).rows).toBe(3);
  });

  it('refuses an upload without the token or from another origin', async () => {
    expect((await upload('a.csv', 'x\n1\n', {})).status).toBe(401);
    expect((await upload('a.csv', 'x\n1\n', { cookie: `mlcycle_token=${host.token}`, origin: 'http://evil.example' })).status).toBe(401);
    expect((await upload('a.csv', 'x\n1\n', { 'x-mlcycle-token': host.token })).status).toBe(201);
  });

  it('says what is wrong with a nameless, empty or too large upload, and keeps nothing', async () => {
    const before = leftovers().length;
    const nameless = await fetch(`http://127.0.0.1:${host.port}/api/upload`, { method: 'POST', body: 'x', headers: { 'x-mlcycle-token': host.token } });
    expect(nameless.status).toBe(400);
    expect(((await nameless.json()) as { error: string }).error).toMatch(/name=/);
    const empty = await upload('empty.csv', '');
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: string }).error).toMatch(/empty\.csv is empty/);
    const big = await upload('big.csv', Buffer.alloc(2 * 1024 * 1024, 'a'));
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: string }).error).toMatch(/GiB/);
    expect(leftovers().length).toBe(before);
  });

  it('drops a cut-off upload without leaving a partial file', async () => {
    const before = leftovers().length;
    await new Promise<void>((resolve) => {
      const socket = net.connect(host.port, '127.0.0.1', () => {
        socket.write(`POST /api/upload?name=cut.csv HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-MLCycle-Token: ${host.token}\r\nContent-Length: 1000\r\n\r\nx,y\n1,2\n`);
        // the client goes away after 8 of the 1000 bytes it promised
        setTimeout(() => socket.destroy(), 100);
      });
      socket.on('close', () => resolve());
    });
    await expect.poll(() => leftovers().length, { timeout: 2_000 }).toBe(before);
    expect(leftovers().some((f) => f.includes('cut.csv'))).toBe(false);
  });

  it('keeps only a plain base name', () => {
    expect(safeUploadName('C:\\data\\sales.csv')).toBe('sales.csv');
    expect(safeUploadName('..')).toBeNull();
    expect(safeUploadName('')).toBeNull();
    expect(safeUploadName('a\u0000b.csv')).toBe('ab.csv');
  });
});
