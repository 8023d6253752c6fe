import fs from 'node:fs';
import { MlcycleError } from '../../../shared/contract/errors';

/** Formats people pick by mistake, known by their first bytes, with what to do instead. */
const BINARY_KINDS: Array<{ magic: number[]; what: string; instead: string }> = [
  { magic: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive (an Excel .xlsx workbook or a zipped file)', instead: 'save the sheet as CSV (File › Save As › CSV) or unzip it, then import that file' },
  { magic: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel .xls workbook', instead: 'save the sheet as CSV (File › Save As › CSV), then import that file' },
  { magic: [0x1f, 0x8b], what: 'a gzip-compressed file', instead: 'unzip it (gunzip), then import the file inside' },
  { magic: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image', instead: 'import a table: CSV/TSV, Parquet, JSON or NDJSON, or a SQLite file' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image', instead: 'import a table: CSV/TSV, Parquet, JSON or NDJSON, or a SQLite file' },
  { magic: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document', instead: 'export the table it holds as CSV, then import that file' },
  { magic: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], what: 'a SQLite database', instead: 'import it as SQLite and name the table (mlcycle data import FILE --table T, or SQLite in the import dialog)' },
  { magic: [0x50, 0x41, 0x52, 0x31], what: 'a Parquet file', instead: 'import it as Parquet (a .parquet name, --format parquet, or Parquet in the import dialog)' },
];

/**
 * Refuses, before any parsing, a file that is plainly not the format it is being read as — an Excel
 * workbook picked as CSV, an image, a Parquet file named .csv — with what it is and what to do,
 * instead of a parser's complaint about its state machine.
 */
export function checkFileKind(file: string, displayName: string, readingAs: 'csv' | 'json' | 'parquet'): void {
  const head = Buffer.alloc(8);
  const fd = fs.openSync(file, 'r');
  let n: number;
  try {
    n = fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const starts = (magic: number[]) => n >= magic.length && magic.every((b, i) => head[i] === b);
  const found = BINARY_KINDS.find((k) => starts(k.magic));
  if (readingAs === 'parquet') {
    if (n > 0 && !starts([0x50, 0x41, 0x52, 0x31])) throw new MlcycleError('INVALID_ARGUMENT', `${displayName} is not a Parquet file${found ? ` but ${found.what}` : ''}: ${found ? found.instead : 'import it as CSV or JSON, or give the right file'}.`, { file: displayName });
    return;
  }
  if (found) throw new MlcycleError('INVALID_ARGUMENT', `${displayName} is ${found.what}, not ${readingAs === 'csv' ? 'CSV text' : 'JSON'}: ${found.instead}.`, { file: displayName });
}
