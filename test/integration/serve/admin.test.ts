import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trustedKeys } from '../../../src/main/engine/signing/keys';
import { adminRoutes } from '../../../src/main/serve/admin';
import { ModelSet } from '../../../src/main/serve/model-set';
import { PackageStore } from '../../../src/main/serve/package-store';
import { PredictionLog, predictionRecord } from '../../../src/main/serve/prediction-log';
import { startModelServer, type RunningServer } from '../../../src/main/serve/server';
import { request } from '../../helpers/http';
import { registeredVersions } from '../../helpers/served-package';
import { tempDir } from '../../helpers/temp';

const TOKEN = 'admin-token-for-tests-0123456789';
const auth = { Authorization: `Bearer ${TOKEN}` };
const zip = { 'Content-Type': 'application/zip' };

const row = (a: number, id: string) => ({
  id,
  inputs: [
    { name: 'a', shape: [1, 1], datatype: 'FP32', data: [a] },
    { name: 'year', shape: [1, 1], datatype: 'FP32', data: [2005] },
    { name: 'plan', shape: [1, 1], datatype: 'BYTES', data: ['basic'] },
    { name: 'flag', shape: [1, 1], datatype: 'BYTES', data: ['false'] },
  ],
});

/** A server as a deploy target runs it: a package store, the admin API and the prediction log, behind a token. */
describe('model server admin API and prediction log', () => {
  const tmp = tempDir();
  let packages: { v1: string; v2: string; homeDir: string };
  let server: RunningServer;
  let current: PredictionLog;
  const storeDir = path.join(tmp.dir, 'store');
  const logDir = path.join(tmp.dir, 'log');

  async function start(token: string | null = TOKEN) {
    const trusted = trustedKeys(packages.homeDir);
    const models = new ModelSet();
    const store = new PackageStore(storeDir, trusted, 'cpu', () => {});
    await store.loadAll(models);
    // One log per directory: a second server (the token-less one) gets its own.
    const log = token ? (current = new PredictionLog({ dir: logDir })) : new PredictionLog({ dir: path.join(tmp.dir, 'other-log') });
    return startModelServer({
      models,
      host: '127.0.0.1',
      port: 0,
      extraRoutes: adminRoutes({ token, models, store, log, audit: () => {} }),
      onPrediction: (p) => log.append(predictionRecord(p)),
    });
  }

  beforeAll(async () => {
    packages = await registeredVersions(tmp.dir);
    server = await start();
  }, 300_000);
  afterAll(async () => {
    await server?.close();
    current?.close();
    tmp.cleanup();
  });

  it('refuses every admin and log endpoint without the right token', async () => {
    const endpoints: Array<[string, string]> = [
      ['GET', '/v2/admin/models'],
      ['POST', '/v2/admin/packages'],
      ['POST', '/v2/admin/models/churn/activate'],
      ['POST', '/v2/admin/models/churn/split'],
      ['POST', '/v2/admin/models/churn/rollback'],
      ['POST', '/v2/admin/models/churn/unload'],
      ['GET', '/v2/logs/predictions?after=0'],
    ];
    for (const [method, route] of endpoints) {
      const attempts: Array<Record<string, string>> = [{}, { Authorization: 'Bearer wrong' }, { Authorization: `Bearer ${TOKEN}x` }, { Authorization: TOKEN }];
      for (const headers of attempts) {
        const reply = await request(server.url, method, route, method === 'POST' ? '{}' : undefined, headers);
        expect(reply.status, `${method} ${route} ${JSON.stringify(headers)}`).toBe(401);
        expect(reply.headers['www-authenticate']).toBe('Bearer');
      }
    }
    const open = await start(null);
    try {
      expect((await request(open.url, 'GET', '/v2/admin/models', undefined, auth)).status).toBe(403);
    } finally {
      await open.close();
    }
  });

  it('installs a verified upload atomically, and refuses a tampered or conflicting one', async () => {
    expect((await request(server.url, 'GET', '/v2/health/ready')).status).toBe(503);
    const bytes = fs.readFileSync(packages.v1);
    const tampered = Buffer.from(bytes);
    const middle = Math.floor(tampered.length / 2);
    tampered[middle] = tampered[middle]! ^ 0xff;
    const bad = await request(server.url, 'POST', '/v2/admin/packages', tampered, { ...auth, ...zip });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/did not verify|not a loadable package|neither a package folder/);
    expect(bad.body.error).toMatch(/Nothing was installed/);
    expect(fs.readdirSync(path.join(storeDir, 'packages'))).toEqual([]);
    expect(fs.readdirSync(storeDir).filter((f) => f.includes('tmp'))).toEqual([]);

    const installed = await request(server.url, 'POST', '/v2/admin/packages?activate=true', bytes, { ...auth, ...zip });
    expect(installed.status, installed.text).toBe(201);
    expect(installed.body).toMatchObject({ name: 'churn', version: '1', active: true });
    expect((await request(server.url, 'GET', '/v2/health/ready')).status).toBe(200);
    expect((await request(server.url, 'POST', '/v2/models/churn/infer', row(1, 'a'))).body.model_version).toBe('1');

    // The same version again is harmless; v2's bytes under v1's name and number cannot exist, since versions are signed.
    expect((await request(server.url, 'POST', '/v2/admin/packages', bytes, { ...auth, ...zip })).status).toBe(201);
    const second = await request(server.url, 'POST', '/v2/admin/packages', fs.readFileSync(packages.v2), { ...auth, ...zip });
    expect(second.body).toMatchObject({ name: 'churn', version: '2', active: false });
    const list = await request(server.url, 'GET', '/v2/admin/models', undefined, auth);
    expect(list.body.models).toEqual([expect.objectContaining({ name: 'churn', active: '1', versions: ['1', '2'], canary: null })]);
  });

  it('splits traffic, activates and rolls back', async () => {
    const split = await request(server.url, 'POST', '/v2/admin/models/churn/split', { version: '2', percent: 50 }, auth);
    expect(split.body).toMatchObject({ active: '1', canary: { version: '2', percent: 50 } });
    const served = await Promise.all(Array.from({ length: 60 }, (_, i) => request(server.url, 'POST', '/v2/models/churn/infer', row(i, `s${i}`))));
    const versions = served.map((r) => r.body.model_version);
    expect(versions.filter((v) => v === '2').length).toBeGreaterThan(10);
    expect(versions.filter((v) => v === '1').length).toBeGreaterThan(10);
    expect((await request(server.url, 'POST', '/v2/admin/models/churn/activate', { version: '2' }, auth)).body).toMatchObject({ active: '2', previous: '1', canary: null });
    expect((await request(server.url, 'POST', '/v2/admin/models/churn/activate', { version: '7' }, auth)).status).toBe(404);
    expect((await request(server.url, 'POST', '/v2/admin/models/churn/rollback', {}, auth)).body).toMatchObject({ active: '1', previous: '2' });
  });

  it('drops no request while versions switch under load', async () => {
    let stop = false;
    const seen = { '1': 0, '2': 0 } as Record<string, number>;
    const failures: string[] = [];
    const worker = async (w: number) => {
      for (let i = 0; !stop; i++) {
        try {
          const r = await request(server.url, 'POST', '/v2/models/churn/infer', row(i % 10, `w${w}-${i}`));
          if (r.status !== 200) failures.push(`${r.status} ${r.text}`);
          else seen[r.body.model_version] = (seen[r.body.model_version] ?? 0) + 1;
        } catch (error) {
          failures.push((error as Error).message);
        }
      }
    };
    const load = Array.from({ length: 16 }, (_, w) => worker(w));
    for (let k = 0; k < 6; k++) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      const step = k % 2 === 0 ? await request(server.url, 'POST', '/v2/admin/models/churn/activate', { version: '2' }, auth) : await request(server.url, 'POST', '/v2/admin/models/churn/rollback', {}, auth);
      expect(step.status).toBe(200);
    }
    await new Promise((resolve) => setTimeout(resolve, 150));
    stop = true;
    await Promise.all(load);
    expect(failures).toEqual([]);
    expect(seen['1']).toBeGreaterThan(0);
    expect(seen['2']).toBeGreaterThan(0);
  }, 60_000);

  it('serves each logged prediction once by cursor, and keeps the versions and the log across a restart', async () => {
    await request(server.url, 'POST', '/v2/admin/models/churn/activate', { version: '2' }, auth);
    let cursor = 0;
    const ids: string[] = [];
    for (;;) {
      const page = await request(server.url, 'GET', `/v2/logs/predictions?after=${cursor}&limit=50`, undefined, auth);
      expect(page.status).toBe(200);
      if (page.body.records.length === 0) break;
      ids.push(...page.body.records.map((r: { requestId: string }) => r.requestId));
      cursor = page.body.next;
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('a');
    expect(ids.length).toBeGreaterThan(60);
    const latest = (await request(server.url, 'GET', `/v2/logs/predictions?after=${cursor - 1}`, undefined, auth)).body.records[0];
    expect(latest).toMatchObject({ model: 'churn', rows: 1, inputs: { a: [expect.any(Number)], plan: ['basic'] }, outputs: { label: [expect.any(String)], probabilities: [expect.any(Number), expect.any(Number)] } });
    expect(latest.latencyMs).toBeGreaterThan(0);
    expect((await request(server.url, 'GET', '/v2/logs/predictions?after=-1', undefined, auth)).status).toBe(400);

    await server.close();
    current.close();
    server = await start();
    const after = await request(server.url, 'POST', '/v2/models/churn/infer', row(3, 'after-restart'));
    expect(after.body.model_version).toBe('2');
    const page = await request(server.url, 'GET', `/v2/logs/predictions?after=${cursor}`, undefined, auth);
    expect(page.body.records.map((r: { requestId: string }) => r.requestId)).toEqual(['after-restart']);
    expect(page.body.records[0].seq).toBe(cursor + 1);
  }, 60_000);
});
