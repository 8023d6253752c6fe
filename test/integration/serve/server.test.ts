import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import ort from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trustedKeys } from '../../../src/main/engine/signing/keys';
import { InferencePool } from '../../../src/main/serve/inference-pool';
import { ModelSet } from '../../../src/main/serve/model-set';
import { loadServedModel } from '../../../src/main/serve/served-model';
import { startModelServer, type RunningServer } from '../../../src/main/serve/server';
import { request, type Reply } from '../../helpers/http';
import { servedPackage } from '../../helpers/served-package';
import { tempDir } from '../../helpers/temp';

const row = (a: number | null, year: number | null, plan: string, flag: string, id = 'r1') => ({
  id,
  inputs: [
    { name: 'a', shape: [1, 1], datatype: 'FP32', data: [a] },
    { name: 'year', shape: [1, 1], datatype: 'FP32', data: [year] },
    { name: 'plan', shape: [1, 1], datatype: 'BYTES', data: [plan] },
    { name: 'flag', shape: [1, 1], datatype: 'BYTES', data: [flag] },
  ],
});

/** The model server on loopback with a real signed package, spoken to over real HTTP. */
describe('model server (Open Inference Protocol v2, MLflow, metrics)', () => {
  const tmp = tempDir();
  let pkg: { packageDir: string; homeDir: string };
  let server: RunningServer;
  let models: ModelSet;

  beforeAll(async () => {
    pkg = await servedPackage(tmp.dir);
    models = new ModelSet();
    models.add(await loadServedModel(pkg.packageDir, trustedKeys(pkg.homeDir), 'cpu'), true);
    server = await startModelServer({ models, host: '127.0.0.1', port: 0, maxBodyBytes: 1024 * 1024, requestTimeoutMs: 2_000 });
  }, 300_000);
  afterAll(async () => {
    await server?.close();
    tmp.cleanup();
  });

  it('answers health, server metadata, model metadata and readiness as the protocol says', async () => {
    expect(await request(server.url, 'GET', '/v2/health/live')).toMatchObject({ status: 200, body: { live: true } });
    expect(await request(server.url, 'GET', '/v2/health/ready')).toMatchObject({ status: 200, body: { ready: true } });
    expect((await request(server.url, 'GET', '/v2')).body).toMatchObject({ name: 'mlcycle', extensions: expect.any(Array) });
    const meta = await request(server.url, 'GET', '/v2/models/trees');
    expect(meta.body).toEqual({
      name: 'trees',
      versions: [expect.any(String)],
      platform: 'onnx_onnxv1',
      inputs: [
        { name: 'a', datatype: 'FP32', shape: [-1, 1] },
        { name: 'year', datatype: 'FP32', shape: [-1, 1] },
        { name: 'plan', datatype: 'BYTES', shape: [-1, 1] },
        { name: 'flag', datatype: 'BYTES', shape: [-1, 1] },
      ],
      outputs: [
        { name: 'label', datatype: 'BYTES', shape: [-1] },
        { name: 'probabilities', datatype: 'FP32', shape: [-1, 2] },
      ],
    });
    const version = meta.body.versions[0];
    expect((await request(server.url, 'GET', `/v2/models/trees/versions/${version}`)).body.name).toBe('trees');
    expect(await request(server.url, 'GET', `/v2/models/trees/versions/${version}/ready`)).toMatchObject({ status: 200, body: { name: 'trees', ready: true } });
    expect(await request(server.url, 'GET', '/v2/models/trees/ready')).toMatchObject({ status: 200 });
  });

  it('scores as the graph does, echoing the id and honouring the outputs asked for', async () => {
    const reply = await request(server.url, 'POST', '/v2/models/trees/infer', row(4, 2005, 'basic', 'false', 'abc'));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ model_name: 'trees', id: 'abc' });
    const [label, probabilities] = reply.body.outputs;
    expect(label).toMatchObject({ name: 'label', datatype: 'BYTES', shape: [1] });
    expect(probabilities).toMatchObject({ name: 'probabilities', datatype: 'FP32', shape: [1, 2] });
    // The independent reference: the package's graph run directly.
    const session = await ort.InferenceSession.create(path.join(pkg.packageDir, 'model.onnx'));
    const direct = await session.run({
      a: new ort.Tensor('float32', Float32Array.of(4), [1, 1]),
      year: new ort.Tensor('float32', Float32Array.of(2005), [1, 1]),
      plan: new ort.Tensor('string', ['basic'], [1, 1]),
      flag: new ort.Tensor('string', ['false'], [1, 1]),
    });
    await session.release();
    expect(probabilities.data).toEqual(Array.from(direct.probabilities!.data as Float32Array));
    expect(label.data).toEqual(direct.label!.data);
    expect((probabilities.data as number[]).reduce((s, p) => s + p, 0)).toBeCloseTo(1, 5);

    const nested = { inputs: row(null, 2010, 'never-seen', '').inputs.map((i) => ({ ...i, shape: [2], data: [i.data[0], i.data[0]] })), outputs: [{ name: 'label' }] };
    const two = await request(server.url, 'POST', '/v2/models/trees/infer', nested);
    expect(two.status, two.text).toBe(200);
    expect(two.body.outputs.map((o: { name: string }) => o.name)).toEqual(['label']);
    expect(two.body.outputs[0].data).toHaveLength(2);
    expect(two.body.id).toBeUndefined();
  });

  it('answers MLflow clients on /invocations in all four formats alike', async () => {
    const formats = [
      { dataframe_split: { columns: ['a', 'year', 'plan', 'flag'], data: [[4, 2005, 'basic', 'false']] } },
      { dataframe_records: [{ a: 4, year: 2005, plan: 'basic', flag: 'false' }] },
      { instances: [{ a: 4, year: 2005, plan: 'basic', flag: 'false' }] },
      { inputs: { a: [4], year: [2005], plan: ['basic'], flag: ['false'] } },
    ];
    const replies = await Promise.all(formats.map((f) => request(server.url, 'POST', '/invocations', f)));
    for (const r of replies) expect(r.status, r.text).toBe(200);
    expect(new Set(replies.map((r) => JSON.stringify(r.body))).size).toBe(1);
    expect(replies[0]!.body.predictions[0]).toEqual({ label: expect.any(String), p_false: expect.any(Number), p_true: expect.any(Number) });
    expect((await request(server.url, 'POST', '/invocations', 'a,b', { 'Content-Type': 'text/csv' })).status).toBe(415);
  });

  it('refuses bad requests with the right status and an {error} that says why', async () => {
    const cases: Array<[string, string, unknown, number, RegExp]> = [
      ['POST', '/v2/models/nope/infer', row(1, 2000, 'basic', 'true'), 404, /unknown model 'nope'; this server has trees/],
      ['POST', '/v2/models/trees/versions/99/infer', row(1, 2000, 'basic', 'true'), 404, /has no version '99'/],
      ['GET', '/v2/models/trees/infer', undefined, 405, /inference is a POST/],
      ['POST', '/v2/models/trees/infer', '{"inputs": [', 400, /malformed JSON/],
      ['POST', '/v2/models/trees/infer', { inputs: [{ name: 'a', shape: [1], datatype: 'BYTES', data: ['x'] }] }, 400, /input 'a' is FP32 in this model; the request says BYTES/],
      ['POST', '/v2/models/trees/infer', { ...row(1, 2000, 'basic', 'true'), outputs: [{ name: 'nope' }] }, 400, /unknown output "nope"/],
      ['GET', '/nowhere', undefined, 404, /no route for GET \/nowhere/],
    ];
    for (const [method, route, body, status, message] of cases) {
      const reply = await request(server.url, method, route, body);
      expect(reply.status, `${method} ${route}`).toBe(status);
      expect(reply.body.error, `${method} ${route}`).toMatch(message);
    }
  });

  it('refuses a body over the limit (declared or streamed) and survives cut-off and trickling clients', async () => {
    const big = JSON.stringify({ inputs: [{ name: 'a', shape: [300_000], datatype: 'FP32', data: new Array(300_000).fill(1.2345) }] });
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const declared = await request(server.url, 'POST', '/v2/models/trees/infer', big);
    expect(declared.status).toBe(413);
    expect(declared.body.error).toMatch(/accepts at most 1048576/);

    // A cut-off upload: Content-Length promises more than arrives, then the client hangs up.
    const { port } = new URL(server.url);
    await new Promise<void>((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => {
        socket.write('POST /v2/models/trees/infer HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"inputs": [');
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', () => resolve());
    });
    // A client that trickles its headers is cut off by the server's header timeout, not left open forever.
    const trickled = await new Promise<number>((resolve) => {
      const started = Date.now();
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write('POST /v2/models/trees/infer HTTP/1.1\r\nHost: x\r\n'));
      socket.on('data', () => {});
      socket.on('close', () => resolve(Date.now() - started));
      socket.on('error', () => {});
    });
    expect(trickled).toBeLessThan(10_000);
    expect((await request(server.url, 'POST', '/v2/models/trees/infer', row(1, 2000, 'basic', 'true'))).status).toBe(200);
  }, 30_000);

  it('counts requests by outcome, rows and latency in the Prometheus text format', async () => {
    const text = (await request(server.url, 'GET', '/metrics')).text;
    expect(text).toMatch(/^# TYPE mlcycle_inference_requests_total counter$/m);
    const count = (outcome: string) => Number(new RegExp(`^mlcycle_inference_requests_total\\{model="trees",version="[^"]+",outcome="${outcome}"\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    expect(count('success')).toBeGreaterThanOrEqual(7);
    expect(count('bad_request')).toBeGreaterThanOrEqual(3);
    expect(text).toMatch(/^mlcycle_inference_request_duration_seconds_bucket\{model="trees",version="[^"]+",le="\+Inf"\} \d+$/m);
    expect(text).toMatch(/^mlcycle_inference_in_flight_requests\{model="trees",version="[^"]+"\} 0$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+$/m);
    expect(text).toMatch(/^process_cpu_seconds_total [\d.]+$/m);
  });

  it('finishes the requests in flight when it shuts down, then refuses new connections', async () => {
    const set = new ModelSet();
    set.add(await loadServedModel(pkg.packageDir, trustedKeys(pkg.homeDir), 'cpu'), true);
    const second = await startModelServer({ models: set, host: '127.0.0.1', port: 0 });
    // Five requests arrive and send half their body; the shutdown begins; then the bodies complete.
    const body = JSON.stringify(row(3, 2001, 'plus', 'true'));
    const half = body.length >> 1;
    const pending = Array.from({ length: 5 }, () => {
      let rest!: () => void;
      const reply = new Promise<Reply>((resolve, reject) => {
        const req = http.request(`${second.url}/v2/models/trees/infer`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': body.length } }, (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text), text, headers: res.headers }));
        });
        req.on('error', reject);
        req.write(body.slice(0, half));
        rest = () => req.end(body.slice(half));
      });
      return { reply, rest: () => rest() };
    });
    while (second.requestsInFlight() < 5) await new Promise((resolve) => setTimeout(resolve, 5));
    const closing = second.close();
    expect((await request(second.url, 'GET', '/v2/health/ready').catch((e: Error) => ({ status: 0, text: e.message }))).status).not.toBe(200);
    for (const p of pending) p.rest();
    const replies = await Promise.all(pending.map((p) => p.reply));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    await closing;
    await expect(request(second.url, 'GET', '/v2/health/live')).rejects.toThrow(/ECONNREFUSED/);
  }, 60_000);

  it('serves HTTPS when given a certificate', async () => {
    const key = path.join(tmp.dir, 'key.pem');
    const cert = path.join(tmp.dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
    const set = new ModelSet();
    set.add(await loadServedModel(pkg.packageDir, trustedKeys(pkg.homeDir), 'cpu'), true);
    const secure = await startModelServer({ models: set, host: '127.0.0.1', port: 0, tls: { cert: fs.readFileSync(cert), key: fs.readFileSync(key) } });
    try {
      expect(secure.url).toMatch(/^https:\/\//);
      expect((await request(secure.url, 'POST', '/v2/models/trees/infer', row(1, 2000, 'basic', 'true'))).status).toBe(200);
    } finally {
      await secure.close();
    }
  });

  it('scores on inference threads exactly as on the main thread, and logs what it scored', async () => {
    const pool = InferencePool.start(2)!;
    const set = new ModelSet();
    set.add(await loadServedModel(pkg.packageDir, trustedKeys(pkg.homeDir), 'cpu', () => {}, pool), true);
    const logged: number[] = [];
    const threaded = await startModelServer({ models: set, host: '127.0.0.1', port: 0, onPrediction: (p) => logged.push((p.columns.values.get('a') as Float32Array).length) });
    try {
      const requests = Array.from({ length: 12 }, (_, i) => row(i, 2000 + i, i % 2 ? 'plus' : 'basic', 'true', `t${i}`));
      const [onThreads, onMain] = await Promise.all([Promise.all(requests.map((r) => request(threaded.url, 'POST', '/v2/models/trees/infer', r))), Promise.all(requests.map((r) => request(server.url, 'POST', '/v2/models/trees/infer', r)))]);
      expect(onThreads.map((r) => r.status)).toEqual(new Array(12).fill(200));
      expect(onThreads.map((r) => r.body.outputs)).toEqual(onMain.map((r) => r.body.outputs));
      expect(logged).toEqual(new Array(12).fill(1));
    } finally {
      await threaded.close();
      await pool.close();
    }
  });

  it('answers 500 with the reason when inference itself fails, and keeps serving', async () => {
    const set = new ModelSet();
    const broken = await loadServedModel(pkg.packageDir, trustedKeys(pkg.homeDir), 'cpu');
    await broken.session.release();
    set.add(broken, true);
    const failing = await startModelServer({ models: set, host: '127.0.0.1', port: 0 });
    try {
      const reply = await request(failing.url, 'POST', '/v2/models/trees/infer', row(1, 2000, 'basic', 'true'));
      expect(reply.status).toBe(500);
      expect(reply.body.error).toMatch(/^inference failed: /);
      expect((await request(failing.url, 'GET', '/v2/health/live')).status).toBe(200);
    } finally {
      await failing.close().catch(() => {});
    }
  });
});
