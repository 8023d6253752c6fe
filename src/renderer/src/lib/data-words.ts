import type { SemanticType } from '../../../shared/data/models';
import type { ProfileWarning } from '../../../shared/data/profile';

/** Words for the data workspace: how sources, columns and values are shown. */

export const SEMANTIC_LABELS: Record<SemanticType, string> = {
  numeric: 'Numeric',
  categorical: 'Categorical',
  text: 'Text',
  datetime: 'Date/time',
  boolean: 'Boolean',
};

export const WARNING_LABELS: Record<ProfileWarning['kind'], string> = {
  constant: 'Constant',
  id_like: 'Looks like an ID',
  duplicates: 'Duplicate rows',
  skewed: 'Skewed',
  missing: 'Missing values',
  leakage: 'Possible leakage',
  imbalanced: 'Imbalanced target',
};

const NUMERIC_TYPE = /^(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|REAL|DOUBLE|DECIMAL|NUMERIC)\b/i;

/** Numbers are right-aligned in tables so their digits line up; that follows the storage type. */
export function isNumericType(type: string): boolean {
  return NUMERIC_TYPE.test(type.trim());
}

/** "1,234,567" */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** Share of `part` in `whole` as "12.3%" ("0%" of nothing; "<0.1%" rather than a misleading 0.0%). */
export function share(part: number, whole: number): string {
  if (whole <= 0 || part <= 0) return '0%';
  const value = (part / whole) * 100;
  if (value < 0.1) return '<0.1%';
  return `${value >= 99.95 && part < whole ? '99.9' : value.toFixed(value >= 10 ? 0 : 1)}%`;
}

/** A statistic, short enough for a card: 4 significant digits, exponents for the very large or small. */
export function stat(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs !== 0 && (abs >= 1e9 || abs < 1e-4)) return value.toExponential(2);
  return value.toLocaleString('en-US', { maximumSignificantDigits: abs >= 1e4 ? 7 : 4 });
}

/** A cell as text: numbers keep their precision up to 10 significant digits, so 0.1+0.2 reads 0.3. */
export function cellText(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export function bytesInWords(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value >= 10 ? 0 : 1)} ${units[unit]}`;
}

/** Where a version came from, in one line ("CSV customers.csv", "PostgreSQL query"). Secrets never reach here. */
export function sourceInWords(source: unknown): string {
  if (typeof source !== 'object' || source === null) return 'unknown source';
  const s = source as Record<string, unknown>;
  const str = (key: string) => (typeof s[key] === 'string' ? (s[key] as string) : '');
  switch (s.kind) {
    case 'csv':
      return `${str('delimiter') === '\t' ? 'TSV' : 'CSV'} ${str('path')}`;
    case 'parquet':
      return `Parquet ${str('path')}`;
    case 'json':
      return `JSON ${str('path')}`;
    case 'sqlite':
      return `SQLite ${str('path')}, table ${str('table')}`;
    case 'postgres':
      return str('query') ? `PostgreSQL query on ${str('url')}` : `PostgreSQL ${str('url')}, table ${str('table')}`;
    case 'url':
      return `URL ${str('url')}`;
    case 'labels':
      return `labels on ${str('parent')} (${typeof s.labels === 'number' ? s.labels.toLocaleString('en') : '?'} by ${str('by') || 'unknown'})`;
    case 'recipe':
      return `recipe on ${str('parent')}`;
    default:
      return 'unknown source';
  }
}
