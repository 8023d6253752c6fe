import { MlcycleError } from '../../../shared/contract/errors';

/**
 * Reads one numeric hyperparameter with its default and range, refusing anything else with a
 * message that names the parameter (params arrive from the CLI as text, from the UI as numbers).
 */
export function numberParam(raw: Record<string, unknown>, name: string, fallback: number, range: { min: number; max: number; integer?: boolean }): number {
  const given = raw[name];
  if (given === undefined || given === '') return fallback;
  const value = typeof given === 'string' ? Number(given) : given;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new MlcycleError('INVALID_ARGUMENT', `Parameter ${name} must be a number; got ${JSON.stringify(given)}.`, { field: `params.${name}` });
  if (range.integer && !Number.isInteger(value)) throw new MlcycleError('INVALID_ARGUMENT', `Parameter ${name} must be a whole number; got ${value}.`, { field: `params.${name}` });
  if (value < range.min || value > range.max) throw new MlcycleError('INVALID_ARGUMENT', `Parameter ${name} must be between ${range.min} and ${range.max}; got ${value}.`, { field: `params.${name}` });
  return value;
}

/** One of a fixed set of words. */
export function choiceParam<T extends string>(raw: Record<string, unknown>, name: string, fallback: T, choices: readonly T[]): T {
  const given = raw[name];
  if (given === undefined || given === '') return fallback;
  if (typeof given !== 'string' || !choices.includes(given as T)) throw new MlcycleError('INVALID_ARGUMENT', `Parameter ${name} must be one of ${choices.join(', ')}; got ${JSON.stringify(given)}.`, { field: `params.${name}` });
  return given as T;
}
