import type { z } from 'zod';
import { MlcycleError } from '../../shared/contract/errors';

/** Formats a zod issue path the way a person writes it: `rows[3].name`. */
function fieldName(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/**
 * Parses arguments at the boundary. On failure the error names every offending field, e.g.
 * "Invalid argument for project.create: 'dir': expected string, received number".
 */
export function parseArgs<S extends z.ZodType>(method: string, schema: S, args: unknown): z.output<S> {
  const parsed = schema.safeParse(args ?? {});
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const keys = (issue as { keys: string[] }).keys;
      return { field: fieldName([...issue.path, keys[0] ?? '']), message: `unknown argument${keys.length > 1 ? 's' : ''} ${keys.map((k) => `'${k}'`).join(', ')}` };
    }
    return { field: fieldName(issue.path) || '(arguments)', message: issue.message };
  });
  const text = fields.map((f) => `'${f.field}': ${f.message}`).join('; ');
  throw new MlcycleError('INVALID_ARGUMENT', `Invalid argument for ${method}: ${text}`, { method, fields });
}
