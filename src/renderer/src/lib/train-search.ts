import type { NumberParamSpec, ParamSpec } from '../../../shared/train/learners';
import type { ModelKind, SearchDimension } from '../../../shared/train/models';
import { defaultText, layersProblem, numberProblem, paramProblem } from './train-params';
import { paramText } from './train-words';

/**
 * The Search and Auto parts of the New run form as pure functions: how each parameter is searched
 * (a range, a list, or a set of choices), pre-filled from the engine's default search space, and
 * read back into `train.search` / `train.auto` arguments with a problem per field.
 */

/** How one parameter is searched; `searched: false` keeps it fixed at the single-run field's value. */
export type DimDraft =
  | { shape: 'range'; searched: boolean; low: string; high: string; log: boolean }
  | { shape: 'list'; searched: boolean; values: string }
  | { shape: 'choices'; searched: boolean; chosen: string[] };

/** Layer lists hold commas ("64,64"), so a list of them is separated by semicolons. */
export const listSeparator = (spec: ParamSpec) => (spec.kind === 'layers' ? ';' : ',');

const clamp = (v: number, spec: NumberParamSpec) => Math.min(spec.max, Math.max(spec.min, v));

/**
 * A range worth trying for a number the default space leaves out: a decade either side of a
 * positive default on a log scale, half to twice a whole number, else the first tenth of the range.
 */
export function suggestedRange(spec: NumberParamSpec): { low: number; high: number; log: boolean } {
  const d = spec.default;
  if (spec.integer) {
    if (d <= 0) return { low: spec.min, high: clamp(spec.min + 10, spec), log: false };
    return { low: clamp(Math.ceil(d / 2), spec), high: clamp(d * 2, spec), log: false };
  }
  // toPrecision: 1e-6 × 10 is 9.999…e-6 in binary; the form should show 1e-5.
  const decade = (x: number) => clamp(Number(x.toPrecision(12)), spec);
  if (d > 0) return { low: decade(d / 10), high: decade(d * 10), log: true };
  return { low: spec.min, high: spec.min + (spec.max - spec.min) / 10, log: false };
}

/** The form's starting point for a parameter: the engine's default space where it has one, else not searched. */
export function defaultDim(spec: ParamSpec, space: SearchDimension | undefined): DimDraft {
  const searched = space !== undefined;
  if (spec.kind === 'choice') return { shape: 'choices', searched, chosen: space && 'values' in space ? space.values.map(String) : [...spec.choices] };
  if (space && 'values' in space) return { shape: 'list', searched, values: space.values.map((v) => (typeof v === 'number' ? paramText(v) : v)).join(`${listSeparator(spec)} `) };
  if (spec.kind === 'layers') return { shape: 'list', searched, values: defaultText(spec) };
  const range = space ?? suggestedRange(spec);
  const [low, high] = 'min' in range ? [range.min, range.max] : [range.low, range.high];
  return { shape: 'range', searched, low: paramText(low), high: paramText(high), log: range.log };
}

/** A number parameter switched between a range and a list, keeping what can be kept. */
export function reshape(spec: ParamSpec, dim: DimDraft, shape: 'range' | 'list'): DimDraft {
  if (dim.shape === shape || spec.kind !== 'number') return dim;
  if (dim.shape === 'range') return { shape: 'list', searched: dim.searched, values: `${dim.low}, ${dim.high}` };
  const s = suggestedRange(spec);
  return { shape: 'range', searched: dim.searched, low: paramText(s.low), high: paramText(s.high), log: s.log };
}

function readDim(spec: ParamSpec, dim: DimDraft): { dim: SearchDimension } | { problem: string } {
  if (dim.shape === 'choices') {
    return dim.chosen.length ? { dim: { values: spec.kind === 'choice' ? spec.choices.filter((c) => dim.chosen.includes(c)) : dim.chosen } } : { problem: `Tick at least one ${spec.label.toLowerCase()} to try.` };
  }
  if (dim.shape === 'list') {
    const items = dim.values.split(listSeparator(spec)).map((v) => v.trim()).filter(Boolean);
    if (!items.length) return { problem: `List at least one value, separated by “${listSeparator(spec)}”.` };
    for (const item of items) {
      const problem = spec.kind === 'layers' ? layersProblem(spec.label, item) : paramProblem(spec, item);
      if (problem) return { problem };
    }
    return { dim: { values: spec.kind === 'number' ? items.map(Number) : items } };
  }
  if (spec.kind !== 'number') return { problem: `${spec.label} cannot be searched over a range.` };
  const problem = numberProblem(spec, dim.low) ?? numberProblem(spec, dim.high);
  if (problem) return { problem };
  const [min, max] = [Number(dim.low), Number(dim.high)];
  if (min >= max) return { problem: `The low end of ${spec.label.toLowerCase()} must be below the high end.` };
  if (dim.log && min <= 0) return { problem: 'A log scale needs a low end above 0: untick “log” or raise it.' };
  return { dim: { min, max, log: dim.log, integer: spec.integer } };
}

export interface SearchSettings {
  space: Record<string, SearchDimension>;
  /** Parameters not searched, at the single-run fields' values. */
  fixed: Record<string, number | string>;
  /** Per parameter name; `_space` when nothing is searched. */
  problems: Record<string, string>;
}

/** The search space and fixed parameters as `train.search` takes them, or the problems per parameter. */
export function readSearch(specs: readonly ParamSpec[], defaults: Record<string, SearchDimension>, dims: Record<string, DimDraft>, texts: Record<string, string>): SearchSettings {
  const out: SearchSettings = { space: {}, fixed: {}, problems: {} };
  for (const spec of specs) {
    const dim = dims[spec.name] ?? defaultDim(spec, defaults[spec.name]);
    if (dim.searched) {
      const read = readDim(spec, dim);
      if ('problem' in read) out.problems[spec.name] = read.problem;
      else out.space[spec.name] = read.dim;
      continue;
    }
    const text = texts[spec.name] ?? defaultText(spec);
    const problem = paramProblem(spec, text);
    if (problem) out.problems[spec.name] = problem;
    else out.fixed[spec.name] = spec.kind === 'number' ? Number(text) : text.trim();
  }
  if (!Object.keys(out.space).length && !Object.keys(out.problems).length) out.problems._space = 'Tick “search” on at least one parameter.';
  return out;
}

/** Why the number of trials cannot be sent, or null (the engine takes 2 to 500). */
export function trialsProblem(text: string): string | null {
  const t = text.trim();
  return /^\d+$/.test(t) && Number(t) >= 2 && Number(t) <= 500 ? null : 'A whole number of trials from 2 to 500.';
}

/** The time budget in minutes as the seconds `train.auto` takes, or why it cannot be sent (the engine takes 10 s to 24 h). */
export function budgetSeconds(minutes: string): { seconds: number } | { problem: string } {
  const value = Number(minutes.trim());
  if (minutes.trim() === '' || !Number.isFinite(value)) return { problem: 'A number of minutes, e.g. 5 or 0.5.' };
  const seconds = Math.round(value * 60);
  if (seconds < 10) return { problem: 'Give auto at least 10 seconds (0.17 minutes).' };
  if (seconds > 86_400) return { problem: 'At most 24 hours (1440 minutes).' };
  return { seconds };
}

/** The learners auto will try: those ticked (all available ones until the user changes that). */
export function autoModels(chosen: readonly ModelKind[] | null, available: readonly ModelKind[]): ModelKind[] {
  return chosen ? available.filter((m) => chosen.includes(m)) : [...available];
}
