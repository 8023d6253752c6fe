import type { ParamSpec } from '../../../shared/train/learners';
import { paramText } from './train-words';

/**
 * The New run form's hyperparameter fields as pure functions of the engine's parameter specs
 * (`train.learners`: the same specs each learner's `parameters()` reads). The engine checks again
 * and names any parameter it refuses.
 */

/** A spec's default as the form shows it: "1e-4" reads better than 0.0001. */
export function defaultText(spec: ParamSpec): string {
  return spec.kind === 'number' ? paramText(spec.default) : spec.default;
}

/** The parameter fields as text, each at its default: what the form starts with for a learner. */
export function defaultParamTexts(specs: readonly ParamSpec[]): Record<string, string> {
  return Object.fromEntries(specs.map((p) => [p.name, defaultText(p)]));
}

/** The value `train.start` gets for a parameter: a number, or text for choices and layer lists. */
function valueOf(spec: ParamSpec, text: string): number | string {
  return spec.kind === 'number' ? Number(text.trim()) : text.trim();
}

/** Layer sizes as the engine takes them: up to 8 whole numbers from 1 to 4096. */
export function layersProblem(label: string, text: string): string | null {
  const units = text.split(/[,\s]+/).filter(Boolean).map(Number);
  return units.length >= 1 && units.length <= 8 && units.every((u) => Number.isInteger(u) && u >= 1 && u <= 4096) ? null : `${label}: up to 8 whole numbers from 1 to 4096, e.g. 64,64.`;
}

/** Why a typed number cannot be sent for this spec, in the engine's words, or null. */
export function numberProblem(spec: Extract<ParamSpec, { kind: 'number' }>, text: string): string | null {
  const trimmed = text.trim();
  const value = Number(trimmed);
  if (trimmed === '' || !Number.isFinite(value)) return `${spec.label} must be a number; got “${trimmed}”.`;
  if (spec.integer && !Number.isInteger(value)) return `${spec.label} must be a whole number.`;
  if (value < spec.min || value > spec.max) return `${spec.label} must be between ${spec.min.toLocaleString('en-US')} and ${spec.max.toLocaleString('en-US')}.`;
  return null;
}

/** Why a typed value cannot be sent, in the engine's words, or null when it is fine. */
export function paramProblem(spec: ParamSpec, text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return `Enter a value (the default is ${defaultText(spec)}).`;
  if (spec.kind === 'choice') return spec.choices.includes(trimmed) ? null : `${spec.label} must be one of ${spec.choices.join(', ')}.`;
  if (spec.kind === 'layers') return layersProblem(spec.label, trimmed);
  return numberProblem(spec, trimmed);
}

/** The typed parameters as `train.start` takes them, or the problems per parameter name. */
export function readParams(specs: readonly ParamSpec[], texts: Record<string, string>): { params: Record<string, number | string>; problems: Record<string, string> } {
  const params: Record<string, number | string> = {};
  const problems: Record<string, string> = {};
  for (const spec of specs) {
    const text = texts[spec.name] ?? defaultText(spec);
    const problem = paramProblem(spec, text);
    if (problem) problems[spec.name] = problem;
    else params[spec.name] = valueOf(spec, text);
  }
  return { params, problems };
}

/** A run's parameters with the defaults it did not name filled in, so runs started without them compare fairly. */
export function effectiveParams(specs: readonly ParamSpec[], given: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const spec of specs) out[spec.name] = spec.default;
  for (const [name, value] of Object.entries(given)) {
    // The CLI passes parameters as text: "0.01" and 0.01 are the same setting.
    out[name] = typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : value;
  }
  return out;
}
