import { dateTime } from '../../lib/format';
import { keyMetric } from '../../lib/registry-words';
import { metricLabel, metricText } from '../../lib/train-words';
import { useAppStore } from '../../store';
import { AliasBadges } from './AliasBadges';
import { DescribeForm } from './DescribeForm';
import { Tags } from './ModelList';
import { modelsActions } from './models-store';
import { ParityBadge } from './ParityBadge';
import { useModels, useVersions } from './useRegistry';

/** One registered model: what it is for (description, tags), and its versions newest first. */
export function VersionsPanel({ model }: { model: string }) {
  const { data: models } = useModels();
  const { data: versions, error } = useVersions(model);
  const objective = useAppStore((s) => s.objective?.value);
  const info = models?.find((m) => m.name === model);
  const metric = versions ? keyMetric(objective, versions) : null;

  return (
    <>
      <section className="card models-head" aria-labelledby="models-model-title" data-testid="models-model">
        <div className="models-title-row">
          <h2 id="models-model-title">
            <span className="mono">{model}</span>
          </h2>
          {info && <AliasBadges aliases={Object.entries(info.aliases).map(([alias, version]) => ({ alias, version }))} />}
        </div>
        {info && (
          <>
            <p className={info.description ? '' : 'muted'}>{info.description || 'No description yet.'}</p>
            <p>
              <span className="muted">Tags: </span>
              <Tags tags={info.tags} />
            </p>
            <DescribeForm model={model} description={info.description} tags={info.tags} />
          </>
        )}
      </section>

      <section className="card" aria-labelledby="models-versions-title" data-testid="models-versions">
        <h2 id="models-versions-title">Versions</h2>
        {error ? (
          <p className="form-error" role="alert">
            Could not list the versions: {error}
          </p>
        ) : !versions ? (
          <p className="muted" role="status">
            <span className="spinner" aria-hidden="true" /> Loading versions…
          </p>
        ) : (
          <div className="models-table-wrap">
            <table className="train-table models-table">
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Run</th>
                  <th scope="col">Learner</th>
                  <th scope="col">Dataset</th>
                  <th scope="col" className="num">
                    {metric ? `Test ${metricLabel(metric)}` : 'Test metric'}
                  </th>
                  <th scope="col">Parity</th>
                  <th scope="col">Aliases</th>
                  <th scope="col" className="num">
                    Approvals
                  </th>
                  <th scope="col">Registered</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((v) => (
                  <tr key={v.id} data-testid="models-version-row" data-version={v.version}>
                    <th scope="row">
                      <button type="button" className="link-button" data-testid="models-version-open" onClick={() => modelsActions.openVersion(model, v.version)}>
                        v{v.version}
                      </button>
                    </th>
                    <td>{v.runName}</td>
                    <td>{v.learner}</td>
                    <td className="mono">{v.dataset}</td>
                    <td className="num">{metric ? metricText(v.testMetrics[metric]) : '—'}</td>
                    <td>
                      <ParityBadge passed={v.parity.passed} />
                    </td>
                    <td>{v.aliases.length ? <AliasBadges aliases={v.aliases.map((alias) => ({ alias }))} /> : <span className="muted">—</span>}</td>
                    <td className="num">{v.approvals.length}</td>
                    <td className="muted">
                      {v.createdBy}, {dateTime(v.createdAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
