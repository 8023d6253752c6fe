import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, mlcycle } from '../helpers/cli';
import { request } from '../helpers/http';
import { servedPackage } from '../helpers/served-package';
import { tempDir } from '../helpers/temp';

/** Starts `mlcycle serve …` and resolves with its first stdout line (the --json ready line) and its stderr so far. */
function serve(args: string[], env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; ready: { url: string; port: number; models: Array<{ name: string; provider: string }> }; stderr: () => string }> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args, '--json'], { env: { ...process.env, ...env } });
  let err = '';
  child.stderr!.on('data', (c) => (err += c));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c) => {
      out += c;
      if (out.includes('\n')) resolve({ child, ready: JSON.parse(out.split('\n')[0]!), stderr: () => err });
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

/** `mlcycle serve` as an operator starts it. */
describe('mlcycle serve', () => {
  const tmp = tempDir();
  let pkg: { packageDir: string; homeDir: string };
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    pkg = await servedPackage(tmp.dir);
    env = { MLCYCLE_HOME: pkg.homeDir };
  }, 300_000);
  afterAll(() => tmp.cleanup());

  it('serves a package, answers the README example, and stops cleanly on SIGTERM', async () => {
    const { child, ready } = await serve([pkg.packageDir, '--port', '0'], env);
    try {
      expect(ready.models).toEqual([expect.objectContaining({ name: 'trees', provider: 'cpu' })]);
      // The package's own README carries the request to send.
      const readme = fs.readFileSync(path.join(pkg.packageDir, 'README.md'), 'utf8');
      const body = /-d '(.+)'/.exec(readme)![1]!;
      const reply = await request(ready.url, 'POST', '/v2/models/trees/infer', body);
      expect(reply.status, reply.text).toBe(200);
      expect(reply.body.id).toBe('example-1');
    } finally {
      expect(await stop(child)).toBe(0);
    }
  }, 60_000);

  it('falls back to cpu, saying why, when CUDA is asked for and not installed', async () => {
    const { child, ready, stderr } = await serve([pkg.packageDir, '--port', '0', '--provider', 'cuda'], env);
    await stop(child);
    expect(ready.models[0]!.provider).toBe('cpu');
    expect(stderr()).toMatch(/CUDA execution provider unavailable .*serving trees on cpu/);
  }, 60_000);

  it('refuses a tampered package, a package signed by an unknown key, and a port in use, each saying what to do', async () => {
    const tampered = path.join(tmp.dir, 'tampered');
    fs.cpSync(pkg.packageDir, tampered, { recursive: true });
    fs.appendFileSync(path.join(tampered, 'metrics.json'), ' ');
    const changed = mlcycle(['serve', tampered, '--port', '0'], { env });
    expect(changed.status).toBe(1);
    expect(changed.stderr).toMatch(/did not verify: .*metrics\.json/);

    const stranger = mlcycle(['serve', pkg.packageDir, '--port', '0'], { env: { MLCYCLE_HOME: path.join(tmp.dir, 'someone-else') } });
    expect(stranger.status).toBe(1);
    expect(stranger.stderr).toMatch(/did not verify: .*(trust|untrusted)/i);

    const first = await serve([pkg.packageDir, '--port', '0'], env);
    try {
      const busy = mlcycle(['serve', pkg.packageDir, '--port', String(first.ready.port)], { env });
      expect(busy.status).toBe(1);
      expect(busy.stderr).toMatch(new RegExp(`Port ${first.ready.port} is already in use on 127\\.0\\.0\\.1: stop what uses it, or pass --port N`));
    } finally {
      await stop(first.child);
    }
    expect(mlcycle(['serve'], { env }).stderr).toMatch(/name the packages to serve, or a --store/);
  }, 60_000);
});
