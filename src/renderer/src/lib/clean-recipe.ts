import type { ColumnInfo } from '../../../shared/data/models';
import { Recipe, RecipeStep } from '../../../shared/data/recipe';
import { columnsThrough, constantFor, isNumeric, type StepColumn, type StepDraft } from './clean-steps';

/** Drafts checked into the engine's Recipe: each step against the columns it sees, then the whole. */

/** Per field of a step, why it cannot run yet; empty when it can. */
export type StepErrors = Record<string, string>;

const missingColumn = (name: string) => `no column '${name}' at this step`;

/** The draft as the engine's step, or the reasons it is not one yet (keyed by field). */
export function draftToStep(draft: StepDraft, columns: readonly StepColumn[]): { step: RecipeStep | null; errors: StepErrors } {
  const errors: StepErrors = {};
  const has = (name: string) => columns.some((c) => c.name === name);
  const needColumn = (field: string, name: string) => {
    if (name && !has(name)) errors[field] = missingColumn(name);
  };
  let input: unknown;
  switch (draft.op) {
    case 'drop': {
      const gone = draft.columns.find((c) => !has(c));
      if (gone) errors.columns = missingColumn(gone);
      else if (draft.columns.length > 0 && draft.columns.length >= columns.length) errors.columns = 'keep at least one column';
      input = { op: 'drop', columns: draft.columns };
      break;
    }
    case 'rename':
      needColumn('from', draft.from);
      if (draft.to && draft.to !== draft.from && has(draft.to)) errors.to = `a column named '${draft.to}' already exists`;
      input = { op: 'rename', from: draft.from, to: draft.to };
      break;
    case 'filter':
      input = { op: 'filter', where: draft.where };
      break;
    case 'impute': {
      needColumn('column', draft.column);
      const column = columns.find((c) => c.name === draft.column);
      if (draft.method === 'constant' && draft.value.trim() === '') errors.value = 'give the value that fills the gaps';
      if ((draft.method === 'mean' || draft.method === 'median') && column && column.type !== null && !isNumeric(column)) {
        errors.method = `the ${draft.method} needs a numeric column; '${draft.column}' is ${column.type}`;
      }
      input = { op: 'impute', column: draft.column, method: draft.method, ...(draft.method === 'constant' ? { value: constantFor(draft.value, column) } : {}) };
      break;
    }
    case 'cast':
      needColumn('column', draft.column);
      input = { op: 'cast', column: draft.column, type: draft.type.trim() };
      break;
    case 'clip': {
      needColumn('column', draft.column);
      const lower = quantile(draft.lower);
      const upper = quantile(draft.upper);
      if (lower === null) errors.lower = 'a quantile between 0 and 1, e.g. 0.01';
      if (upper === null) errors.upper = 'a quantile between 0 and 1, e.g. 0.99';
      input = { op: 'clip', column: draft.column, lower: lower ?? 0, upper: upper ?? 1 };
      break;
    }
    case 'dedupe':
      input = { op: 'dedupe' };
      break;
    case 'derive':
      if (draft.name && has(draft.name)) errors.name = `a column named '${draft.name}' already exists`;
      input = { op: 'derive', name: draft.name, expression: draft.expression };
      break;
    case 'label':
      input = draft.step;
      break;
  }
  const parsed = RecipeStep.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = typeof issue.path[0] === 'string' ? issue.path[0] : 'step';
      errors[field] ??= issue.message;
    }
  }
  return Object.keys(errors).length === 0 && parsed.success ? { step: parsed.data, errors } : { step: null, errors };
}

function quantile(value: string): number | null {
  const trimmed = value.trim();
  const n = Number(trimmed);
  return trimmed !== '' && Number.isFinite(n) && n >= 0 && n <= 1 ? n : null;
}

export interface CheckedRecipe {
  /** The recipe to preview and apply; null while some step is not valid. */
  recipe: Recipe | null;
  /** Per step (by index), its field problems. */
  errors: StepErrors[];
  /** A problem with the recipe as a whole (label steps out of place). */
  recipeError: string | null;
  /** The columns each step sees, and those the recipe leaves (last). */
  columns: StepColumn[][];
}

/** Checks every step against the columns it sees, and the recipe as a whole. */
export function checkRecipe(drafts: readonly StepDraft[], initial: readonly ColumnInfo[]): CheckedRecipe {
  const columns = columnsThrough(drafts, initial);
  const results = drafts.map((d, i) => draftToStep(d, columns[i]!));
  const errors = results.map((r) => r.errors);
  if (results.some((r) => r.step === null)) return { recipe: null, errors, recipeError: null, columns };
  const parsed = Recipe.safeParse({ steps: results.map((r) => r.step) });
  if (!parsed.success) return { recipe: null, errors, recipeError: parsed.error.issues[0]?.message ?? 'the recipe is not valid', columns };
  return { recipe: parsed.data, errors, recipeError: null, columns };
}

/** Moves the step at `index` by `delta` places; out of range leaves the list as it is. */
export function moveStep<T>(steps: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  if (index < 0 || index >= steps.length || to < 0 || to >= steps.length) return [...steps];
  const next = [...steps];
  const [moved] = next.splice(index, 1);
  next.splice(to, 0, moved!);
  return next;
}
