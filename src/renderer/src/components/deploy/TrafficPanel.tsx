import { useCallback, useMemo } from 'react';
import { latencyFigure, rateFigure, trafficPoints } from '../../lib/deploy-traffic';
import type { ChartColors } from '../../lib/plotly';
import { PlotlyChart } from '../charts/PlotlyChart';
import { useDeployStore } from './deploy-store';
import { POLL_MS } from './useDeploy';

const NO_SAMPLES: never[] = [];
const fixed = (n: number | null, digits: number) => (n === null ? '—' : n.toFixed(digits));

/**
 * Live traffic of the open target, from its /metrics read every few seconds while this page is
 * visible: request and error rates, mean and p99 latency, and the totals as numbers.
 */
export function TrafficPanel({ target }: { target: string }) {
  const samples = useDeployStore((s) => s.traffic[target] ?? NO_SAMPLES);
  const points = useMemo(() => trafficPoints(samples), [samples]);
  const last = samples.at(-1);
  const now = points.at(-1);
  const rate = useCallback((colors: ChartColors) => rateFigure(points, colors), [points]);
  const latency = useCallback((colors: ChartColors) => latencyFigure(points, colors), [points]);

  return (
    <section className="card" aria-labelledby="traffic-title" data-testid="deploy-traffic">
      <h3 id="traffic-title">Traffic</h3>
      <p className="muted">
        Read from the server’s metrics every {POLL_MS / 1000} s while this page is open. Rates are the change between two reads; p99 covers everything since the server
        started.
      </p>
      <dl className="evaluate-metrics deploy-numbers" data-testid="traffic-numbers">
        <div data-metric="requests">
          <dt>Requests</dt>
          <dd data-testid="traffic-requests">{last ? last.requests.toLocaleString('en') : '—'}</dd>
        </div>
        <div data-metric="rate">
          <dt>Requests/s</dt>
          <dd>{fixed(now?.requestsPerSecond ?? null, 2)}</dd>
        </div>
        <div data-metric="errors">
          <dt>Errors</dt>
          <dd data-testid="traffic-errors">{last ? last.errors.toLocaleString('en') : '—'}</dd>
        </div>
        <div data-metric="mean">
          <dt>Mean latency</dt>
          <dd>{now?.meanLatencyMs != null ? `${now.meanLatencyMs.toFixed(2)} ms` : '—'}</dd>
        </div>
        <div data-metric="p99">
          <dt>p99 latency</dt>
          <dd data-testid="traffic-p99">{last?.p99LatencyMs != null ? `${last.p99LatencyMs.toFixed(2)} ms` : '—'}</dd>
        </div>
        <div data-metric="in-flight">
          <dt>In flight</dt>
          <dd>{last ? last.inFlight : '—'}</dd>
        </div>
      </dl>
      {points.length === 0 ? (
        <p className="muted" data-testid="traffic-waiting">
          {last ? 'Waiting for the next read to draw rates…' : 'No metrics yet: the server has not answered a read.'}
        </p>
      ) : (
        <div className="deploy-charts">
          <div>
            <h4>Requests and errors per second</h4>
            <PlotlyChart figure={rate} height={200} label="Requests and errors per second over time" testId="traffic-rate-chart" />
          </div>
          <div>
            <h4>Latency</h4>
            <PlotlyChart figure={latency} height={200} label="Mean and p99 latency in milliseconds over time" testId="traffic-latency-chart" />
          </div>
        </div>
      )}
    </section>
  );
}
