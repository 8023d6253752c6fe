import { describe, expect, it } from 'vitest';
import { MAX_LABELS, parseRowSpec, rowsInWords } from '../../../src/renderer/src/lib/label-split-rows';
import { classesFrom, digitShortcuts, labelKind, parseLabel } from '../../../src/renderer/src/lib/label-split-values';

describe('row numbers typed for labelling', () => {
  it('reads rows and ranges as the Table tab numbers them (from 1) and gives engine positions (from 0)', () => {
    expect(parseRowSpec('12, 40-45', 100)).toEqual({ rows: [11, 39, 40, 41, 42, 43, 44], error: null });
    // Spaces around a dash, en dashes, semicolons, repeats and any order.
    expect(parseRowSpec('5 – 7; 3 3\n1', 10)).toEqual({ rows: [0, 2, 4, 5, 6], error: null });
  });

  it('says what is wrong in words', () => {
    expect(parseRowSpec('  ', 10).error).toBe('Type row numbers, e.g. 12, 40-45.');
    expect(parseRowSpec('0', 10).error).toBe('Row numbers start at 1, as in the Table tab.');
    expect(parseRowSpec('9-4', 10).error).toBe('The range 9-4 runs backwards; write it as 4-9.');
    expect(parseRowSpec('8, 11', 10).error).toBe('Row 11 is past the last row (10).');
    expect(parseRowSpec('abc', 10).error).toBe('"abc" is not a row number or a range like 40-45.');
    expect(parseRowSpec(`1-${MAX_LABELS + 1}`, 10 ** 6).error).toMatch(/At most 100,000 rows/);
  });

  it('writes positions back as the ranges a person reads', () => {
    expect(rowsInWords([11, 39, 40, 41, 44])).toBe('12, 40–42, 45');
    expect(rowsInWords([])).toBe('');
  });
});

describe('labels typed for a target', () => {
  it('follows the storage type, so a label never changes the column type', () => {
    expect(labelKind({ type: 'BIGINT' })).toBe('integer');
    expect(labelKind({ type: 'DECIMAL(10,2)' })).toBe('number');
    expect(labelKind({ type: 'BOOLEAN' })).toBe('boolean');
    expect(labelKind({ type: 'VARCHAR' })).toBe('text');
  });

  it('parses each kind, and refuses what does not fit', () => {
    expect(parseLabel(' cat ', 'text')).toEqual({ value: 'cat', error: null });
    expect(parseLabel('1,200', 'integer')).toEqual({ value: 1200, error: null });
    expect(parseLabel('2.5', 'integer').error).toMatch(/not a whole number/);
    expect(parseLabel('-0.25', 'number')).toEqual({ value: -0.25, error: null });
    expect(parseLabel('many', 'number').error).toMatch(/not a number/);
    expect(parseLabel('Yes', 'boolean')).toEqual({ value: true, error: null });
    expect(parseLabel('0', 'boolean')).toEqual({ value: false, error: null });
    expect(parseLabel('', 'text').error).toBe('Type a label.');
  });

  it('offers classes most frequent first, without missing values', () => {
    expect(classesFrom(['b', 'a', null, 'b', 'c', '', 'a', 'b', 2])).toEqual(['b', 'a', '2', 'c']);
  });

  it('lets digits pick classes only where a digit cannot be the label itself', () => {
    const many = Array.from({ length: 12 }, (_, i) => `class${i}`);
    expect(digitShortcuts('text', many)).toHaveLength(9);
    expect(digitShortcuts('integer', ['0', '1'])).toEqual([]);
    expect(digitShortcuts('text', ['yes', '2nd'])).toEqual([]);
  });
});
