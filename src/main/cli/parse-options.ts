import { InvalidArgumentError } from 'commander';
import { UsageError } from './output';

/** Parses a numeric option, or throws a usage error naming the flag. */
export function numberOption(flag: string) {
  return (value: string): number => {
    const n = Number(value);
    // commander reports InvalidArgumentError as a usage error (exit 2) naming the option.
    if (value.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`${flag} must be a number.`);
    return n;
  };
}

export function intOption(flag: string) {
  return (value: string): number => {
    const n = numberOption(flag)(value);
    if (!Number.isInteger(n)) throw new InvalidArgumentError(`${flag} must be a whole number.`);
    return n;
  };
}

/** Collects a repeatable option into an array. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `train=A,data=R` → {train: 'A', data: 'R'}; the engine checks the stage names and letters. */
export function parseAssignments(flag: string, text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [key, value, ...rest] = part.split('=');
    if (!key || value === undefined || rest.length) throw new UsageError(`${flag} takes stage=LETTER pairs separated by commas (e.g. train=A,data=R), got "${part}"`);
    out[key.trim()] = value.trim().toUpperCase();
  }
  return out;
}

/**
 * `maxDepth=6,learningRate=0.1` → {maxDepth: '6', learningRate: '0.1'}; each learner checks names
 * and ranges. A piece without '=' continues the previous value, so lists read naturally:
 * `hidden=64,64,epochs=3` → {hidden: '64,64', epochs: '3'}.
 */
export function parseParams(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let last: string | null = null;
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = part.indexOf('=');
    if (at < 0 && last !== null) {
      out[last] = `${out[last]},${part}`;
      continue;
    }
    if (at <= 0 || at === part.length - 1) throw new UsageError(`--params takes name=value pairs separated by commas (e.g. l2=0.01,maxIterations=300), got "${part}"`);
    last = part.slice(0, at).trim();
    out[last] = part.slice(at + 1).trim();
  }
  return out;
}
