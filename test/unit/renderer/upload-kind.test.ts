import { describe, expect, it } from 'vitest';
import { kindForFileName } from '../../../src/renderer/src/lib/import-form';

describe('the source kind a dropped file suggests', () => {
  it('reads it from the extension, whatever its case', () => {
    expect(kindForFileName('Sales 2024.CSV')).toBe('csv');
    expect(kindForFileName('weather.tsv')).toBe('csv');
    expect(kindForFileName('events.parquet')).toBe('parquet');
    expect(kindForFileName('log.ndjson')).toBe('json');
    expect(kindForFileName('app.sqlite3')).toBe('sqlite');
  });
  it('says nothing for files it cannot tell', () => {
    expect(kindForFileName('notes.docx')).toBeNull();
    expect(kindForFileName('README')).toBeNull();
  });
});
