import type { ColumnProfile } from '../../../../../shared/data/profile';
import { count, share, stat } from '../../../lib/data-words';

/** The numbers behind a column's chart: distribution and outliers, text lengths, or a date range. */
export function ColumnStats({ column }: { column: ColumnProfile }) {
  const { numeric, length, range } = column;
  const rows: [string, string][] = [];
  if (numeric) {
    const q = numeric.quantiles;
    rows.push(
      ['Min', stat(numeric.min)],
      ['Mean', stat(numeric.mean)],
      ['Std', stat(numeric.std)],
      ['Max', stat(numeric.max)],
      ['5%', stat(q.p5)],
      ['25%', stat(q.p25)],
      ['Median', stat(q.p50)],
      ['75%', stat(q.p75)],
      ['95%', stat(q.p95)],
      ['Skewness', stat(numeric.skewness)],
      ['Zeros', `${count(numeric.zeros)} (${share(numeric.zeros, column.count)})`],
      ['Outliers, IQR', `${count(numeric.outliersIqr)} (${share(numeric.outliersIqr, column.count)})`],
      ['Outliers, |z|>3', `${count(numeric.outliersZ)} (${share(numeric.outliersZ, column.count)})`],
    );
  }
  if (length) rows.push(['Shortest', `${stat(length.min)} chars`], ['Mean length', `${stat(length.mean)} chars`], ['Longest', `${stat(length.max)} chars`]);
  if (range) rows.push(['Earliest', range.min ?? '—'], ['Latest', range.max ?? '—']);
  if (rows.length === 0) return null;

  return (
    <dl className="column-stats">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
