import { describe, expect, it } from 'vitest';
import { isTimeCut, windowArgs, windowKey, windowLabels } from '../../../src/renderer/src/lib/monitor-window';

describe('window choice', () => {
  it('asks for nothing when automatic, and for a whole number within the contract’s limits otherwise', () => {
    expect(windowArgs({ mode: 'auto', text: 'ignored' })).toEqual({ args: {}, problem: null });
    expect(windowArgs({ mode: 'minutes', text: ' 60 ' })).toEqual({ args: { windowMinutes: 60 }, problem: null });
    expect(windowArgs({ mode: 'rows', text: '10' })).toEqual({ args: { windowRows: 10 }, problem: null });
    expect(windowArgs({ mode: 'minutes', text: '10080' }).args).toEqual({ windowMinutes: 10_080 });
    for (const text of ['', '0', '1.5', 'abc', '10081']) expect(windowArgs({ mode: 'minutes', text }).problem).toMatch(/minutes from 1 to 10,080/);
    for (const text of ['9', '10000001', '-5']) expect(windowArgs({ mode: 'rows', text }).problem).toMatch(/rows from 10 to 10,000,000/);
  });

  it('keys loads by how windows are cut', () => {
    expect([windowKey({}), windowKey({ windowMinutes: 60 }), windowKey({ windowRows: 500 })]).toEqual(['auto', 'm60', 'r500']);
  });

  it('labels windows by start time when each starts in its own minute, else by number', () => {
    const time = (iso: string) => iso.slice(11, 16);
    expect(windowLabels([{ start: '2024-05-01T14:00:00.000Z' }, { start: '2024-05-01T14:05:00.000Z' }], time)).toEqual(['14:00', '14:05']);
    expect(windowLabels([{ start: '2024-05-01T14:00:01.000Z' }, { start: '2024-05-01T14:00:09.000Z' }, { start: '2024-05-01T14:01:00.000Z' }], time)).toEqual(['#1', '#2', '#3']);
  });

  const fiveMinutes = [
    { start: '2024-05-01T14:00:00.000Z', end: '2024-05-01T14:05:00.000Z' },
    { start: '2024-05-01T14:05:00.000Z', end: '2024-05-01T14:10:00.000Z' },
  ];
  const rowSlices = [
    { start: '2024-05-01T14:00:01.000Z', end: '2024-05-01T14:00:03.500Z' },
    { start: '2024-05-01T14:00:03.500Z', end: '2024-05-01T14:00:07.000Z' },
  ];

  it('tells time windows (equal, back to back) from slices of rows', () => {
    expect(isTimeCut(fiveMinutes)).toBe(true);
    expect(isTimeCut(rowSlices)).toBe(false);
    expect(isTimeCut([fiveMinutes[0]!, { start: '2024-05-01T14:10:00.000Z', end: '2024-05-01T14:15:00.000Z' }])).toBe(false);
    expect(isTimeCut([])).toBe(false);
  });
});
