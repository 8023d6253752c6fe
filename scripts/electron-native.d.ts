export interface RunResult {
  status: number | null;
  output: string;
}
export interface RunOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}
export type Runner = (command: string, args: string[], options: RunOptions) => RunResult;
export declare function runCaptured(command: string, args: string[], options: RunOptions): RunResult;
export declare function ensureElectronSqlite(options: {
  root: string;
  electronVersion: string;
  platform?: string;
  arch?: string;
  log?: (line: string) => void;
  run?: Runner;
}): string;
export declare function resolveElectron(
  root: string,
  say?: (line: string) => void,
): { ok: true; path: string; version: string } | { ok: false; reason: string };
