import { toApiError } from '../../shared/contract/errors';

/** Where a command writes; tests pass buffers, the real CLI passes process streams. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

export const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
};

/** Prints a result: JSON for scripts (--json), otherwise the human rendering. */
export function emit(io: CliIo, json: boolean | undefined, value: unknown, human: () => string): void {
  io.out(json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

/** Exit status 1 for a failed operation; scripts get the error shape on stdout with --json. */
export function reportError(io: CliIo, json: boolean | undefined, error: unknown): number {
  const apiError = toApiError(error);
  if (json) io.out(`${JSON.stringify({ error: apiError }, null, 2)}\n`);
  io.err(`mlcycle: ${apiError.message}\n`);
  return 1;
}

/** A bad command line: exit status 2, as for commander's own usage errors. */
export class UsageError extends Error {}

export function table(rows: string[][]): string {
  if (rows.length === 0) return '';
  const widths = rows[0]!.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  return rows.map((row) => row.map((cell, col) => cell.padEnd(widths[col]!)).join('  ').trimEnd()).join('\n');
}

/**
 * Runs a command body, turning thrown errors into exit status 1 (see program.ts). A body may
 * return an exit status of its own (e.g. 1 when a gate fails).
 */
export type RunCommand = (work: () => Promise<void | number>, json?: boolean) => Promise<void>;

/**
 * Resolves on the first Ctrl+C or SIGTERM, so a long-running command can finish its work cleanly;
 * a second one means "now" and exits at once.
 */
export function stopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) process.exit(130);
      stopping = true;
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
