import { Recipe } from '../../../shared/data/recipe';
import type { StepKind } from './clean-steps';

/** What crosses the recipe editor's edges: recipe files, and where the engine says a preview failed. */

/** `steps[2].where`, as a person reads a field path (steps numbered from 1 in words elsewhere). */
function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/** A recipe file's text as a Recipe, or which field is wrong and why, in words. */
export function parseRecipeJson(text: string): { recipe: Recipe } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { error: `The file is not JSON: ${(error as Error).message}` };
  }
  const parsed = Recipe.safeParse(raw);
  if (parsed.success) return { recipe: parsed.data };
  const issues = parsed.error.issues.slice(0, 3).map((issue) => {
    const where = pathText(issue.path);
    const step = issue.path[0] === 'steps' && typeof issue.path[1] === 'number' ? ` (step ${issue.path[1] + 1})` : '';
    return `${where || 'the file'}${step}: ${issue.message}`;
  });
  const more = parsed.error.issues.length > 3 ? ` (and ${parsed.error.issues.length - 3} more)` : '';
  return { error: `Not a recipe: ${issues.join('; ')}${more}.` };
}

/** The recipe as a file a user keeps next to the data or passes to `mlcycle data clean --recipe`. */
export function recipeJson(recipe: Recipe): string {
  return `${JSON.stringify(recipe, null, 2)}\n`;
}

/** The field of a step that an engine complaint about the whole step most likely concerns. */
const MAIN_FIELD: Partial<Record<StepKind, string>> = { filter: 'where', derive: 'expression', cast: 'type' };

/** Where a preview error belongs: a step (0-based) and maybe one of its fields, or the recipe as a whole. */
export interface PreviewErrorPlace {
  step: number | null;
  field: string | null;
}

/**
 * Reads where the engine says a preview failed. It names the step DuckDB refused as
 * `details.step` (1-based, with `op`), and a field it refused at the boundary as
 * `details.fields[].field` = `recipe.steps[2].where`.
 */
export function previewErrorPlace(details: unknown, stepCount: number): PreviewErrorPlace {
  const d = (typeof details === 'object' && details !== null ? details : {}) as { step?: unknown; op?: unknown; fields?: unknown };
  if (typeof d.step === 'number' && Number.isInteger(d.step) && d.step >= 1 && d.step <= stepCount) {
    return { step: d.step - 1, field: typeof d.op === 'string' ? (MAIN_FIELD[d.op as StepKind] ?? null) : null };
  }
  if (Array.isArray(d.fields)) {
    for (const f of d.fields as Array<{ field?: unknown }>) {
      const match = typeof f?.field === 'string' ? /^recipe\.steps\[(\d+)\](?:\.([A-Za-z]+))?/.exec(f.field) : null;
      if (match && Number(match[1]) < stepCount) return { step: Number(match[1]), field: match[2] ?? null };
    }
  }
  return { step: null, field: null };
}
