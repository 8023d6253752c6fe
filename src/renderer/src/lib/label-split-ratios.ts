import type { ColumnInfo } from '../../../shared/data/models';
import type { SplitStrategy } from '../../../shared/data/split';
import { toShownError } from './errors';
import { labelKind } from './label-split-values';

/**
 * The split form's rules, pure so they are unit-tested: the three shares as typed, and which
 * columns make sense for each strategy.
 */

export interface RatioText {
  train: string;
  validation: string;
  test: string;
}

export type RatioCheck =
  | { ratios: number[]; error: null; fields: Partial<Record<keyof RatioText, string>> }
  | { ratios: null; error: string | null; fields: Partial<Record<keyof RatioText, string>> };

/** The engine's own tolerance (SplitRequest): 0.7 + 0.15 + 0.15 is 1 although floats say 1.0000000000000002. */
const TOLERANCE = 1e-9;

/**
 * Checks the typed shares. Validation may be 0 (no validation set: the engine then gets two
 * shares); train and test must each be more than 0 and less than 1; together they must make 1.
 */
export function checkRatios(text: RatioText): RatioCheck {
  const fields: Partial<Record<keyof RatioText, string>> = {};
  const values = {} as Record<keyof RatioText, number>;
  for (const key of ['train', 'validation', 'test'] as const) {
    const raw = text[key].trim();
    const n = raw === '' && key === 'validation' ? 0 : Number(raw);
    if (raw === '' && key !== 'validation') fields[key] = 'Give a share, e.g. 0.2.';
    else if (!Number.isFinite(n)) fields[key] = `"${raw}" is not a number.`;
    else if (n < 0 || n >= 1 || (n === 0 && key !== 'validation')) fields[key] = key === 'validation' ? 'Between 0 (no validation set) and 1.' : 'More than 0 and less than 1.';
    values[key] = n;
  }
  if (Object.keys(fields).length > 0) {
    const percents = Object.values(values).some((v) => v > 1) && Math.abs(values.train + values.validation + values.test - 100) < 1e-6;
    return { ratios: null, error: percents ? 'Shares are fractions of 1: write 0.6 for 60%.' : null, fields };
  }
  const sum = values.train + values.validation + values.test;
  if (Math.abs(sum - 1) > TOLERANCE) {
    const said = Number(sum.toFixed(6));
    return { ratios: null, error: `The shares add up to ${said}, not 1. Change them so train + validation + test = 1 (e.g. 0.6, 0.2, 0.2).`, fields: {} };
  }
  const ratios = values.validation === 0 ? [values.train, values.test] : [values.train, values.validation, values.test];
  return { ratios, error: null, fields };
}

/** The sets a split with these shares makes, in the engine's order (two shares: no validation set). */
export function setNames(shares: number): string[] {
  return shares === 2 ? ['train', 'test'] : ['train', 'validation', 'test'];
}

const isDateTime = (c: ColumnInfo) => c.semantic === 'datetime' || /^(DATE|TIME|TIMESTAMP)/i.test(c.type.trim());

/**
 * The columns worth offering for a strategy: classes to stratify by (categorical or boolean), a
 * date or time to order by, or an identifier to group by (text, categorical or whole numbers: a
 * group of floats would put nearly every row in its own group).
 */
export function splitColumns(columns: ColumnInfo[], strategy: SplitStrategy): ColumnInfo[] {
  switch (strategy) {
    case 'random':
      return [];
    case 'stratified':
      return columns.filter((c) => c.semantic === 'categorical' || c.semantic === 'boolean');
    case 'time':
      return columns.filter(isDateTime);
    case 'group':
      return columns.filter((c) => !isDateTime(c) && (c.semantic === 'categorical' || c.semantic === 'text' || labelKind(c) === 'integer'));
  }
}

/**
 * An engine refusal as the split form shows it: the field it names (`details.field`, or the first of
 * `details.fields`) and the reason without the "Invalid argument for data.split: 'column':" prefix,
 * which says nothing to a person looking at the form.
 */
export function refusal(error: unknown): { field: string | null; message: string } {
  const shown = toShownError(error);
  const details = (error as { details?: { field?: unknown; fields?: { field?: unknown }[] } } | null)?.details;
  const named = typeof details?.field === 'string' ? details.field : details?.fields?.find((f) => typeof f?.field === 'string')?.field;
  const reason = shown.message.replace(/^Invalid argument for [\w.]+: '[^']*': /, '');
  return { field: typeof named === 'string' ? named : null, message: reason.charAt(0).toUpperCase() + reason.slice(1) };
}
