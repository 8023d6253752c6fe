import crypto from 'node:crypto';
import { publicKeyFromRaw, type SigningKey } from './keys';

/**
 * manifest.json: the sha256 and size of every other file in a package, signed with ed25519 over
 * the canonical JSON (keys sorted, no spaces) of everything but the signature itself. Whoever
 * holds the public key can check that no byte changed and no file came or went.
 */

export const MANIFEST = 'manifest.json';
export const FORMAT = 'mlcycle-package/1';

export interface ManifestFile {
  path: string;
  sha256: string;
  bytes: number;
}

export interface Manifest {
  format: string;
  files: ManifestFile[];
  signer: { keyId: string; publicKey: string };
  signedAt: string;
  /** base64 ed25519 signature of canonicalJson(manifest without this field). */
  signature: string;
}

/** JSON with object keys sorted at every level: the same value always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sha256 = (bytes: Uint8Array): string => crypto.createHash('sha256').update(bytes).digest('hex');

/** The manifest for these files (path → content), signed with the user's key. */
export function signManifest(files: Map<string, Uint8Array>, key: SigningKey, now = new Date()): Manifest {
  const listed = [...files]
    .map(([path, bytes]) => ({ path, sha256: sha256(bytes), bytes: bytes.length }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const unsigned = { format: FORMAT, files: listed, signer: { keyId: key.keyId, publicKey: key.publicKey }, signedAt: now.toISOString() };
  const signature = crypto.sign(null, Buffer.from(canonicalJson(unsigned)), key.privateKey).toString('base64');
  return { ...unsigned, signature };
}

/** Whether the signature matches the manifest's contents and its own stated public key. */
export function signatureHolds(manifest: Manifest): boolean {
  const { signature, ...unsigned } = manifest;
  try {
    return crypto.verify(null, Buffer.from(canonicalJson(unsigned)), publicKeyFromRaw(manifest.signer.publicKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
