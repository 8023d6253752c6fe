import fs from 'node:fs';
import path from 'node:path';

/** Content types are shared with the desktop app's app:// protocol. */
export { contentTypeFor as contentTypeOf } from '../policy/app-protocol';

/**
 * Maps a URL path to a file inside `root`, or null when it would escape root (`..`, encoded
 * traversal, absolute paths) or does not exist. Unknown paths without an extension fall back to
 * index.html so client-side routes reload.
 */
export function resolveStaticFile(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rootAbs = path.resolve(root);
  const candidate = path.resolve(rootAbs, `.${path.posix.normalize(`/${decoded}`)}`);
  if (candidate !== rootAbs && !candidate.startsWith(rootAbs + path.sep)) return null;
  if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  if (!path.extname(decoded)) return path.join(rootAbs, 'index.html');
  return null;
}
