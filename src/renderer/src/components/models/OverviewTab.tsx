import type { VersionDetail } from '../../../../shared/registry/models';
import { dateTime } from '../../lib/format';
import { aliasMoveText } from '../../lib/registry-words';
import { inMetricOrder, latencyText, metricLabel, metricText, sizeText } from '../../lib/train-words';
import { useAppStore } from '../../store';
import { DescribeForm } from './DescribeForm';
import { LineageGraph } from './LineageGraph';
import { Tags } from './ModelList';

/** What the version is: its test metrics, the package's facts, its description and tags, lineage and alias moves. */
export function OverviewTab({ detail }: { detail: VersionDetail }) {
  const v = detail.version;
  const primary = useAppStore((s) => s.objective?.value.primaryMetric?.metric ?? null);
  const metrics = inMetricOrder(Object.keys(v.testMetrics));
  const history = detail.aliasHistory.filter((h) => h.version === v.version || h.previous === v.version);

  return (
    <div className="version-grid">
      <section className="card" aria-labelledby="version-metrics-title" data-testid="version-metrics">
        <h3 id="version-metrics-title">Test metrics</h3>
        {metrics.length === 0 ? (
          <p className="muted">The run has no metrics on a test split.</p>
        ) : (
          <dl className="evaluate-metrics version-metrics">
            {metrics.map((m) => (
              <div key={m} data-metric={m} className={m === primary ? 'key-metric' : undefined}>
                <dt>
                  {metricLabel(m)}
                  {m === primary && <span className="visually-hidden"> (the objective’s primary metric)</span>}
                </dt>
                <dd>{metricText(v.testMetrics[m])}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section className="card" aria-labelledby="version-facts-title" data-testid="version-facts">
        <h3 id="version-facts-title">Package</h3>
        <dl className="facts">
          <dt>SHA-256</dt>
          <dd className="mono" title={v.packageSha256}>
            {v.packageSha256.slice(0, 16)}…
          </dd>
          <dt>Size</dt>
          <dd>
            {sizeText(v.packageBytes)} (model.onnx {sizeText(Math.round(v.modelSizeMb * 1e6))})
          </dd>
          <dt>Signed by key</dt>
          <dd className="mono">{v.signer}</dd>
          <dt>Latency (p99, one row)</dt>
          <dd>{latencyText(v.latencyP99Ms)}</dd>
          <dt>Tags</dt>
          <dd>
            <Tags tags={v.tags} />
          </dd>
        </dl>
        <DescribeForm model={v.model} version={v.version} description={v.description} tags={v.tags} />
      </section>

      <section className="card span-all" aria-labelledby="version-lineage-title" data-testid="version-lineage">
        <h3 id="version-lineage-title">Lineage</h3>
        <p className="muted">Where this version came from. Hover or focus a node for its details.</p>
        <LineageGraph lineage={detail.lineage} />
      </section>

      {history.length > 0 && (
        <section className="card span-all" aria-labelledby="version-history-title" data-testid="version-alias-history">
          <h3 id="version-history-title">Alias history</h3>
          <ul className="models-history">
            {history.map((h, i) => (
              <li key={i}>
                {aliasMoveText(h, v.version)} — {h.by}, {dateTime(h.at)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
