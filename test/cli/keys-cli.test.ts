import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { userSigningKey } from '../../src/main/engine/signing/keys';
import { writePackage } from '../../src/main/engine/signing/write';
import { mlcycle } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

/** `mlcycle keys` and `mlcycle package verify` as a deployment team runs them: two users, one package. */
describe('mlcycle keys and package verify', () => {
  const tmp = tempDir();
  const alice = { MLCYCLE_HOME: path.join(tmp.dir, 'alice') };
  const bob = { MLCYCLE_HOME: path.join(tmp.dir, 'bob') };
  afterAll(() => tmp.cleanup());
  const pkg = path.join(tmp.dir, 'churn.mlpkg');

  it('shows the same key every time, and verifies a package its owner signed', () => {
    const first = JSON.parse(mlcycle(['keys', 'show', '--json'], { env: alice }).stdout);
    expect(JSON.parse(mlcycle(['keys', 'show', '--json'], { env: alice }).stdout).own).toEqual(first.own);
    writePackage(pkg, new Map([['model.onnx', Buffer.from('not really onnx')]]), userSigningKey(alice.MLCYCLE_HOME));
    expect(first.own.publicKey).toBe(userSigningKey(alice.MLCYCLE_HOME).publicKey);
    const ok = mlcycle(['package', 'verify', 'churn.mlpkg'], { env: alice, cwd: tmp.dir });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^Verified: 1 files, signed by you/);
  });

  it('refuses a colleague’s package until the colleague’s key is trusted', () => {
    const refused = mlcycle(['package', 'verify', pkg], { env: bob });
    expect(refused.status).toBe(1);
    expect(refused.stdout).toMatch(/which you do not trust/);
    const aliceKey = JSON.parse(mlcycle(['keys', 'show', '--json'], { env: alice }).stdout).own.publicKey as string;
    expect(mlcycle(['keys', 'trust', 'alice', aliceKey], { env: bob }).status).toBe(0);
    const verified = JSON.parse(mlcycle(['package', 'verify', pkg, '--json'], { env: bob }).stdout);
    expect(verified).toMatchObject({ ok: true, signer: { trustedAs: 'alice' } });
    expect(mlcycle(['keys', 'show'], { env: bob }).stdout).toMatch(/alice/);
  });

  it('names a cut-off package file, and refuses a malformed key', () => {
    const cut = path.join(tmp.dir, 'cut.mlpkg');
    fs.writeFileSync(cut, fs.readFileSync(pkg).subarray(0, 40));
    const result = mlcycle(['package', 'verify', cut], { env: alice });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/neither a package folder nor a readable \.mlpkg zip/);
    const bad = mlcycle(['keys', 'trust', 'mallory', 'abc'], { env: alice });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/Not an ed25519 public key: expected 32 bytes/);
  });
});
