import { toShownError } from './errors';

/**
 * Why a save was refused: a sentence for the top of the form, and per-field messages keyed by the
 * field's path inside the saved value (`primaryMetric.threshold`, `links[0].ref`), so each input can
 * show its own message beside it.
 */
export interface FormProblem {
  message: string;
  fields: Record<string, string>;
  /** Which refusal this is: a new number per refused save, kept while fields are fixed one by one. */
  raised: number;
}

let refusals = 0;

interface WireField {
  field: string;
  message: string;
}

function wireFields(error: unknown): WireField[] {
  const details = (error as { details?: { fields?: unknown } } | null)?.details;
  if (!Array.isArray(details?.fields)) return [];
  return details.fields.filter((f): f is WireField => typeof f?.field === 'string' && typeof f?.message === 'string');
}

/**
 * Turns an engine rejection into a FormProblem. The engine names fields by their path in the call's
 * arguments (`objective.primaryMetric.threshold`); `argument` is that first segment, stripped so
 * paths match the form's own.
 */
export function toFormProblem(error: unknown, argument: string): FormProblem {
  const shown = toShownError(error);
  const fields: Record<string, string> = {};
  for (const { field, message } of wireFields(error)) {
    const path = field === argument ? '' : field.startsWith(`${argument}.`) ? field.slice(argument.length + 1) : field;
    fields[path] ??= message;
  }
  if (shown.code !== 'INVALID_ARGUMENT' || Object.keys(fields).length === 0) return { message: `Not saved: ${shown.message}`, fields, raised: ++refusals };
  return { message: attention(Object.keys(fields).length), fields, raised: ++refusals };
}

/** Problems found before asking the engine (an empty threshold, a number that is not one). */
export function localProblem(fields: Record<string, string>): FormProblem | null {
  const count = Object.keys(fields).length;
  if (count === 0) return null;
  return { message: attention(count), fields, raised: ++refusals };
}

function attention(count: number): string {
  return `Not saved: ${count === 1 ? 'one field needs' : `${count} fields need`} attention.`;
}

/**
 * The message for an input at `path`: its own, or one about something inside it (a list input
 * shows `sensitiveColumns[0]`'s message).
 */
export function problemAt(problem: FormProblem | null, path: string): string | undefined {
  if (!problem) return undefined;
  const own = problem.fields[path];
  if (own !== undefined) return own;
  const nested = Object.keys(problem.fields).find((key) => key.startsWith(`${path}[`) || key.startsWith(`${path}.`));
  return nested === undefined ? undefined : problem.fields[nested];
}

/** The DOM id of the input for a field path, so the summary at the top can link to it. */
export function inputIdFor(form: string, path: string): string {
  return `${form}-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
}

/** Text typed into a number field: empty is null, anything else must be a finite number. */
export function parseNumber(text: string): { value: number | null; ok: boolean } {
  const trimmed = text.trim();
  if (trimmed === '') return { value: null, ok: true };
  const value = Number(trimmed);
  return Number.isFinite(value) ? { value, ok: true } : { value: null, ok: false };
}

/**
 * The problem without the messages about `paths` (and anything inside them): editing a field takes
 * its complaint away, and once none are left the whole problem goes.
 */
export function withoutFields(problem: FormProblem | null, paths: readonly string[]): FormProblem | null {
  if (!problem) return null;
  const covered = (key: string) => paths.some((p) => key === p || key.startsWith(`${p}.`) || key.startsWith(`${p}[`));
  const kept = Object.entries(problem.fields).filter(([key]) => !covered(key));
  if (kept.length === Object.keys(problem.fields).length) return problem;
  return kept.length === 0 ? null : { message: attention(kept.length), fields: Object.fromEntries(kept), raised: problem.raised };
}
