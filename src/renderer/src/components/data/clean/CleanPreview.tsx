import type { DatasetVersion } from '../../../../../shared/data/models';
import { cellText, count, isNumericType } from '../../../lib/data-words';
import { PREVIEW_SAMPLE, PREVIEW_SHOWN, type CleanEntry } from './clean-state';
import { SqlBlock } from './SqlBlock';

interface CleanPreviewProps {
  version: DatasetVersion;
  entry: CleanEntry;
  /** The current recipe as JSON, or null while a step is not valid. */
  currentKey: string | null;
}

/** What the preview shows now, in one line: up to date, updating, behind an edit, or held back. */
function statusText({ entry, currentKey }: CleanPreviewProps): string {
  if (entry.previewing) return 'Updating…';
  if (currentKey === null) return 'Finish the steps marked in red to update the preview.';
  if (entry.previewError) return entry.previewError.step !== null ? `Step ${entry.previewError.step + 1} cannot run; shown: the last recipe that ran.` : 'The preview failed; shown: the last recipe that ran.';
  if (entry.preview && entry.preview.key !== currentKey) return 'Shown: the recipe before your last change.';
  return entry.preview ? 'Up to date.' : '';
}

/** The recipe's result on a sample: row count, the first rows with their columns, and the SQL. */
export function CleanPreview(props: CleanPreviewProps) {
  const { version, entry } = props;
  const { preview, previewError } = entry;
  const sampleRows = Math.min(PREVIEW_SAMPLE, version.rows);
  const before = new Map(version.columns.map((c) => [c.name, c.type]));
  // Rows of a recipe other than the one being edited are dimmed, so they are not taken for its result.
  const stale = preview !== null && preview.key !== props.currentKey;

  return (
    <section className={stale ? 'clean-preview is-stale' : 'clean-preview'} aria-labelledby="clean-preview-title" aria-busy={entry.previewing} data-testid="clean-preview">
      <div className="clean-section-head">
        <h3 id="clean-preview-title">Preview</h3>
        <span className="muted" role="status" data-testid="clean-preview-status">
          {entry.previewing && <span className="spinner" aria-hidden="true" />} {statusText(props)}
        </span>
      </div>
      {previewError && previewError.step === null && (
        <p className="form-error" role="alert" data-testid="clean-preview-error">
          {previewError.message}
        </p>
      )}
      {!preview && !entry.previewing && !previewError && <p className="muted">The preview appears here once every step is filled in.</p>}
      {preview && (
        <>
          <p data-testid="clean-preview-summary">
            <strong>
              {count(preview.page.total)} {preview.page.total === 1 ? 'row' : 'rows'} × {preview.page.columns.length} columns
            </strong>{' '}
            <span className="muted">
              from a {count(sampleRows)}-row sample of {count(version.rows)}
              {preview.page.rows.length > PREVIEW_SHOWN ? `; the first ${PREVIEW_SHOWN} are shown` : ''}
            </span>
          </p>
          <div className="clean-table-wrap" tabIndex={0} role="region" aria-label="Preview rows">
            <table className="clean-table" data-testid="clean-preview-table">
              <thead>
                <tr>
                  {preview.page.columns.map((c) => {
                    const was = before.get(c.name);
                    const change = was === undefined ? 'new' : was !== c.type ? `was ${was}` : null;
                    return (
                      <th key={c.name} scope="col" className={isNumericType(c.type) ? 'num' : undefined}>
                        <span className="clean-col-name">{c.name}</span>
                        <span className="clean-col-type mono">
                          {c.type}
                          {change && <span className="clean-col-change"> · {change}</span>}
                        </span>
                      </th>
                    );
                  })}
                </tr>
              </thead>
              <tbody>
                {preview.page.rows.slice(0, PREVIEW_SHOWN).map((row, r) => (
                  <tr key={r} data-testid="clean-preview-row">
                    {row.map((value, i) => (
                      <td key={i} className={isNumericType(preview.page.columns[i]?.type ?? '') ? 'num' : undefined}>
                        {value === null || value === undefined ? (
                          <span className="null" title="missing">
                            ∅
                          </span>
                        ) : (
                          cellText(value)
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <SqlBlock sql={preview.sql} />
        </>
      )}
    </section>
  );
}
