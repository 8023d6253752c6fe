import type { PerformanceReport } from '../../../../shared/monitor/models';
import { num } from '../../lib/monitor-heatmap';

/**
 * The metric per group of each sensitive column, per window, and (binary models) the objective's
 * fairness measure against its bound. Only windows with labeled rows and a sensitive column served.
 */
export function FairnessTable({ report, labels }: { report: PerformanceReport; labels: readonly string[] }) {
  if (report.fairness.length === 0)
    return (
      <p className="muted small-text" data-testid="monitor-fairness-none">
        Fairness per group shows here when the objective names sensitive columns the model is served with, and their rows have labels.
      </p>
    );
  const windowOf = (start: string) => {
    const i = report.windows.findIndex((w) => w.start === start);
    return i >= 0 ? labels[i] : start;
  };
  return (
    <>
      <h4>Fairness per group</h4>
      <div className="models-table-wrap">
        <table className="evaluate-table" data-testid="monitor-fairness">
          <thead>
            <tr>
              <th scope="col">Window</th>
              <th scope="col">Column</th>
              <th scope="col">{report.metric} per group (rows)</th>
              <th scope="col">Fairness bound</th>
            </tr>
          </thead>
          <tbody>
            {report.fairness.map((f) => (
              <tr key={`${f.windowStart}\u0000${f.column}`}>
                <td>{windowOf(f.windowStart)}</td>
                <td className="mono">{f.column}</td>
                <td>{f.groups.map((g) => `${g.group}: ${g.value === null ? '—' : num(g.value)} (${g.rows})`).join(' · ')}</td>
                <td>
                  {f.judged === null ? (
                    <span className="muted">not judged</span>
                  ) : (
                    <span className={f.judged.passes ? 'deploy-test-ok' : 'monitor-bad'}>
                      {f.judged.passes ? '✓' : '✗'} {f.judged.metric} {f.judged.value === null ? 'undefined' : num(f.judged.value)} (bound {num(f.judged.bound)})
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
