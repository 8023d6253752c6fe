import type { ImportSource } from '../../../shared/data/models';
import type { Staged } from './stage';

/** A SQL string literal: 'it''s'. */
export const lit = (text: string) => `'${text.replace(/'/g, "''")}'`;
/** A quoted identifier: "my ""col""". */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

const structOf = (entries: Record<string, string>) => `{${Object.entries(entries).map(([k, v]) => `${lit(k)}: ${lit(v)}`).join(', ')}}`;

type CsvSource = Extract<ImportSource, { kind: 'csv' }>;

/**
 * The DuckDB table expression that reads a staged file. CSV reads always collect malformed rows in
 * DuckDB's reject tables (with line and column) so the caller decides: fail naming the first one,
 * or skip them and keep a sample. The quote defaults to '"' rather than being sniffed, because a
 * sniffer that picks "no quote" silently splits quoted fields.
 */
export function readExpression(staged: Staged, csv: Partial<CsvSource>, types: Record<string, string>, fixedColumns?: Record<string, string>): string {
  const file = lit(staged.path);
  switch (staged.kind) {
    case 'csv': {
      const options = [
        `delim=${lit(csvDelimiter(staged.path, csv))}`,
        `quote=${lit(csv.quote ?? '"')}`,
        `escape=${lit(csv.escape ?? csv.quote ?? '"')}`,
        `header=${csv.header ?? true}`,
        'store_rejects=true',
        'ignore_errors=true',
        'strict_mode=true',
      ];
      if (csv.skipRows) options.push(`skip=${csv.skipRows}`);
      if (csv.nullString !== undefined) options.push(`nullstr=${lit(csv.nullString)}`);
      // Fixed columns switch the sniffer off (it gives up on some broken files); types then live there.
      if (fixedColumns) options.push('auto_detect=false', `columns=${structOf(fixedColumns)}`);
      else if (Object.keys(types).length) options.push(`types=${structOf(types)}`);
      return `read_csv(${file}, ${options.join(', ')})`;
    }
    case 'parquet':
      return `read_parquet(${file})`;
    case 'json': {
      const format = staged.columns ? 'newline_delimited' : (csv as { format?: string }).format ?? 'auto';
      const columns = staged.columns ? `, columns=${structOf({ ...staged.columns, ...types })}` : '';
      return `read_json(${file}, format=${lit(format)}${columns})`;
    }
  }
}

export function csvDelimiter(file: string, csv: Partial<CsvSource>): string {
  return csv.delimiter ?? guessDelimiter(csv.path ?? file);
}

/** Tab for .tsv/.tab files, comma otherwise; the user can always say otherwise. */
export function guessDelimiter(file: string): string {
  return /\.(tsv|tab)$/i.test(file) ? '\t' : ',';
}

/** A DOUBLE literal that DuckDB reads back as exactly the same number (a bare 0.1 would be a DECIMAL). */
export const double = (x: number) => `CAST('${x}' AS DOUBLE)`;
