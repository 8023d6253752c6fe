import fs from 'node:fs';
import path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { MlcycleError } from '../../../shared/contract/errors';
import type { SigningKey } from './keys';
import { MANIFEST, signManifest, type Manifest } from './manifest';
import { unsafePathReason } from './verify';

/**
 * Writes a signed package: a folder, or the same files as one .mlpkg zip when the name ends so.
 * Either appears whole or not at all (written under a temporary name, then renamed).
 */
export function writePackage(out: string, files: Map<string, Uint8Array>, key: SigningKey): Manifest {
  for (const p of files.keys()) {
    const reason = unsafePathReason(p);
    if (reason || p === MANIFEST) throw new MlcycleError('INVALID_ARGUMENT', `Cannot package '${p}': ${reason ?? 'the name is reserved for the manifest'}.`, { path: p });
  }
  const manifest = signManifest(files, key);
  const all = new Map(files).set(MANIFEST, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  const target = path.resolve(out);
  if (fs.existsSync(target) && (fs.statSync(target).isFile() ? !target.endsWith('.mlpkg') : fs.readdirSync(target).length > 0)) {
    throw new MlcycleError('CONFLICT', `${out} already exists and is not empty: choose a new folder or .mlpkg file name.`, { path: out });
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    if (target.endsWith('.mlpkg')) {
      // Fixed timestamps: the same files give the same zip bytes.
      const entries = Object.fromEntries([...all].map(([p, bytes]) => [p, [bytes, { mtime: new Date('2000-01-01T00:00:00Z') }] as const]));
      fs.writeFileSync(tmp, zipSync(entries as never, { level: 6 }));
      fs.renameSync(tmp, target);
    } else {
      for (const [p, bytes] of all) {
        fs.mkdirSync(path.dirname(path.join(tmp, p)), { recursive: true });
        fs.writeFileSync(path.join(tmp, p), bytes);
      }
      if (fs.existsSync(target)) fs.rmdirSync(target);
      fs.renameSync(tmp, target);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return manifest;
}

/** Unpacks a verified .mlpkg into a new folder (callers verify first; paths are checked again here). */
export function unpackPackage(file: string, dir: string): void {
  const entries = unzipSync(fs.readFileSync(file));
  for (const [name, bytes] of Object.entries(entries)) {
    if (name.endsWith('/')) continue;
    const reason = unsafePathReason(name);
    if (reason) throw new MlcycleError('INVALID_ARGUMENT', `The archive holds '${name}', ${reason} (zip-slip): refusing to unpack it.`, { path: name });
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), bytes);
  }
}
