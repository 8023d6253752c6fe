import { useCallback, useMemo } from 'react';
import type { HealthReport } from '../../../../shared/monitor/models';
import { timeOfDay } from '../../lib/format';
import { latencyFigure, resourcesFigure, trafficFigure } from '../../lib/monitor-figures';
import { windowLabels } from '../../lib/monitor-window';
import type { ChartColors } from '../../lib/plotly';
import { PlotlyChart } from '../charts/PlotlyChart';
import { useHealth } from './useMonitor';

const hhmm = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', hour12: false });
const ms = (x: number | null) => (x === null ? '—' : `${x.toFixed(1)} ms`);

/** Latency percentiles, request and error rates per window from the server's metrics, and the resources in use. */
export function HealthPanel({ target, minutes }: { target: string; minutes: number | undefined }) {
  const { data: report, error } = useHealth(target, minutes);
  if (error && !report)
    return (
      <p className="form-error card" role="alert" data-testid="monitor-health-error">
        No health yet: {error}
      </p>
    );
  if (!report)
    return (
      <p className="muted card" role="status">
        <span className="spinner" aria-hidden="true" /> Reading the stored metrics…
      </p>
    );
  return <HealthView report={report} />;
}

function HealthView({ report }: { report: HealthReport }) {
  const labels = useMemo(() => windowLabels(report.windows, hhmm), [report]);
  const latency = useCallback((colors: ChartColors) => latencyFigure(report.windows, labels, colors), [report, labels]);
  const traffic = useCallback((colors: ChartColors) => trafficFigure(report.windows, labels, colors), [report, labels]);
  const resources = useCallback((colors: ChartColors) => resourcesFigure(report.resources, colors), [report]);
  const latest = [...new Map(report.resources.map((s) => [s.process, s])).values()];
  const last = report.windows.at(-1);

  return (
    <>
      <section className="card" aria-labelledby="health-title" data-testid="monitor-health">
        <h3 id="health-title">Latency and traffic</h3>
        {report.windows.length === 0 ? (
          <p className="muted" data-testid="monitor-health-none">
            No metrics read yet: each Pull now reads the server’s /metrics, and windows appear once two reads are apart.
          </p>
        ) : (
          <>
            <p className="muted">
              From the server’s metrics read at each pull. Latest window ({timeOfDay(last!.start)}–{timeOfDay(last!.end)}): p50 {ms(last!.p50Ms)}, p95 {ms(last!.p95Ms)}, p99 {ms(last!.p99Ms)},{' '}
              {last!.requestsPerSecond.toFixed(2)} requests/s, {(last!.errorRate * 100).toFixed(1)}% errors.
            </p>
            <div className="deploy-charts">
              <div>
                <h4>Latency percentiles</h4>
                <PlotlyChart figure={latency} height={220} label="p50, p95 and p99 latency in milliseconds per window" testId="monitor-latency-chart" />
              </div>
              <div>
                <h4>Requests per second and error rate</h4>
                <PlotlyChart figure={traffic} height={220} label="Requests per second and the share of failed requests per window" testId="monitor-traffic-chart" />
              </div>
            </div>
          </>
        )}
      </section>
      <section className="card" aria-labelledby="resources-title" data-testid="monitor-resources">
        <h3 id="resources-title">Resources</h3>
        {latest.length === 0 ? (
          <p className="muted">No resource samples yet: they are taken at each pull and while jobs run.</p>
        ) : (
          <>
            <table className="evaluate-table" data-testid="monitor-resources-table">
              <thead>
                <tr>
                  <th scope="col">Process</th>
                  <th scope="col">Sampled</th>
                  <th scope="col" className="num">
                    CPU (% of a core)
                  </th>
                  <th scope="col" className="num">
                    Memory
                  </th>
                  <th scope="col" className="num">
                    GPU
                  </th>
                </tr>
              </thead>
              <tbody>
                {latest.map((s) => (
                  <tr key={s.process}>
                    <td>{s.process}</td>
                    <td>{timeOfDay(s.at)}</td>
                    <td className="num">{s.cpuPercent.toFixed(1)}%</td>
                    <td className="num">{Math.round(s.rssMb)} MB</td>
                    <td className="num">{s.gpuPercent === null ? 'none' : `${s.gpuPercent.toFixed(0)}%${s.gpuMemMb === null ? '' : `, ${Math.round(s.gpuMemMb)} MB`}`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {report.resources.length > 1 && <PlotlyChart figure={resources} height={200} label="CPU use per process over time" testId="monitor-resources-chart" />}
          </>
        )}
      </section>
    </>
  );
}
