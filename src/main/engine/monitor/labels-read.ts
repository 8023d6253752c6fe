import type { DuckDBConnection } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import { MlcycleError } from '../../../shared/contract/errors';
import { checkCsvHeader, headerNames } from '../data/header';
import { guessDelimiter, ident, lit, readExpression } from '../data/sql';

export interface LabelColumns {
  idColumn: string;
  labelColumn: string;
  rowColumn?: string | undefined;
}

/** One record of a labels file, as text (null where the cell is empty). */
export interface RawLabel {
  id: string | null;
  label: string | null;
  row: string | null;
}

export interface LabelsFile {
  /** The file's name, as messages show it. */
  name: string;
  records: RawLabel[];
  /** Where record `i` is, as a person finds it in the file: "line 14" (CSV) or "row 14" (Parquet). */
  place(i: number): string;
}

/**
 * The line each data record of a CSV text starts on, counted as DuckDB counts them: empty lines are
 * no record, a quoted field may span lines. The header (the first record) is left out.
 */
export function recordLines(text: string): number[] {
  const starts: number[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    if (text[i] === '\n') {
      line++;
      i++;
      continue;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') {
      line++;
      i += 2;
      continue;
    }
    starts.push(line);
    let quoted = false;
    for (; i < text.length; i++) {
      const ch = text[i];
      // An escaped quote ("") toggles twice, so it leaves the state as it was.
      if (ch === '"') quoted = !quoted;
      else if (ch === '\n') {
        line++;
        if (!quoted) {
          i++;
          break;
        }
      }
    }
  }
  return starts.slice(1);
}

function missingColumn(name: string, have: string[], columns: LabelColumns): void {
  const wanted: Array<[string | undefined, string, string]> = [
    [columns.idColumn, 'idColumn', 'the request ids'],
    [columns.labelColumn, 'labelColumn', 'the labels'],
    [columns.rowColumn, 'rowColumn', 'the row of each request'],
  ];
  for (const [column, field, holds] of wanted) {
    if (column !== undefined && !have.includes(column)) {
      throw new MlcycleError('INVALID_ARGUMENT', `${name} has no column '${column}' for ${holds} (its columns: ${have.join(', ') || 'none'}). Name the column that holds them.`, { field, column, columns: have });
    }
  }
}

const firstLine = (error: unknown) => (error as Error).message.split('\n')[0]!.replace(/^[A-Za-z ]*Error: /, '');

async function readCsv(con: DuckDBConnection, file: string, name: string, columns: LabelColumns): Promise<LabelsFile> {
  const head = Buffer.alloc(8192);
  const fd = fs.openSync(file, 'r');
  const got = fs.readSync(fd, head, 0, head.length, 0);
  fs.closeSync(fd);
  if (got === 0) throw new MlcycleError('INVALID_ARGUMENT', `${name} is empty: there are no labels in it.`, { file: name });
  if (head.subarray(0, got).includes(0)) {
    throw new MlcycleError('INVALID_ARGUMENT', `${name} is not a CSV file (it holds binary data): save the labels as CSV with a header line, or as Parquet.`, { file: name });
  }
  const delimiter = guessDelimiter(file);
  checkCsvHeader(file, name, delimiter, '"', 0);
  const names = headerNames(file, delimiter, '"', 0);
  missingColumn(name, names, columns);
  // Every column read as text with the header's names (no sniffing), malformed lines kept aside with their line number.
  const read = readExpression({ kind: 'csv', path: file, displayName: name }, {}, {}, Object.fromEntries(names.map((n) => [n, 'VARCHAR'])));
  let rows: unknown[][];
  try {
    rows = (await con.runAndReadAll(`SELECT ${ident(columns.idColumn)}, ${ident(columns.labelColumn)}, ${columns.rowColumn ? ident(columns.rowColumn) : 'NULL'} FROM ${read}`)).getRows();
  } catch (error) {
    throw new MlcycleError('INVALID_ARGUMENT', `${name} is not a readable CSV file: ${firstLine(error)}`, { file: name });
  }
  const [bad] = (await con.runAndReadAll('SELECT line, column_name, error_message, (SELECT COUNT(DISTINCT line) FROM reject_errors) FROM reject_errors ORDER BY line LIMIT 1')).getRows();
  if (bad) {
    const [line, column, message, count] = bad;
    const where = column ? `, column '${String(column)}'` : '';
    throw new MlcycleError('INVALID_ARGUMENT', `${name}, line ${Number(line)}${where}: ${String(message)}. ${Number(count)} malformed line${Number(count) > 1 ? 's' : ''} in all; nothing was added. Fix the file and add it again.`, {
      file: name,
      line: Number(line),
    });
  }
  let lines: number[] | null = null;
  return {
    name,
    records: rows.map(([id, label, row]) => ({ id: id as string | null, label: label as string | null, row: row as string | null })),
    // Only rejected records need their line, so the file is scanned for them only when one is.
    place: (i) => `line ${(lines ??= recordLines(fs.readFileSync(file, 'utf8')))[i] ?? i + 2}`,
  };
}

async function readParquet(con: DuckDBConnection, file: string, name: string, columns: LabelColumns): Promise<LabelsFile> {
  const relation = `read_parquet(${lit(file)})`;
  let names: string[];
  try {
    names = (await con.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`)).getRowObjects().map((r) => String(r.column_name));
  } catch (error) {
    throw new MlcycleError('INVALID_ARGUMENT', `${name} is not a readable Parquet file: ${firstLine(error)}`, { file: name });
  }
  missingColumn(name, names, columns);
  const text = (column: string | undefined) => (column ? `CAST(${ident(column)} AS VARCHAR)` : 'NULL');
  const rows = (await con.runAndReadAll(`SELECT ${text(columns.idColumn)}, ${text(columns.labelColumn)}, ${text(columns.rowColumn)} FROM ${relation}`)).getRows();
  return {
    name,
    records: rows.map(([id, label, row]) => ({ id: id as string | null, label: label as string | null, row: row as string | null })),
    place: (i) => `row ${i + 1}`,
  };
}

/**
 * Reads the three columns of a labels file (CSV/TSV with a header line, or Parquet) as text, in file
 * order. A file that cannot be read, lacks a column or has a malformed line is refused as a whole.
 * `con` should be a connection of its own: the CSV reader's reject table is per connection.
 */
export async function readLabelsFile(con: DuckDBConnection, file: string, columns: LabelColumns): Promise<LabelsFile> {
  const name = path.basename(file);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new MlcycleError('NOT_FOUND', `${file} does not exist.`, { field: 'path', file });
  if (/\.parquet$/i.test(file)) return readParquet(con, file, name, columns);
  if (/\.(csv|tsv|tab|txt)$/i.test(file)) return readCsv(con, file, name, columns);
  throw new MlcycleError('INVALID_ARGUMENT', `${name}: labels are read from .csv (or .tsv) and .parquet files.`, { field: 'path', file: name });
}
