import { useCallback, useState, type FormEvent } from 'react';
import type { Analysis } from '../../../../../shared/data/analysis';
import { count } from '../../../lib/data-words';
import { clusterName, elbowFigure, GROUP_COLOURS } from '../../../lib/groupings-figures';
import { clustersSummary, percentage, targetMix } from '../../../lib/groupings-words';
import type { ChartColors } from '../../../lib/plotly';
import { PlotlyChart } from '../../charts/PlotlyChart';
import { Field } from '../../form/Field';

const K_CHOICES = Array.from({ length: 11 }, (_, i) => i + 2);

interface ClustersSectionProps {
  analysis: Analysis;
  target: string | null;
  /** A job is computing another analysis: one at a time. */
  busy: boolean;
  onRun(k: number): void;
}

/** k-means: the elbow view, a k to cluster with, and how many rows each cluster holds. */
export function ClustersSection({ analysis, target, busy, onRun }: ClustersSectionProps) {
  const { clusters } = analysis;
  const [k, setK] = useState(clusters.k);
  const figure = useCallback((colors: ChartColors) => elbowFigure(clusters.inertia, clusters.k, colors), [clusters]);
  const summary = clustersSummary(clusters);
  const mix = target ? targetMix(analysis.points, clusters.k) : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy && k !== clusters.k) onRun(k);
  };

  return (
    <section className="card groupings-clusters" aria-labelledby="groupings-clusters-title" data-testid="groupings-clusters" data-k={clusters.k}>
      <h2 id="groupings-clusters-title">Clusters</h2>
      <p className="muted" data-testid="groupings-clusters-summary">
        {summary}
      </p>
      <PlotlyChart figure={figure} height={260} label={`Elbow chart: inertia for k = 1 to ${clusters.inertia.length}, k = ${clusters.k} marked. ${summary}`} testId="groupings-elbow-chart" />
      <form className="groupings-k" onSubmit={submit}>
        <Field id="groupings-k" label="Number of clusters (k)" hint="The elbow chart covers k = 1 to 8; any k from 2 to 12 can be computed.">
          {(control) => (
            <select {...control} value={k} onChange={(event) => setK(Number(event.target.value))} data-testid="groupings-k-select">
              {K_CHOICES.map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" className="button" disabled={busy || k === clusters.k} data-testid="groupings-k-run">
          {k === clusters.k ? `Showing k = ${k}` : `Cluster with k = ${k}`}
        </button>
      </form>
      <table className="groupings-table" data-testid="groupings-sizes">
        <caption className="muted">Rows per cluster, of the {count(analysis.sampleRows)} sampled{target ? `; the commonest ${target} among the plotted rows` : ''}</caption>
        <thead>
          <tr>
            <th scope="col">Cluster</th>
            <th scope="col" className="num">
              Rows
            </th>
            <th scope="col" className="num">
              Share
            </th>
            {target && <th scope="col">Commonest {target}</th>}
          </tr>
        </thead>
        <tbody>
          {clusters.sizes.map((size, c) => (
            <tr key={c} data-testid="groupings-size" data-size={size}>
              <th scope="row">
                <span className="swatch" style={{ background: GROUP_COLOURS[c % GROUP_COLOURS.length] }} aria-hidden="true" />
                {clusterName(c)}
              </th>
              <td className="num">{count(size)}</td>
              <td className="num">{percentage(size / Math.max(1, analysis.sampleRows))}</td>
              {target && <td>{mix[c] ? `${mix[c].value} (${mix[c].share} of ${count(mix[c].plotted)})` : '—'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
