import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where the built pieces sit relative to the main bundle (out/main/index.js), in development and
 * inside the packaged app.asar alike.
 */
const mainDir = path.dirname(fileURLToPath(import.meta.url));

export const paths = {
  mainDir,
  engineProcess: path.join(mainDir, 'engine-process.js'),
  preload: path.join(mainDir, '..', 'preload', 'index.cjs'),
  rendererDir: path.join(mainDir, '..', 'renderer'),
  /** The runtime window icon (Linux/Windows); the installers take theirs from build/. */
  icon: path.join(mainDir, '..', '..', 'resources', 'icon.png'),
};
