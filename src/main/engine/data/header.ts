import fs from 'node:fs';
import { MlcycleError } from '../../../shared/contract/errors';

/** Splits one CSV line on the delimiter, honouring quotes (enough for a header line). */
export function splitCsvLine(line: string, delimiter: string, quote = '"'): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quote && ch === quote) {
      if (quoted && line[i + 1] === quote) {
        cell += quote;
        i++;
      } else quoted = !quoted;
    } else if (!quoted && line.startsWith(delimiter, i)) {
      cells.push(cell);
      cell = '';
      i += delimiter.length - 1;
    } else cell += ch;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

/** The first line of a file (after `skip` lines), reading only its first 1 MiB. */
export function readFirstLine(file: string, skip = 0): string | null {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(1024 * 1024);
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    const lines = buffer.subarray(0, read).toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
    return lines[skip] ?? null;
  } finally {
    fs.closeSync(fd);
  }
}

/** The column names on the header line. */
export function headerNames(file: string, delimiter: string, quote: string, skip: number): string[] {
  return splitCsvLine(readFirstLine(file, skip) ?? '', delimiter, quote);
}

/**
 * Checks what DuckDB would silently repair: an empty file, and duplicate or empty column names
 * (which it renames to a_1 or column1). Each gets a message naming file, line and column.
 */
export function checkCsvHeader(file: string, displayName: string, delimiter: string, quote: string, skip: number): void {
  if (fs.statSync(file).size === 0) throw new MlcycleError('INVALID_ARGUMENT', `${displayName} is empty: there is nothing to import.`, { file: displayName });
  const line = readFirstLine(file, skip);
  if (line === null || line.trim() === '') {
    throw new MlcycleError('INVALID_ARGUMENT', `${displayName}, line ${skip + 1}: the header line is empty.`, { file: displayName, line: skip + 1 });
  }
  const names = splitCsvLine(line, delimiter, quote);
  const seen = new Map<string, number>();
  names.forEach((name, index) => {
    const column = index + 1;
    if (name === '') {
      throw new MlcycleError('INVALID_ARGUMENT', `${displayName}, line ${skip + 1}, column ${column}: the column has no name. Name it in the header, or import with header off.`, {
        file: displayName,
        line: skip + 1,
        column,
      });
    }
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      throw new MlcycleError('INVALID_ARGUMENT', `${displayName}, line ${skip + 1}, column ${column}: duplicate column name '${name}' (also column ${earlier}). Column names must be unique.`, {
        file: displayName,
        line: skip + 1,
        column,
      });
    }
    seen.set(name, column);
  });
}
