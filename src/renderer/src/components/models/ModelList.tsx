import { PRODUCTION_ALIAS } from '../../../../shared/registry/models';
import { dateTime } from '../../lib/format';
import { useAppStore } from '../../store';
import { AliasBadges } from './AliasBadges';
import { modelsActions } from './models-store';
import { useModels } from './useRegistry';

/** Every registered model: how many versions, the latest, which version holds each alias, its tags. */
export function ModelList() {
  const { data: models, error } = useModels();
  const setView = useAppStore((s) => s.setView);

  if (error)
    return (
      <p className="form-error" role="alert" data-testid="models-error">
        Could not list the registered models: {error}
      </p>
    );
  if (!models)
    return (
      <p className="muted" role="status">
        <span className="spinner" aria-hidden="true" /> Loading the registry…
      </p>
    );
  if (models.length === 0)
    return (
      <section className="card models-empty" data-testid="models-empty">
        <h2>No registered models yet.</h2>
        <p className="muted">
          A registered version is a run packaged as one signed ONNX file, checked for parity with the trained model. Open a finished run in Train and press{' '}
          <strong>Register…</strong>; its versions, approvals and the champion are managed here.
        </p>
        <button type="button" className="button primary" onClick={() => setView('train')}>
          Go to Train
        </button>
      </section>
    );

  return (
    <section className="card" aria-labelledby="models-list-title" data-testid="models-list">
      <h2 id="models-list-title">Registered models</h2>
      <div className="models-table-wrap">
        <table className="train-table models-table">
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col" className="num">
                Versions
              </th>
              <th scope="col" className="num">
                Latest
              </th>
              <th scope="col">Aliases</th>
              <th scope="col">Tags</th>
              <th scope="col">Description</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {models.map((m) => (
              <tr key={m.id} data-testid="models-row" data-model={m.name}>
                <th scope="row">
                  <button type="button" className="link-button mono" data-testid="models-open" onClick={() => modelsActions.openModel(m.name)}>
                    {m.name}
                  </button>
                </th>
                <td className="num">{m.versions}</td>
                <td className="num">{m.latestVersion === null ? '—' : `v${m.latestVersion}`}</td>
                <td>
                  <AliasBadges aliases={Object.entries(m.aliases).map(([alias, v]) => ({ alias, version: v }))} />
                  {!(PRODUCTION_ALIAS in m.aliases) && <span className="muted small-text">no champion</span>}
                </td>
                <td>
                  <Tags tags={m.tags} />
                </td>
                <td className="models-description">{m.description || <span className="muted">—</span>}</td>
                <td className="muted">
                  {m.createdBy}, {dateTime(m.createdAt)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function Tags({ tags }: { tags: string[] }) {
  if (tags.length === 0) return <span className="muted">—</span>;
  return (
    <span className="models-tags">
      {tags.map((t) => (
        <span key={t} className="models-tag">
          {t}
        </span>
      ))}
    </span>
  );
}
