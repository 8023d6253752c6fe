import type { ColumnInfo } from '../../../shared/data/models';
import type { RecipeStep } from '../../../shared/data/recipe';
import { isNumericType } from './data-words';

/**
 * The cleaning recipe as the editor holds it: one draft per step, with what the user typed kept as
 * typed (a quantile is text until it is a number), and the columns each step sees. Pure, so the
 * rules are unit-tested without a browser; clean-recipe.ts turns drafts into the engine's Recipe.
 */

export type StepKind = RecipeStep['op'];
export type ImputeMethod = Extract<RecipeStep, { op: 'impute' }>['method'];
type LabelStep = Extract<RecipeStep, { op: 'label' }>;

export type StepDraft = { id: number } & (
  | { op: 'drop'; columns: string[] }
  | { op: 'rename'; from: string; to: string }
  | { op: 'filter'; where: string }
  | { op: 'impute'; column: string; method: ImputeMethod; value: string }
  | { op: 'cast'; column: string; type: string }
  | { op: 'clip'; column: string; lower: string; upper: string }
  | { op: 'dedupe' }
  | { op: 'derive'; name: string; expression: string }
  /** Written by labelling; kept as it came and shown read-only. */
  | { op: 'label'; step: LabelStep }
);

/** The kinds a user can add, in the order the chooser lists them. Label steps come from labelling. */
export const ADDABLE_KINDS = ['drop', 'rename', 'filter', 'impute', 'cast', 'clip', 'dedupe', 'derive'] as const satisfies readonly StepKind[];

export const STEP_WORDS: Record<StepKind, { title: string; hint: string }> = {
  drop: { title: 'Drop columns', hint: 'remove columns the model should not see' },
  rename: { title: 'Rename a column', hint: 'give a column a clearer name' },
  filter: { title: 'Filter rows', hint: 'keep the rows where an SQL condition holds' },
  impute: { title: 'Fill missing values', hint: 'with the mean, median, most common value or a constant' },
  cast: { title: 'Change a type', hint: 'store a column as DOUBLE, VARCHAR, DATE…' },
  clip: { title: 'Clip to quantiles', hint: 'cap extreme values at a lower and upper quantile' },
  dedupe: { title: 'Remove duplicate rows', hint: 'keep one copy of rows equal in every column' },
  derive: { title: 'Derive a column', hint: 'add a column computed by an SQL expression' },
  label: { title: 'Labels', hint: 'labels set by hand on rows of the parent version' },
};

export const IMPUTE_WORDS: Record<ImputeMethod, string> = { mean: 'Mean', median: 'Median', mode: 'Most common (mode)', constant: 'A constant' };

/** Types offered for Cast; any DuckDB type name may be typed instead. */
export const CAST_TYPES = ['DOUBLE', 'BIGINT', 'INTEGER', 'DECIMAL(18,3)', 'VARCHAR', 'BOOLEAN', 'DATE', 'TIMESTAMP'] as const;

/** A column as a step sees it: the type is unknown for a derived column. */
export interface StepColumn {
  name: string;
  type: string | null;
}

export const isNumeric = (column: StepColumn | undefined): boolean => column?.type != null && isNumericType(column.type);

/** A new step of a kind, filled in as far as the columns allow, so most kinds preview at once. */
export function newStep(op: Exclude<StepKind, 'label'>, id: number, columns: readonly StepColumn[]): StepDraft {
  const first = columns[0]?.name ?? '';
  const firstNumeric = columns.find(isNumeric)?.name ?? first;
  switch (op) {
    case 'drop':
      return { id, op, columns: [] };
    case 'rename':
      return { id, op, from: first, to: '' };
    case 'filter':
      return { id, op, where: '' };
    case 'impute': {
      const numeric = columns.find(isNumeric);
      return { id, op, column: numeric?.name ?? first, method: numeric ? 'median' : 'mode', value: '' };
    }
    case 'cast':
      return { id, op, column: first, type: 'DOUBLE' };
    case 'clip':
      return { id, op, column: firstNumeric, lower: '0.01', upper: '0.99' };
    case 'dedupe':
      return { id, op };
    case 'derive':
      return { id, op, name: '', expression: '' };
  }
}

const text = (v: string | number | boolean | undefined) => (v === undefined ? '' : String(v));

/** A step of a loaded (or earlier) recipe as a draft. */
export function stepToDraft(step: RecipeStep, id: number): StepDraft {
  switch (step.op) {
    case 'drop':
      return { id, op: 'drop', columns: [...step.columns] };
    case 'rename':
      return { id, op: 'rename', from: step.from, to: step.to };
    case 'filter':
      return { id, op: 'filter', where: step.where };
    case 'impute':
      return { id, op: 'impute', column: step.column, method: step.method, value: text(step.value) };
    case 'cast':
      return { id, op: 'cast', column: step.column, type: step.type };
    case 'clip':
      return { id, op: 'clip', column: step.column, lower: String(step.lower), upper: String(step.upper) };
    case 'dedupe':
      return { id, op: 'dedupe' };
    case 'derive':
      return { id, op: 'derive', name: step.name, expression: step.expression };
    case 'label':
      return { id, op: 'label', step };
  }
}

/** The columns each step sees (index i: before step i), and after the last one (index n). */
export function columnsThrough(drafts: readonly StepDraft[], initial: readonly ColumnInfo[]): StepColumn[][] {
  let columns: StepColumn[] = initial.map((c) => ({ name: c.name, type: c.type }));
  const out = [columns];
  for (const d of drafts) {
    switch (d.op) {
      case 'drop':
        columns = columns.filter((c) => !d.columns.includes(c.name));
        break;
      case 'rename':
        if (d.to.trim()) columns = columns.map((c) => (c.name === d.from ? { ...c, name: d.to } : c));
        break;
      case 'cast':
        if (d.type.trim()) columns = columns.map((c) => (c.name === d.column ? { ...c, type: d.type.trim().toUpperCase() } : c));
        break;
      case 'impute':
        // AVG and MEDIAN of integers are DOUBLE, and COALESCE widens the column to match.
        if (d.method === 'mean' || d.method === 'median') columns = columns.map((c) => (c.name === d.column && isNumeric(c) ? { ...c, type: 'DOUBLE' } : c));
        break;
      case 'derive':
        if (d.name && !columns.some((c) => c.name === d.name)) columns = [...columns, { name: d.name, type: null }];
        break;
      default:
        break;
    }
    out.push(columns);
  }
  return out;
}

/** A constant typed for a column: a number for a numeric column, true/false for a boolean one, else text. */
export function constantFor(value: string, column: StepColumn | undefined): string | number | boolean {
  const trimmed = value.trim();
  if (isNumeric(column) && trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed);
  if (column?.type === 'BOOLEAN' && /^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === 'true';
  return value;
}
