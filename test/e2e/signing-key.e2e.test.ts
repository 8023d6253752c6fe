import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { userSigningKey } from '../../src/main/engine/signing/keys';
import { mlcycle } from '../helpers/cli';
import { screenshot } from './harness';
import { workspaceSuite } from './workspace-test';

/**
 * The Models stage shows the user's package-signing key — the same one `mlcycle keys show` prints
 * and `mlcycle package` signs with — and trusts a colleague's key, refusing a malformed one in words.
 */
const TIMEOUT = 120_000;
const e2e = workspaceSuite('signing', TIMEOUT, ({ root }) => {
  const project = path.join(root, 'p');
  expect(mlcycle(['init', project], { env: { MLCYCLE_HOME: path.join(root, 'cli-home') } }).status).toBe(0);
  return project;
});
const { byTestId } = e2e;

describe('Models stage: signing key (headless host, Chromium)', () => {
  it('shows the public key the CLI prints, and trusts a colleague’s key', { timeout: TIMEOUT }, async () => {
    const p = await e2e.openApp();
    await byTestId('nav-models').click();
    await byTestId('signing-public-key').waitFor({ timeout: 10_000 });
    // The host's user profile holds the key; the CLI with the same profile prints the same one.
    const shown = await byTestId('signing-public-key').textContent();
    const cli = JSON.parse(mlcycle(['keys', 'show', '--json'], { env: { MLCYCLE_HOME: e2e.host!.home } }).stdout) as { own: { publicKey: string; keyId: string } };
    expect(shown).toBe(cli.own.publicKey);
    expect(await byTestId('signing-key-id').textContent()).toBe(cli.own.keyId);
    expect(await byTestId('trusted-keys-empty').isVisible()).toBe(true);

    await byTestId('trust-name').fill('mallory');
    await byTestId('trust-key').fill('not-a-key');
    await byTestId('trust-submit').click();
    await expect.poll(() => byTestId('trust-error').textContent()).toMatch(/Not an ed25519 public key: expected 32 bytes/);

    const colleague = userSigningKey(path.join(e2e.root, 'alice-home'));
    await byTestId('trust-name').fill('alice');
    await byTestId('trust-key').fill(colleague.publicKey);
    await byTestId('trust-submit').click();
    await expect.poll(() => byTestId('trusted-keys').textContent()).toContain(`alice — key ${colleague.keyId}`);
    await screenshot(p, 'models-01-signing-key');
  });
});
