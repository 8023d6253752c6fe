import { MlcycleError } from '../../../shared/contract/errors';
import type { Recipe, RecipeStep } from '../../../shared/data/recipe';
import { ident, lit } from './sql';

const value = (v: string | number | boolean) => (typeof v === 'string' ? lit(v) : String(v));

/** One step as a SELECT over the previous step's relation `prev`. */
function stepSelect(step: RecipeStep, prev: string): string {
  switch (step.op) {
    case 'drop':
      return `SELECT * EXCLUDE (${step.columns.map(ident).join(', ')}) FROM ${prev}`;
    case 'rename':
      return `SELECT * RENAME (${ident(step.from)} AS ${ident(step.to)}) FROM ${prev}`;
    case 'filter':
      return `SELECT * FROM ${prev} WHERE (${step.where})`;
    case 'impute': {
      const c = ident(step.column);
      const fill =
        step.method === 'constant'
          ? value(step.value ?? '')
          : `(SELECT ${step.method === 'mean' ? `AVG(${c})` : step.method === 'median' ? `MEDIAN(${c})` : `MODE(${c})`} FROM ${prev})`;
      return `SELECT * REPLACE (COALESCE(${c}, ${fill}) AS ${c}) FROM ${prev}`;
    }
    case 'cast':
      return `SELECT * REPLACE (CAST(${ident(step.column)} AS ${step.type}) AS ${ident(step.column)}) FROM ${prev}`;
    case 'clip': {
      const c = ident(step.column);
      // GREATEST/LEAST skip NULLs, which would turn a missing value into the bound: keep it missing.
      return `SELECT * REPLACE (CASE WHEN ${c} IS NULL THEN NULL ELSE LEAST(GREATEST(${c}, (SELECT QUANTILE_CONT(${c}, ${step.lower}) FROM ${prev})), (SELECT QUANTILE_CONT(${c}, ${step.upper}) FROM ${prev})) END AS ${c}) FROM ${prev}`;
    }
    case 'dedupe':
      return `SELECT DISTINCT * FROM ${prev}`;
    case 'derive':
      return `SELECT *, (${step.expression}) AS ${ident(step.name)} FROM ${prev}`;
  }
}

/**
 * The recipe as one readable SQL query over `source`: a CTE per step, so a user can copy it and run
 * it in DuckDB themselves. `upTo` cuts the recipe after that many steps (to find a failing step).
 */
export function recipeSql(recipe: Recipe, source: string, upTo = recipe.steps.length): string {
  const steps = recipe.steps.slice(0, upTo);
  if (steps.length === 0) return `SELECT * FROM ${source}`;
  const ctes = [`step0 AS (SELECT * FROM ${source})`, ...steps.map((step, i) => `step${i + 1} AS (\n  -- ${i + 1}. ${step.op}\n  ${stepSelect(step, `step${i}`)}\n)`)];
  return `WITH ${ctes.join(',\n')}\nSELECT * FROM step${steps.length}`;
}

/** Runs `check` on growing prefixes of the recipe to name the first step DuckDB refuses. */
export async function firstFailingStep(recipe: Recipe, source: string, check: (sql: string) => Promise<void>): Promise<void> {
  for (let i = 1; i <= recipe.steps.length; i++) {
    try {
      await check(recipeSql(recipe, source, i));
    } catch (error) {
      const step = recipe.steps[i - 1]!;
      throw new MlcycleError('INVALID_ARGUMENT', `Step ${i} (${step.op}) cannot run: ${(error as Error).message.split('\n')[0]}`, { step: i, op: step.op });
    }
  }
}
