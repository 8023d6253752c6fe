import { useEffect } from 'react';
import { useAppStore } from '../../store';
import { DatasetList } from './DatasetList';
import { DatasetView } from './DatasetView';
import { ImportDialog } from './import/ImportDialog';
import { ImportOutcome } from './import/ImportOutcome';
import { StageHeader } from '../StageHeader';

const EMPTY_TEXT = 'No datasets yet — import a CSV, Parquet, JSON, SQLite or PostgreSQL source.';

/**
 * Stage 2: the project's datasets on the left (with the selected one's versions), the selected
 * version on the right as a table, a profile and a schema. The page fills the window height so the
 * table and the profile scroll inside it, with the list and the tabs always in view.
 */
export function DataWorkspace() {
  const state = useAppStore((s) => s.datasetsState);
  const error = useAppStore((s) => s.datasetsError);
  const hasDatasets = useAppStore((s) => s.datasets.length > 0);
  const loadDatasets = useAppStore((s) => s.loadDatasets);
  const openImport = useAppStore((s) => s.openImport);

  useEffect(() => {
    if (state === 'idle') void loadDatasets();
  }, [state, loadDatasets]);

  const importButton = (primary: boolean) => (
    <button type="button" className={primary ? 'button primary' : 'button'} data-testid="data-import-open" onClick={openImport}>
      Import data…
    </button>
  );

  return (
    <article className="stage-page data-page" aria-labelledby="stage-title" data-stage="data">
      <StageHeader stageId="data">{importButton(true)}</StageHeader>
      <ImportOutcome />
      {state === 'error' ? (
        <div className="form-error" role="alert">
          <p>Could not list the datasets: {error}</p>
          <button type="button" className="button small" onClick={() => void loadDatasets()}>
            Try again
          </button>
        </div>
      ) : state !== 'ready' ? (
        <p className="muted" role="status">
          <span className="spinner" aria-hidden="true" /> Loading datasets…
        </p>
      ) : !hasDatasets ? (
        <section className="card data-empty" data-testid="data-empty">
          <h2>{EMPTY_TEXT}</h2>
          <p className="muted">
            Each import becomes a versioned, content-addressed Parquet file in this project. Importing the same content again reuses the
            version it already has.
          </p>
          {importButton(false)}
        </section>
      ) : (
        <div className="data-layout">
          <DatasetList />
          <DatasetView />
        </div>
      )}
      <ImportDialog />
    </article>
  );
}
