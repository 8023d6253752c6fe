import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

/**
 * File upload for the browser workspace: a browser page cannot hand the engine a path on the
 * host's disk, so it streams the file here (POST /api/upload?name=file.csv, raw bytes) and gets back
 * a path that `data.import` reads. The file is written under a temporary name and renamed only
 * when every byte arrived: a cut-off upload leaves nothing behind.
 */

export interface UploadLimits {
  /** Folder for uploaded files; the host removes it when it stops. */
  dir: string;
  maxBytes: number;
}

export interface UploadResult {
  path: string;
  name: string;
  bytes: number;
}

/** 20 GiB: far beyond what fits in a browser tab's patience, far below a full disk. */
export const DEFAULT_UPLOAD_MAX_BYTES = 20 * 1024 ** 3;

/** The base name only, without path separators or control characters; keeps the extension that tells the format. */
export function safeUploadName(raw: string | null): string | null {
  // Control characters (code points below 32, and 127) have no place in a file name.
  const base = [...((raw ?? '').split(/[\\/]/).pop() ?? '')].filter((ch) => ch.charCodeAt(0) >= 32 && ch.charCodeAt(0) !== 127).join('').trim();
  if (!base || base === '.' || base === '..') return null;
  return base.slice(-200);
}

class UploadError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function reply(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(JSON.stringify(body));
}

export async function handleUpload(req: http.IncomingMessage, res: http.ServerResponse, url: URL, limits: UploadLimits): Promise<void> {
  const name = safeUploadName(url.searchParams.get('name'));
  if (!name) return reply(res, 400, { error: 'Say which file this is: POST /api/upload?name=<file name with its extension>.' });
  const declared = req.headers['content-length'] === undefined ? null : Number(req.headers['content-length']);
  if (declared !== null && declared > limits.maxBytes) {
    req.resume();
    return reply(res, 413, { error: `${name} is ${(declared / 1024 ** 3).toFixed(1)} GiB; uploads are limited to ${(limits.maxBytes / 1024 ** 3).toFixed(1)} GiB. Import it by its path on this machine instead.` });
  }

  const folder = path.join(limits.dir, randomUUID());
  fs.mkdirSync(folder, { recursive: true });
  const partial = path.join(folder, `.${name}.partial`);
  let received = 0;
  try {
    await pipeline(
      req,
      async function* count(source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          received += chunk.length;
          if (received > limits.maxBytes) throw new UploadError(413, `${name} is larger than the upload limit of ${(limits.maxBytes / 1024 ** 3).toFixed(1)} GiB.`);
          yield chunk;
        }
      },
      fs.createWriteStream(partial),
    );
    // A client that promised more bytes than it sent was cut off, even if the stream ended cleanly.
    if (declared !== null && received !== declared) throw new UploadError(400, `The upload of ${name} was cut off: ${received} of ${declared} bytes arrived. Nothing was kept; try again.`);
    if (received === 0) throw new UploadError(400, `${name} is empty: there is nothing to import.`);
    const final = path.join(folder, name);
    fs.renameSync(partial, final);
    reply(res, 201, { path: final, name, bytes: received } satisfies UploadResult);
  } catch (error) {
    fs.rmSync(folder, { recursive: true, force: true });
    if (error instanceof UploadError) reply(res, error.status, { error: error.message });
    else reply(res, 400, { error: `The upload of ${name} was cut off after ${received} bytes (${(error as Error).message}). Nothing was kept; try again.` });
  }
}
