import fs from 'node:fs';
import { MlcycleError } from '../../shared/contract/errors';

/** Line and column (1-based) of a character offset, for error messages people can act on. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** Reads a JSON file; a syntax error names the file, line and column. */
export function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new MlcycleError('NOT_FOUND', `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, { file });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? lineColumn(text, Number(position[1])) : text.trim() === '' ? { line: 1, column: 1 } : null;
    const reason = text.trim() === '' ? 'the file is empty' : message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
    throw new MlcycleError(
      'INVALID_ARGUMENT',
      `${file}${where ? `:${where.line}:${where.column}` : ''}: not valid JSON (${reason})`,
      { file, ...(where ?? {}) },
    );
  }
}
