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
