import path from 'node:path';
import type { Command } from 'commander';
import { emit, table, type CliIo, type RunCommand } from '../output';
import type { Client } from '../../../shared/client';
import { startEngine } from '../project-engine';

/** `mlcycle keys show|trust` and `mlcycle package verify`: need no project, only the user profile. */
export function registerKeys(program: Command, io: CliIo, run: RunCommand): void {
  const keys = program.command('keys').description('Your package-signing key, and the colleagues’ keys you trust');
  keys
    .command('show')
    .description('Print your public key (made on first use) and the keys you trust')
    .option('--json', 'print {own: {keyId, publicKey}, trusted: [{name, keyId, publicKey}]}')
    .action((opts: { json?: boolean }) =>
      run(() => withEngine(async (client) => {
        const ring = await client.call('keys.show', {});
        emit(io, opts.json, ring, () =>
          [
            `Your key ${ring.own.keyId}: ${ring.own.publicKey}`,
            'Colleagues trust your packages with: mlcycle keys trust <your-name> <that key>',
            ring.trusted.length ? table([['NAME', 'KEY ID', 'PUBLIC KEY'], ...ring.trusted.map((k) => [k.name, k.keyId, k.publicKey])]) : 'You trust no other keys yet.',
          ].join('\n'),
        );
      }), opts.json),
    );
  keys
    .command('trust <name> <publicKey>')
    .description('Trust packages signed by this public key (base64, as `keys show` prints it)')
    .option('--json', 'print {keyId, publicKey}')
    .action((name: string, publicKey: string, opts: { json?: boolean }) =>
      run(() => withEngine(async (client) => {
        const key = await client.call('keys.trust', { name, publicKey });
        emit(io, opts.json, key, () => `Trusted ${name} (key ${key.keyId}).`);
      }), opts.json),
    );
}

export function registerPackageVerify(pkg: Command, io: CliIo, run: RunCommand): void {
  pkg
    .command('verify <package>')
    .description('Check a package folder or .mlpkg: signature by a trusted key, every file’s sha256, no missing or extra file, no path escaping the folder')
    .option('--json', 'print {ok, signer: {keyId, trustedAs}, files, problems: [{kind, path, message}]}')
    .action((location: string, own: { json?: boolean }, command: Command) => {
      // `package verify x --json`: commander hands --json to the parent `package`, which has one too.
      const opts = { json: Boolean(own.json || command.parent?.opts<{ json?: boolean }>().json) };
      return run(() => withEngine(async (client) => {
        const result = await client.call('package.verify', { path: path.resolve(io.cwd, location) });
        emit(io, opts.json, result, () =>
          result.ok
            ? `Verified: ${result.files} files, signed by ${result.signer!.trustedAs === 'you' ? 'you' : result.signer!.trustedAs} (key ${result.signer!.keyId}).`
            : [`Not verified: ${location}`, ...result.problems.map((p) => `  - ${p.message}`)].join('\n'),
        );
        return result.ok ? 0 : 1;
      }), opts.json);
    });
}

/** An engine without a project: these commands need only the user profile. */
async function withEngine<T>(body: (client: Client) => Promise<T>): Promise<T> {
  const session = startEngine();
  try {
    return await body(session.client);
  } finally {
    await session.dispose();
  }
}
