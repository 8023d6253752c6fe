import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userSigningKey } from '../../src/main/engine/signing/keys';
import { mlcycle } from '../helpers/cli';
import { launchBrowser, screenshot, startHost, tempDir, type BrowserSession, type Host } from './harness';

/**
 * The Models stage shows the user's package-signing key — the same one `mlcycle keys show` prints
 * and `mlcycle package` signs with — and trusts a colleague's key, refusing a malformed one in words.
 */
const TIMEOUT = 120_000;
let host: Host | undefined;
let session: BrowserSession | undefined;
let root = '';

describe('Models stage: signing key (headless host, Chromium)', () => {
  beforeAll(async () => {
    root = tempDir('signing');
    const project = path.join(root, 'p');
    expect(mlcycle(['init', project], { env: { MLCYCLE_HOME: path.join(root, 'cli-home') } }).status).toBe(0);
    host = await startHost({ project });
    session = await launchBrowser();
  }, TIMEOUT);

  afterAll(async () => {
    await session?.close();
    await host?.stop();
    rmSync(root, { recursive: true, force: true });
  }, TIMEOUT);

  it('shows the public key the CLI prints, and trusts a colleague’s key', { timeout: TIMEOUT }, async () => {
    const p = session!.page;
    const byTestId = (id: string) => p.getByTestId(id);
    await p.goto(host!.url);
    await p.locator('[data-app-state="ready"]').waitFor({ timeout: 20_000 });
    await byTestId('nav-models').click();
    await byTestId('signing-public-key').waitFor({ timeout: 10_000 });
    // The host's user profile holds the key; the CLI with the same profile prints the same one.
    const shown = await byTestId('signing-public-key').textContent();
    const cli = JSON.parse(mlcycle(['keys', 'show', '--json'], { env: { MLCYCLE_HOME: host!.home } }).stdout) as { own: { publicKey: string; keyId: string } };
    expect(shown).toBe(cli.own.publicKey);
    expect(await byTestId('signing-key-id').textContent()).toBe(cli.own.keyId);
    expect(await byTestId('trusted-keys-empty').isVisible()).toBe(true);

    await byTestId('trust-name').fill('mallory');
    await byTestId('trust-key').fill('not-a-key');
    await byTestId('trust-submit').click();
    await expect.poll(() => byTestId('trust-error').textContent()).toMatch(/Not an ed25519 public key: expected 32 bytes/);

    const colleague = userSigningKey(path.join(root, 'alice-home'));
    await byTestId('trust-name').fill('alice');
    await byTestId('trust-key').fill(colleague.publicKey);
    await byTestId('trust-submit').click();
    await expect.poll(() => byTestId('trusted-keys').textContent()).toContain(`alice — key ${colleague.keyId}`);
    await screenshot(p, 'models-01-signing-key');
  });
});
