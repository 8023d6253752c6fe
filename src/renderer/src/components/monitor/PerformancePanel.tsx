import { useCallback, useMemo } from 'react';
import type { PerformanceReport } from '../../../../shared/monitor/models';
import { timeOfDay } from '../../lib/format';
import { performanceFigure } from '../../lib/monitor-figures';
import { num } from '../../lib/monitor-heatmap';
import { windowLabels, type WindowArgs } from '../../lib/monitor-window';
import type { ChartColors } from '../../lib/plotly';
import { PlotlyChart } from '../charts/PlotlyChart';
import { FairnessTable } from './FairnessTable';
import { LabelsForm } from './LabelsForm';
import { usePerformance } from './useMonitor';

const hhmm = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', hour12: false });

/** Labels in, then the model's metric per window against its test result, decayed windows marked, and fairness per group. */
export function PerformancePanel({ target, args }: { target: string; args: WindowArgs | null }) {
  const { data: report, error } = usePerformance(target, args);
  return (
    <>
      <LabelsForm target={target} />
      <section className="card" aria-labelledby="performance-title" data-testid="monitor-performance">
        <h3 id="performance-title">Performance per window</h3>
        {!args ? (
          <p className="muted">Fix the window size above to see performance.</p>
        ) : error && !report ? (
          <p className="form-error" role="alert" data-testid="monitor-performance-error">
            No performance yet: {error}
          </p>
        ) : !report ? (
          <p className="muted" role="status">
            <span className="spinner" aria-hidden="true" /> Scoring the labeled rows…
          </p>
        ) : (
          <PerformanceView report={report} />
        )}
      </section>
    </>
  );
}

function PerformanceView({ report }: { report: PerformanceReport }) {
  const labels = useMemo(() => windowLabels(report.windows, hhmm), [report]);
  const figure = useCallback((colors: ChartColors) => performanceFigure(report, labels, colors), [report, labels]);
  const labeled = report.windows.reduce((s, w) => s + w.labeled, 0);
  const decayed = report.windows.filter((w) => w.decayed).length;
  if (labeled === 0)
    return (
      <p className="muted" data-testid="monitor-performance-none">
        No labeled rows yet: add labels above (the true outcome of served predictions, by request id) and the {report.metric} per window appears here.
      </p>
    );
  return (
    <>
      <p data-testid="monitor-performance-summary" className={decayed ? 'monitor-warn' : undefined}>
        {report.metric} on {labeled.toLocaleString('en')} labeled rows{report.testValue !== null ? ` against ${num(report.testValue)} on the test split` : ''}.{' '}
        {decayed ? `${decayed} window${decayed === 1 ? '' : 's'} fell ${Math.round(report.tolerance * 100)}% or more below it.` : `No window fell as much as ${Math.round(report.tolerance * 100)}% below it.`}
      </p>
      <PlotlyChart figure={figure} height={240} label={`${report.metric} per window, with the test result as a dashed line; decayed windows marked with a red cross`} testId="monitor-performance-chart" />
      <div className="models-table-wrap">
        <table className="evaluate-table" data-testid="monitor-performance-table">
          <thead>
            <tr>
              <th scope="col">Window</th>
              <th scope="col">Served</th>
              <th scope="col" className="num">
                Labeled rows
              </th>
              <th scope="col" className="num">
                {report.metric}
              </th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {report.windows.map((w, i) => (
              <tr key={w.start + i} className={w.decayed ? 'is-decayed' : undefined}>
                <td>{labels[i]}</td>
                <td>
                  {timeOfDay(w.start)}–{timeOfDay(w.end)}
                </td>
                <td className="num">{w.labeled.toLocaleString('en')}</td>
                <td className="num">{w.value === null ? '—' : num(w.value)}</td>
                <td>{w.warning ? <span className="muted">{w.warning}</span> : w.decayed ? <strong className="monitor-bad">decayed</strong> : 'holds'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FairnessTable report={report} labels={labels} />
    </>
  );
}
