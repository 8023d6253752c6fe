import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The per-user folder for settings that belong to no project (recent projects, identity).
 * MLCYCLE_HOME overrides it, which tests use to get a fresh one.
 */
export function defaultHomeDir(env = process.env, platform = process.platform): string {
  if (env.MLCYCLE_HOME) return path.resolve(env.MLCYCLE_HOME);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'MLCycle');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'MLCycle');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(os.homedir(), '.config'), 'mlcycle');
}

/** Writes JSON via a temp file and rename, so a crash never leaves a half-written file. */
export function writeJsonAtomic(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(value, null, 2));
  fs.renameSync(tmp, file);
}

export function readJson<T>(file: string, fallback: T): T {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return fallback;
  }
}

/**
 * Who the audit log names: MLCYCLE_USER, else "identity" in <home>/config.json, else the OS user.
 */
export function resolveIdentity(homeDir: string, env = process.env): string {
  if (env.MLCYCLE_USER?.trim()) return env.MLCYCLE_USER.trim();
  const config = readJson<{ identity?: unknown }>(path.join(homeDir, 'config.json'), {});
  if (typeof config.identity === 'string' && config.identity.trim()) return config.identity.trim();
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown';
  }
}
