import type { MetricRow } from '../../lib/train-compare';
import { higherIsBetter, metricLabel, metricText } from '../../lib/train-words';

interface MetricsTableProps {
  caption: string;
  /** Column headers: the sets of one run, or the runs being compared. */
  columns: string[];
  rows: MetricRow[];
  /** Mark the best value of each row (comparing runs; not train against test). */
  markBest?: boolean;
  testId: string;
}

/** Metrics as rows, with which way is better, and the best value in bold when comparing. */
export function MetricsTable({ caption, columns, rows, markBest, testId }: MetricsTableProps) {
  if (rows.length === 0) return null;
  return (
    <div className="train-table-wrap">
      <table className="train-table train-metrics" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            {columns.map((c, i) => (
              <th key={i} scope="col" className="num">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.metric} data-metric={row.metric}>
              <th scope="row">
                {metricLabel(row.metric)} <span className="muted">{higherIsBetter(row.metric) ? '↑' : '↓'}</span>
              </th>
              {row.values.map((v, i) => {
                const best = markBest && row.best === i;
                return (
                  <td key={i} className={best ? 'num train-best' : 'num'} data-best={best ? 'true' : undefined}>
                    {metricText(v)}
                    {best && <span className="visually-hidden"> (best)</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
