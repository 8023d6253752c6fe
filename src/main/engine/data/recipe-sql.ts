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
    case 'label': {
      const c = ident(step.column);
      const cases = step.values.map((v) => `WHEN ${v.row} THEN ${value(v.value)}`).join(' ');
      return `SELECT * REPLACE (CASE file_row_number ${cases} ELSE ${c} END AS ${c}) FROM ${prev}`;
    }
  }
}

/** The relation a recipe reads; asked for with DuckDB's file_row_number when labels address rows. */
export type RecipeSource = (withRowNumbers: boolean) => string;

/** `read_parquet('file')`, with row positions on request. */
export const parquetSource =
  (file: string): RecipeSource =>
  (withRowNumbers) =>
    `read_parquet(${lit(file)}${withRowNumbers ? ', file_row_number = true' : ''})`;

/**
 * The recipe as one readable SQL query: a CTE per step, so a user can copy it and run it in DuckDB
 * themselves. `upTo` cuts the recipe after that many steps (to find a failing step). Label steps
 * (always first) address rows by position, so the source then carries file_row_number until the
 * last label has run.
 */
export function recipeSql(recipe: Recipe, source: RecipeSource, upTo = recipe.steps.length): string {
  const steps = recipe.steps.slice(0, upTo);
  const labels = steps.filter((s) => s.op === 'label').length;
  if (steps.length === 0) return `SELECT * FROM ${source(false)}`;
  const ctes = [`step0 AS (SELECT * FROM ${source(labels > 0)})`];
  let prev = 'step0';
  steps.forEach((step, i) => {
    const name = `step${i + 1}`;
    ctes.push(`${name} AS (\n  -- ${i + 1}. ${step.op}\n  ${stepSelect(step, prev)}\n)`);
    prev = name;
    if (labels > 0 && i + 1 === labels) {
      ctes.push(`${name}_data AS (SELECT * EXCLUDE (file_row_number) FROM ${name})`);
      prev = `${name}_data`;
    }
  });
  return `WITH ${ctes.join(',\n')}\nSELECT * FROM ${prev}`;
}

/** Runs `check` on growing prefixes of the recipe to name the first step DuckDB refuses. */
export async function firstFailingStep(recipe: Recipe, source: RecipeSource, check: (sql: string) => Promise<void>): Promise<void> {
  for (let i = 1; i <= recipe.steps.length; i++) {
    try {
      await check(recipeSql(recipe, source, i));
    } catch (error) {
      const step = recipe.steps[i - 1]!;
      throw new MlcycleError('INVALID_ARGUMENT', `Step ${i} (${step.op}) cannot run: ${(error as Error).message.split('\n')[0]}`, { step: i, op: step.op });
    }
  }
}
