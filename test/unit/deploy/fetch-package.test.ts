import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FETCH_SCRIPT, PACKAGE_PATH } from '../../../src/main/engine/deploy/kubernetes/pod';
import { renderManifests } from '../../../src/main/engine/deploy/kubernetes/render';
import { trustedKeys, userSigningKey } from '../../../src/main/engine/signing/keys';
import { verifyPackage } from '../../../src/main/engine/signing/verify';
import { writePackage } from '../../../src/main/engine/signing/write';
import { tempDir } from '../../helpers/temp';
import { INPUT } from './fixtures';

/**
 * The init container's script, run for real with this Node against a local HTTP server; only its
 * two fixed paths (/models, /etc/mlcycle/trusted) are pointed into a temp folder. The fetched
 * package must then verify against the home the script prepared, as `mlcycle serve` will check it.
 */
describe('the init container fetches, pins and trusts', () => {
  const t = tempDir('mlcycle-k8s-fetch-');
  let url = '';
  let sha = '';
  let server: http.Server;
  const signerHome = path.join(t.dir, 'signer');
  const pkg = path.join(t.dir, 'churn-3.mlpkg');

  beforeAll(async () => {
    writePackage(pkg, new Map([['model.onnx', crypto.randomBytes(2048)], ['signature.json', Buffer.from('{"inputs":[]}')]]), userSigningKey(signerHome));
    sha = crypto.createHash('sha256').update(fs.readFileSync(pkg)).digest('hex');
    server = http.createServer((req, res) => {
      if (req.url === '/churn-3.mlpkg') fs.createReadStream(pkg).pipe(res);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/churn-3.mlpkg`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    t.cleanup();
  });

  /** Runs the script as the pod would, with the ConfigMap's files in place (async: the server is in this process). */
  async function runPod(name: string, packageUrl: string, packageSha256: string) {
    const pod = path.join(t.dir, name);
    const models = path.join(pod, 'models');
    const trusted = path.join(pod, 'trusted');
    const home = path.join(pod, 'home');
    fs.mkdirSync(models, { recursive: true });
    fs.mkdirSync(trusted, { recursive: true });
    const m = renderManifests({ ...INPUT, packageUrl, packageSha256, trustedKeys: [{ name: 'ana', publicKey: userSigningKey(signerHome).publicKey }] });
    for (const [file, content] of Object.entries(m.configMap.data)) fs.writeFileSync(path.join(trusted, file), content);
    // What a ConfigMap volume also holds beside the keys.
    fs.writeFileSync(path.join(trusted, '..data'), '');
    const script = FETCH_SCRIPT.replaceAll('/models/', `${models}/`).replaceAll('/etc/mlcycle/trusted', trusted);
    const env = Object.fromEntries(m.deployment.spec.template.spec.initContainers![0]!.env!.map((e) => [e.name, e.value]));
    const child = spawn(process.execPath, ['-e', script], { env: { ...env, MLCYCLE_HOME: home, PATH: process.env.PATH }, timeout: 20_000 });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const run = { status, stderr };
    return { run, file: path.join(models, path.basename(PACKAGE_PATH)), home };
  }

  it('downloads the package, checks its sha256 and leaves a home in which it verifies', async () => {
    const { run, file, home } = await runPod('ok', url, sha);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const verification = verifyPackage(file, trustedKeys(home));
    expect(verification.problems).toEqual([]);
    expect(verification.signer?.trustedAs).toBe('ana');
  });

  it('refuses a package whose sha256 differs, leaving nothing to serve', async () => {
    const { run, file } = await runPod('bad-sha', url, 'f'.repeat(64));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/sha256 .* this deploy expects f{64}: refusing it/);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('fails on an HTTP error, naming it', async () => {
    const { run } = await runPod('missing', url.replace('churn-3', 'nope'), sha);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/answered HTTP 404/);
  });
});
