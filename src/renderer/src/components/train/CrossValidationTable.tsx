import type { CrossValidation } from '../../../../shared/train/models';
import { higherIsBetter, inMetricOrder, metricLabel, metricText } from '../../lib/train-words';

/** k-fold cross-validation on the training rows: each metric's mean ± standard deviation over the folds. */
export function CrossValidationTable({ cv }: { cv: CrossValidation }) {
  const metrics = inMetricOrder(Object.keys(cv.mean));
  return (
    <table className="train-table train-metrics" data-testid="train-detail-cv">
      <caption>Cross-validation ({cv.folds.length} folds)</caption>
      <thead>
        <tr>
          <th scope="col">Metric</th>
          <th scope="col" className="num">
            mean ± std
          </th>
        </tr>
      </thead>
      <tbody>
        {metrics.map((m) => (
          <tr key={m} data-metric={m}>
            <th scope="row">
              {metricLabel(m)} <span className="muted">{higherIsBetter(m) ? '↑' : '↓'}</span>
            </th>
            <td className="num">
              {metricText(cv.mean[m])} ± {metricText(cv.std[m])}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
