import type { ColumnInfo } from '../../../shared/data/models';
import { cellText } from './data-words';

/**
 * What a typed label becomes before it goes to `data.label`. The engine writes the value into the
 * column with a CASE expression, so a label must have the column's own type: a number for a
 * numeric column (a text label would turn the whole column into text), true/false for a boolean.
 */
export type LabelKind = 'integer' | 'number' | 'boolean' | 'text';

const INTEGER = /^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT)\b/i;
const NUMBER = /^(FLOAT|REAL|DOUBLE|DECIMAL|NUMERIC)\b/i;

export function labelKind(column: Pick<ColumnInfo, 'type'>): LabelKind {
  const type = column.type.trim();
  if (INTEGER.test(type)) return 'integer';
  if (NUMBER.test(type)) return 'number';
  if (/^BOOL(EAN)?\b/i.test(type)) return 'boolean';
  return 'text';
}

export type ParsedLabel = { value: string | number | boolean; error: null } | { value: null; error: string };

const TRUE = new Set(['true', 't', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'f', 'no', 'n', '0']);

/** The typed text as the column's value, or why it cannot be one. Empty text is no label at all. */
export function parseLabel(text: string, kind: LabelKind): ParsedLabel {
  const trimmed = text.trim();
  if (!trimmed) return { value: null, error: 'Type a label.' };
  switch (kind) {
    case 'integer': {
      const n = Number(trimmed.replaceAll(',', ''));
      return Number.isSafeInteger(n) ? { value: n, error: null } : { value: null, error: `"${trimmed}" is not a whole number (the target is an integer column).` };
    }
    case 'number': {
      const n = Number(trimmed.replaceAll(',', ''));
      return Number.isFinite(n) ? { value: n, error: null } : { value: null, error: `"${trimmed}" is not a number (the target is a numeric column).` };
    }
    case 'boolean': {
      const word = trimmed.toLowerCase();
      if (TRUE.has(word)) return { value: true, error: null };
      if (FALSE.has(word)) return { value: false, error: null };
      return { value: null, error: `"${trimmed}" is not true or false.` };
    }
    case 'text':
      // Text labels keep their inner spacing but not stray spaces around them ("cat " is "cat").
      return { value: trimmed, error: null };
  }
}

/**
 * The classes a label can be picked from, most frequent first: the profile's top values when one is
 * cached, else the values seen in a sample of rows. Missing values are not a class.
 */
export function classesFrom(values: unknown[], limit = 50): string[] {
  const counts = new Map<string, number>();
  for (const value of values) {
    if (value === null || value === undefined || value === '') continue;
    const text = cellText(value);
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([text]) => text);
}

/**
 * Digits 1–9 pick a class only where a digit cannot itself be the label: a text or boolean target
 * whose classes are not numbers. Otherwise typing "1" must mean the value 1.
 */
export function digitShortcuts(kind: LabelKind, classes: string[]): string[] {
  if (kind === 'integer' || kind === 'number') return [];
  if (classes.some((c) => /^\s*-?\d/.test(c))) return [];
  return classes.slice(0, 9);
}
