import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { keyIdOf, type PublicKeyInfo } from './keys';
import { FORMAT, MANIFEST, sha256, signatureHolds, type Manifest } from './manifest';

/**
 * `mlcycle package verify`: a package (folder or .mlpkg zip) passes only if its manifest is signed
 * by a trusted key, its signature matches, every listed file is there with the listed sha256, no
 * file is unlisted, and no path could escape the folder it is unpacked into (zip-slip). Each
 * failure is its own problem with its own words, so a user knows what happened.
 */

export type ProblemKind = 'not_a_package' | 'unsafe_path' | 'bad_signature' | 'untrusted_key' | 'missing_file' | 'extra_file' | 'changed_file';

export interface Problem {
  kind: ProblemKind;
  path: string | null;
  message: string;
}

export interface Verification {
  ok: boolean;
  signer: { keyId: string; trustedAs: string | null } | null;
  files: number;
  problems: Problem[];
}

/** A package's files as path → bytes, paths relative with '/' separators. */
type Contents = Map<string, Uint8Array>;

/**
 * Why a path is unsafe to unpack, or null when it is fine: absolute paths, drive letters,
 * backslashes (a separator on Windows), '..' or empty segments all could write outside the folder.
 */
export function unsafePathReason(p: string): string | null {
  if (p.length === 0) return 'an empty path';
  if (p.startsWith('/') || /^[A-Za-z]:/.test(p)) return 'an absolute path';
  if (p.includes('\\')) return 'a backslash, a path separator on Windows';
  if (p.includes('\0')) return 'a NUL byte';
  const segments = p.split('/');
  if (segments.includes('..')) return "a '..' segment that climbs out of the folder";
  if (segments.some((s) => s === '' || s === '.')) return "an empty or '.' segment";
  return null;
}

function readFolder(dir: string): Contents {
  const out: Contents = new Map();
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      // A symbolic link could point anywhere: listed as a file so it fails as extra or changed.
      if (entry.isDirectory()) walk(child);
      else out.set(child, entry.isFile() ? fs.readFileSync(path.join(dir, child)) : new Uint8Array());
    }
  };
  walk('');
  return out;
}

/** A zip's entries, before anything is written anywhere; directories are skipped. */
function readZip(file: string): { contents: Contents; unsafe: Problem[] } {
  const entries = unzipSync(fs.readFileSync(file));
  const contents: Contents = new Map();
  const unsafe: Problem[] = [];
  for (const [name, bytes] of Object.entries(entries)) {
    if (name.endsWith('/') && bytes.length === 0) continue;
    const reason = unsafePathReason(name);
    if (reason) unsafe.push({ kind: 'unsafe_path', path: name, message: `The archive holds '${name}', ${reason} (zip-slip): refusing to unpack it.` });
    else contents.set(name, bytes);
  }
  return { contents, unsafe };
}

export function readPackage(location: string): { contents: Contents; unsafe: Problem[] } {
  if (!fs.existsSync(location)) return { contents: new Map(), unsafe: [{ kind: 'not_a_package', path: null, message: `${location} does not exist.` }] };
  if (fs.statSync(location).isDirectory()) return { contents: readFolder(location), unsafe: [] };
  try {
    return readZip(location);
  } catch (error) {
    return { contents: new Map(), unsafe: [{ kind: 'not_a_package', path: null, message: `${location} is neither a package folder nor a readable .mlpkg zip: ${(error as Error).message}.` }] };
  }
}

function parseManifest(contents: Contents): Manifest | Problem {
  const bytes = contents.get(MANIFEST);
  if (!bytes) return { kind: 'not_a_package', path: MANIFEST, message: `There is no ${MANIFEST}: this is not an MLCycle package (or it was never signed).` };
  try {
    const m = JSON.parse(Buffer.from(bytes).toString('utf8')) as Manifest;
    if (m.format !== FORMAT || !Array.isArray(m.files) || typeof m.signature !== 'string' || !m.signer?.publicKey) throw new Error(`expected format ${FORMAT} with files, signer and signature`);
    return m;
  } catch (error) {
    return { kind: 'not_a_package', path: MANIFEST, message: `${MANIFEST} cannot be read: ${(error as Error).message}.` };
  }
}

/** Checks a package's contents against its manifest and the trusted keys. */
export function verifyContents(contents: Contents, trusted: Map<string, PublicKeyInfo & { name: string }>, unsafe: Problem[] = []): Verification {
  const problems = [...unsafe];
  const manifest = parseManifest(contents);
  if ('kind' in manifest) return { ok: false, signer: null, files: 0, problems: [...problems, manifest] };

  for (const f of manifest.files) {
    const reason = unsafePathReason(f.path);
    if (reason) problems.push({ kind: 'unsafe_path', path: f.path, message: `${MANIFEST} lists '${f.path}', ${reason} (zip-slip): refusing it.` });
  }
  // The key id is computed from the key itself, never taken from the manifest's word.
  const keyId = keyIdOf(Buffer.from(manifest.signer.publicKey, 'base64'));
  const trustedAs = trusted.get(keyId)?.name ?? null;
  if (!signatureHolds(manifest)) {
    problems.push({ kind: 'bad_signature', path: MANIFEST, message: `The signature does not match ${MANIFEST}: the manifest was changed after it was signed.` });
  } else if (!trustedAs) {
    problems.push({ kind: 'untrusted_key', path: MANIFEST, message: `Signed by key ${keyId}, which you do not trust. If you know whose it is, trust it: mlcycle keys trust <name> ${manifest.signer.publicKey}` });
  }
  const listed = new Set(manifest.files.map((f) => f.path));
  for (const f of manifest.files) {
    const bytes = contents.get(f.path);
    if (!bytes) problems.push({ kind: 'missing_file', path: f.path, message: `${f.path} is listed in the manifest but missing.` });
    else if (sha256(bytes) !== f.sha256) problems.push({ kind: 'changed_file', path: f.path, message: `${f.path} changed after signing: sha256 ${sha256(bytes).slice(0, 12)}… where the manifest says ${f.sha256.slice(0, 12)}….` });
  }
  for (const p of contents.keys()) {
    if (p !== MANIFEST && !listed.has(p)) problems.push({ kind: 'extra_file', path: p, message: `${p} is not in the manifest: a file was added after signing.` });
  }
  return { ok: problems.length === 0, signer: { keyId, trustedAs }, files: manifest.files.length, problems };
}

export function verifyPackage(location: string, trusted: Map<string, PublicKeyInfo & { name: string }>): Verification {
  const { contents, unsafe } = readPackage(location);
  if (unsafe.some((p) => p.kind === 'not_a_package')) return { ok: false, signer: null, files: 0, problems: unsafe };
  return verifyContents(contents, trusted, unsafe);
}
