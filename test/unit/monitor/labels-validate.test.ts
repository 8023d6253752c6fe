import { describe, expect, it } from 'vitest';
import { recordLines } from '../../../src/main/engine/monitor/labels-read';
import { validateLabels } from '../../../src/main/engine/monitor/labels-validate';

const classes = { kind: 'classification' as const, classes: ['no', 'yes'] };
const line = (i: number) => `line ${i + 2}`;
const rec = (id: string | null, label: string | null, row: string | null = null) => ({ id, label, row });

describe('checking labels before they are stored', () => {
  it('keeps good labels, last one wins for a repeated request row, and says where and why the others fail', () => {
    const checked = validateLabels(
      [rec('q1', 'yes'), rec('q2', null), rec(null, 'no'), rec('q3', 'maybe'), rec('q4', 'Yes'), rec('q5', 'no', '1.5'), rec('q1', 'no'), rec(' q6 ', ' yes ', '2'), rec('q7', 'no', '')],
      classes,
      line,
    );
    expect(checked.labels).toEqual([
      { requestId: 'q1', row: 0, label: 'no' },
      { requestId: 'q6', row: 2, label: 'yes' },
      { requestId: 'q7', row: 0, label: 'no' },
    ]);
    expect(checked.rejected).toBe(5);
    expect(checked.rejectedSample).toEqual([
      'line 3: empty label',
      'line 4: empty request id',
      "line 5: label 'maybe' is not one of the model's classes (no, yes)",
      "line 6: label 'Yes' is not one of the model's classes (no, yes); did you mean 'yes'?",
      "line 7: row '1.5' is not a whole number of 0 or more",
    ]);
  });

  it('takes numbers for a regression model and stores them in one spelling', () => {
    const checked = validateLabels([rec('a', '1.50'), rec('b', '-2e3'), rec('c', 'twelve'), rec('d', '0x10'), rec('e', '.5')], { kind: 'regression' }, line);
    expect(checked.labels.map((l) => l.label)).toEqual(['1.5', '-2000', '0.5']);
    expect(checked.rejectedSample).toEqual(["line 4: label 'twelve' is not a number (the model predicts numbers)", "line 5: label '0x10' is not a number (the model predicts numbers)"]);
  });

  it('samples at most 20 reasons but counts every rejection', () => {
    const checked = validateLabels(Array.from({ length: 30 }, (_, i) => rec(`q${i}`, '')), classes, line);
    expect(checked).toMatchObject({ labels: [], rejected: 30 });
    expect(checked.rejectedSample).toHaveLength(20);
  });
});

describe('line numbers of CSV records', () => {
  it('counts lines as a text editor shows them: blank lines skipped, quoted line breaks inside one record', () => {
    const text = 'request_id,label\nq1,yes\n\n"q2\nstill q2",no\r\nq3,"say ""yes"""\n\nq4,no';
    // Records start on lines 2, 4 (spanning 5), 6 and 8.
    expect(recordLines(text)).toEqual([2, 4, 6, 8]);
    expect(recordLines('a,b\n')).toEqual([]);
  });
});
