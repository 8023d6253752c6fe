import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MlcycleError } from '../../../shared/contract/errors';

/**
 * The user's ed25519 signing key, made once per user profile (the MLCYCLE_HOME folder) and kept
 * there with owner-only permissions, and the public keys this user trusts. A package signed by any
 * trusted key verifies; the user's own key is always trusted.
 */

export interface PublicKeyInfo {
  /** First 16 hex digits of the sha256 of the raw 32-byte public key: short enough to read aloud. */
  keyId: string;
  /** The raw public key, base64. */
  publicKey: string;
}

export interface SigningKey extends PublicKeyInfo {
  privateKey: crypto.KeyObject;
}

const signingDir = (home: string) => path.join(home, 'signing');
const trustedDir = (home: string) => path.join(signingDir(home), 'trusted');

/** The raw 32 bytes of an ed25519 public key (its SPKI DER ends with them). */
function rawPublicKey(key: crypto.KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(-32);
}

export function keyIdOf(raw: Buffer): string {
  return crypto.createHash('sha256').update(raw).digest('hex').slice(0, 16);
}

/** A public key object from its raw base64 form; refused in words when it is not 32 bytes. */
export function publicKeyFromRaw(base64: string): crypto.KeyObject {
  const raw = Buffer.from(base64, 'base64');
  if (raw.length !== 32) throw new MlcycleError('INVALID_ARGUMENT', `Not an ed25519 public key: expected 32 bytes, got ${raw.length}.`, { field: 'publicKey' });
  // SPKI DER for ed25519 is a fixed 12-byte prefix followed by the key.
  const der = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), raw]);
  return crypto.createPublicKey({ key: der, format: 'der', type: 'spki' });
}

/** Loads the user's key, making it on first use. */
export function userSigningKey(home: string): SigningKey {
  const file = path.join(signingDir(home), 'ed25519.pem');
  let privateKey: crypto.KeyObject;
  if (fs.existsSync(file)) {
    privateKey = crypto.createPrivateKey(fs.readFileSync(file));
  } else {
    fs.mkdirSync(signingDir(home), { recursive: true, mode: 0o700 });
    privateKey = crypto.generateKeyPairSync('ed25519').privateKey;
    // Written to a temporary name first, so two first uses at once cannot leave half a key.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600 });
    fs.renameSync(tmp, file);
  }
  const raw = rawPublicKey(crypto.createPublicKey(privateKey));
  return { privateKey, keyId: keyIdOf(raw), publicKey: raw.toString('base64') };
}

/** The user's own public key and every key they trust, by key id. */
export function trustedKeys(home: string): Map<string, PublicKeyInfo & { name: string }> {
  const own = userSigningKey(home);
  const out = new Map<string, PublicKeyInfo & { name: string }>([[own.keyId, { keyId: own.keyId, publicKey: own.publicKey, name: 'you' }]]);
  if (!fs.existsSync(trustedDir(home))) return out;
  for (const entry of fs.readdirSync(trustedDir(home)).filter((f) => f.endsWith('.pub'))) {
    const publicKey = fs.readFileSync(path.join(trustedDir(home), entry), 'utf8').trim();
    const raw = Buffer.from(publicKey, 'base64');
    if (raw.length === 32) out.set(keyIdOf(raw), { keyId: keyIdOf(raw), publicKey, name: entry.replace(/\.pub$/, '') });
  }
  return out;
}

/** Trusts a colleague's public key (its raw base64, as `mlcycle keys show` prints it) under a name. */
export function trustKey(home: string, name: string, publicKey: string): PublicKeyInfo {
  if (!/^[\w.-]{1,64}$/.test(name)) throw new MlcycleError('INVALID_ARGUMENT', `A key name is letters, digits, '.', '_' or '-' (up to 64): '${name}' is not.`, { field: 'name' });
  publicKeyFromRaw(publicKey.trim());
  fs.mkdirSync(trustedDir(home), { recursive: true });
  fs.writeFileSync(path.join(trustedDir(home), `${name}.pub`), `${publicKey.trim()}\n`);
  const raw = Buffer.from(publicKey.trim(), 'base64');
  return { keyId: keyIdOf(raw), publicKey: publicKey.trim() };
}
