import { describe, expect, it } from 'vitest';
import { CsvBuffer, csvCell, scoreLines, scoreText } from '../../../src/main/engine/registry/score-csv';

/** Every float32 as the scorer writes it, against the string path it replaced. */
const written = (values: number[]) => {
  const csv = new CsvBuffer(16, 32);
  for (const v of values) {
    csv.reserve(32);
    csv.score(v);
    csv.newline();
  }
  return csv.take().toString('latin1').split('\n').slice(0, -1);
};

describe('score CSV text', () => {
  it('writes a float32 as String(Number(v.toPrecision(7))) would, in every range', () => {
    const f = new Float32Array(1);
    const values: number[] = [0, -0, 1, -1, 0.5, 1e-6, 9.9999999e-7, 1e-7, 999_999.95, 9_999_999.5, 0.99999995, 1e15, 1e21, 123_456_789_012, Number.NaN, Number.POSITIVE_INFINITY, -1.5];
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let i = 0; i < 200_000; i++) {
      const r = random();
      // probabilities, then magnitudes from 1e-9 to 1e14 of both signs, then short decimals
      f[0] = i % 3 === 0 ? r : i % 3 === 1 ? (random() - 0.5) * 10 ** Math.floor(random() * 24 - 9) : Math.round(r * 1e7) / 10 ** Math.floor(random() * 12);
      values.push(f[0]);
    }
    const lines = written(values);
    const wrong = values.filter((v, i) => lines[i] !== scoreText(v));
    expect(wrong).toEqual([]);
  });

  it('writes a batch: id, row, label and probabilities, an invalid row with its reason', () => {
    const invalid: Array<[number, string]> = [];
    const csv = new CsvBuffer(8, 32 + 26 * 2);
    const out = scoreLines(
      csv,
      {
        first: 98, rows: 3, ids: ['a-1', 'b,2', 'c"3'], bad: ['', 'x, y', ''], k: 2, classes: ['no', 'yes'],
        scores: Float32Array.from([0.25, 0.75, 0.5, 0.5, 0.1, 0.9]), labels: Int32Array.from([1, 0, -1]), labelTexts: ['yes', 'no', 'maybe'],
      },
      (row, reason) => invalid.push([row, reason]),
    );
    expect(out.toString('utf8')).toBe(['a-1,98,yes,0.25,0.75,', '"b,2",99,,,,"not a number in x, y"', `${csvCell('c"3')},100,maybe,0.1,0.9,`, ''].join('\n'));
    expect(invalid).toEqual([[99, 'not a number in x, y']]);
  });

  it('writes row numbers exactly', () => {
    const csv = new CsvBuffer(4, 32);
    for (const n of [0, 9, 10, 65_535, 1_000_000, 2 ** 40]) {
      csv.reserve(32);
      csv.uint(n);
      csv.comma();
    }
    expect(csv.take().toString()).toBe('0,9,10,65535,1000000,1099511627776,');
  });
});
