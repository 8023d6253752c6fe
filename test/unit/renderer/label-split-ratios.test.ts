import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../../src/shared/data/models';
import { checkRatios, refusal, setNames, splitColumns } from '../../../src/renderer/src/lib/label-split-ratios';

const shares = (train: string, validation: string, test: string) => checkRatios({ train, validation, test });

describe('split shares', () => {
  it('accepts three shares that make 1, within the engine’s tolerance', () => {
    expect(shares('0.6', '0.2', '0.2')).toEqual({ ratios: [0.6, 0.2, 0.2], error: null, fields: {} });
    // 0.7 + 0.15 + 0.15 is 1.0000000000000002 in floating point, and still 1.
    expect(shares('0.7', '0.15', '0.15').ratios).toEqual([0.7, 0.15, 0.15]);
  });

  it('drops the validation set when its share is 0 or empty', () => {
    expect(shares('0.8', '0', '0.2').ratios).toEqual([0.8, 0.2]);
    expect(shares('0.8', '', '0.2').ratios).toEqual([0.8, 0.2]);
    expect(setNames(2)).toEqual(['train', 'test']);
    expect(setNames(3)).toEqual(['train', 'validation', 'test']);
  });

  it('says by how much shares miss 1', () => {
    expect(shares('0.6', '0.3', '0.2')).toMatchObject({ ratios: null, error: 'The shares add up to 1.1, not 1. Change them so train + validation + test = 1 (e.g. 0.6, 0.2, 0.2).' });
    expect(shares('0.5', '0.2', '0.2').error).toMatch(/add up to 0.9, not 1/);
  });

  it('names the field that is wrong, and recognises percentages', () => {
    expect(shares('0', '0.5', '0.5').fields).toEqual({ train: 'More than 0 and less than 1.' });
    expect(shares('0.5', 'x', '0.5').fields).toEqual({ validation: '"x" is not a number.' });
    expect(shares('60', '20', '20')).toMatchObject({ ratios: null, error: 'Shares are fractions of 1: write 0.6 for 60%.' });
  });
});

describe('columns offered per strategy', () => {
  const columns: ColumnInfo[] = [
    { name: 'id', type: 'BIGINT', semantic: 'numeric' },
    { name: 'price', type: 'DOUBLE', semantic: 'numeric' },
    { name: 'site', type: 'VARCHAR', semantic: 'categorical' },
    { name: 'note', type: 'VARCHAR', semantic: 'text' },
    { name: 'day', type: 'DATE', semantic: 'datetime' },
    { name: 'stamp', type: 'VARCHAR', semantic: 'datetime' },
    { name: 'ok', type: 'BOOLEAN', semantic: 'boolean' },
  ];
  const names = (strategy: Parameters<typeof splitColumns>[1]) => splitColumns(columns, strategy).map((c) => c.name);

  it('offers classes to stratify by, times to order by, identifiers to group by', () => {
    expect(names('random')).toEqual([]);
    expect(names('stratified')).toEqual(['site', 'ok']);
    expect(names('time')).toEqual(['day', 'stamp']);
    expect(names('group')).toEqual(['id', 'site', 'note']);
  });
});

describe('engine refusals in the split form', () => {
  it('names the field and drops the method prefix', () => {
    const error = { code: 'INVALID_ARGUMENT', message: "Invalid argument for data.split: 'column': a stratified split needs a column to stratify by (or choose a target)", details: { field: 'column' } };
    expect(refusal(error)).toEqual({ field: 'column', message: 'A stratified split needs a column to stratify by (or choose a target)' });
    expect(refusal({ code: 'INVALID_ARGUMENT', message: "Invalid argument for data.split: 'ratios': the shares must add up to 1", details: { fields: [{ field: 'ratios', message: 'x' }] } })).toEqual({
      field: 'ratios',
      message: 'The shares must add up to 1',
    });
    expect(refusal(new Error('disk full'))).toEqual({ field: null, message: 'Disk full' });
  });
});
