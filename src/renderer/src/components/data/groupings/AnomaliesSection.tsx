import type { Analysis } from '../../../../../shared/data/analysis';
import { count, stat } from '../../../lib/data-words';
import { anomaliesSummary, UNUSUAL_SCORE } from '../../../lib/groupings-words';

/** The rows the isolation forest finds easiest to isolate, most anomalous first, with their values. */
export function AnomaliesSection({ analysis }: { analysis: Analysis }) {
  const { anomalies, features } = analysis;
  return (
    <section className="card groupings-anomalies" aria-labelledby="groupings-anomalies-title" data-testid="groupings-anomalies">
      <h2 id="groupings-anomalies-title">Most anomalous rows</h2>
      <p className="muted" data-testid="groupings-anomalies-summary">
        {anomaliesSummary(anomalies, analysis.sampleRows)} Isolation forest of {anomalies.trees} trees: a score near 1 means a row is set apart by few random
        splits; around 0.5 or below it is ordinary.
      </p>
      {anomalies.top.length === 0 ? (
        <p className="muted">No rows were scored.</p>
      ) : (
        <div className="groupings-scroll" tabIndex={0} role="region" aria-labelledby="groupings-anomalies-title">
          <table className="groupings-table">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col" className="num">
                  Score
                </th>
                {features.map((f) => (
                  <th key={f} scope="col" className="num">
                    {f}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {anomalies.top.map((a) => (
                <tr key={a.row} data-testid="groupings-anomaly" data-row={a.row}>
                  <th scope="row">{count(a.row + 1)}</th>
                  <td className="num">
                    {a.score.toFixed(3)}
                    {a.score > UNUSUAL_SCORE && <span className="badge badge-warn">unusual</span>}
                  </td>
                  {features.map((f) => (
                    <td key={f} className="num">
                      {stat(a.values[f])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="hint">Row numbers are the Table tab’s: type one into its “Go to row” box to see the whole row.</p>
    </section>
  );
}
