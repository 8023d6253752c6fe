import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Db } from './database';

export const ARTIFACTS_DIR = 'artifacts';

/**
 * Name for a file being written into artifacts/ before it is adopted: a dot file carrying the
 * writer's process id, so a later engine can delete what a killed one left behind.
 */
export function temporaryName(kind: string, extension = ''): string {
  return `.${kind}-${process.pid}-${randomUUID()}${extension}`;
}

const TEMPORARY = /^\.[a-z]+-(\d+)-[0-9a-f-]{36}/;

/** The sha256 of a file, streamed (files may be larger than memory). */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest('hex');
}

export interface ArtifactRef {
  sha256: string;
  size: number;
  path: string;
}

/**
 * Content-addressed files under <project>/artifacts/<first two hex>/<sha256>. Writing the same bytes
 * twice stores them once. Files are written to a temp name and renamed, so a crash never leaves a
 * half-written artifact under its final name.
 */
export class ArtifactStore {
  constructor(
    private readonly rootDir: string,
    private readonly db: Db,
  ) {
    fs.mkdirSync(rootDir, { recursive: true });
  }

  pathOf(sha256: string): string {
    return path.join(this.rootDir, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return fs.existsSync(this.pathOf(sha256));
  }

  async putBytes(bytes: Uint8Array, mediaType = 'application/octet-stream'): Promise<ArtifactRef> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return this.commit(sha256, bytes.byteLength, mediaType, (tmp) => fs.promises.writeFile(tmp, bytes));
  }

  /** Streams a file in (it may be larger than memory), hashing as it copies. */
  async putFile(source: string, mediaType = 'application/octet-stream'): Promise<ArtifactRef> {
    const tmp = this.tempPath();
    const hash = createHash('sha256');
    let size = 0;
    try {
      await pipeline(
        fs.createReadStream(source),
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            hash.update(chunk);
            size += chunk.length;
            yield chunk;
          }
        },
        fs.createWriteStream(tmp),
      );
    } catch (error) {
      fs.rmSync(tmp, { force: true });
      throw error;
    }
    return this.commit(hash.digest('hex'), size, mediaType, async () => {}, tmp);
  }

  /**
   * Takes ownership of a file already written and hashed elsewhere on the same disk (by a worker):
   * renamed into place, or dropped if the same content is already stored.
   */
  adoptFile(file: string, sha256: string, mediaType: string): ArtifactRef {
    const final = this.pathOf(sha256);
    const size = fs.statSync(file).size;
    if (fs.existsSync(final)) fs.rmSync(file, { force: true });
    else {
      fs.mkdirSync(path.dirname(final), { recursive: true });
      fs.renameSync(file, final);
    }
    this.db.prepare('INSERT OR IGNORE INTO artifacts (sha256, size, media_type, created_at) VALUES (?, ?, ?, ?)').run(sha256, size, mediaType, new Date().toISOString());
    return { sha256, size, path: final };
  }

  /** Deletes temporary files whose writing process is gone (killed mid-import, crashed). */
  sweepTemporaries(isAlive: (pid: number) => boolean): string[] {
    const removed: string[] = [];
    for (const name of fs.readdirSync(this.rootDir)) {
      const match = TEMPORARY.exec(name);
      if (match && !isAlive(Number(match[1]))) {
        fs.rmSync(path.join(this.rootDir, name), { force: true, recursive: true });
        removed.push(name);
      }
    }
    return removed;
  }

  /** Where workers write files they will hand over with adoptFile (same disk, so rename is atomic). */
  get root(): string {
    return this.rootDir;
  }

  private tempPath(): string {
    return path.join(this.rootDir, temporaryName('tmp'));
  }

  private async commit(
    sha256: string,
    size: number,
    mediaType: string,
    write: (tmp: string) => Promise<void>,
    existingTmp?: string,
  ): Promise<ArtifactRef> {
    const final = this.pathOf(sha256);
    const tmp = existingTmp ?? this.tempPath();
    if (fs.existsSync(final)) {
      fs.rmSync(tmp, { force: true });
    } else {
      try {
        await write(tmp);
        fs.mkdirSync(path.dirname(final), { recursive: true });
        fs.renameSync(tmp, final);
      } catch (error) {
        fs.rmSync(tmp, { force: true });
        throw error;
      }
    }
    this.db
      .prepare('INSERT OR IGNORE INTO artifacts (sha256, size, media_type, created_at) VALUES (?, ?, ?, ?)')
      .run(sha256, size, mediaType, new Date().toISOString());
    return { sha256, size, path: final };
  }
}
